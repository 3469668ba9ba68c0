// The options of a fleet's `build` and `plan` (--targets FILE, or --database-url U --database-url V ...) with bounded
// concurrency, canaries and shards. Only the options are here: the fleet itself (fleet-build.ts, fleet-plan.ts,
// src/fleet) is loaded only when a fleet runs.
import { InvalidArgumentError, Option } from 'commander';
import { FLEET_DEFAULTS } from '../../fleet/limits.ts';
import { parseShard, type Shard } from '../../fleet/shards.ts';
import type { FailOn } from '../../builder/result.ts';
import { positiveIntegerOption, type RunSettingFlags } from '../options.ts';

export interface FleetFlags extends RunSettingFlags {
  registry: string;
  registryTimeout?: number;
  databaseUrl?: string[];
  targets?: string;
  sslCa?: string;
  concurrency: number;
  perHost: number;
  canary?: number;
  shard?: Shard;
  failOn: FailOn;
  json?: string;
}

/** `--database-url` may be repeated: each one adds a database. */
export function repeatedUrlOption(command: 'build' | 'plan' = 'build'): Option {
  return new Option('-d, --database-url <url>', `PostgreSQL URL (default: $DATABASE_URL); repeat it to ${command} several databases`).argParser(
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );
}

/** The fleet options of `build`, or of `plan` (which changes nothing, so has no canaries). */
export function fleetOptions(command: 'build' | 'plan' = 'build'): Option[] {
  const done = command === 'build' ? 'built' : 'planned';
  return [
    new Option('--targets <file>', `${command} a fleet: a YAML or JSON file of targets: [{ name, url | urlEnv, group? }]`),
    new Option('--concurrency <n>', `fleet: databases ${done} at once`).default(FLEET_DEFAULTS.concurrency).argParser(positiveIntegerOption),
    new Option('--per-host <n>', `fleet: databases ${done} at once on one server (host:port)`)
      .default(FLEET_DEFAULTS.perHost)
      .argParser(positiveIntegerOption),
    ...(command === 'build'
      ? [
          new Option(
            '--canary <n>',
            'fleet: build the first N targets first (default: those of group "canary"); if any of their indexes fail, defer the rest',
          ).argParser(positiveIntegerOption),
        ]
      : []),
    new Option('--shard <i/K>', `fleet: ${command} only shard i of K (see index-builder shards)`).argParser(shardOption),
  ];
}

/** A fleet run: a targets file, or more than one --database-url. */
export function isFleetRun(flags: Pick<FleetFlags, 'targets' | 'databaseUrl' | 'shard'>): boolean {
  return flags.targets !== undefined || (flags.databaseUrl?.length ?? 0) > 1 || flags.shard !== undefined;
}

function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
