// The CLI's fleet: `build --targets FILE | --database-url U --database-url V ...` with bounded concurrency, canaries
// and shards, and `index-builder shards` for a GitHub matrix. A plain one-database build never comes here.
import { Command, InvalidArgumentError, Option } from 'commander';
import { DatabaseUrlError, withSslCa } from '../builder/connection.ts';
import { fleetConsoleEvents, fleetEndLines } from '../fleet/console.ts';
import { FLEET_DEFAULTS } from '../fleet/limits.ts';
import { fleetShouldFail } from '../fleet/report.ts';
import { runFleet } from '../fleet/run.ts';
import { parseShard, selectShard, shardMatrix, type Shard } from '../fleet/shards.ts';
import { loadTargets, TargetsError, targetsFromUrls } from '../fleet/targets.ts';
import type { Target } from '../fleet/types.ts';
import { loadRegistry, type LoadedRegistry } from '../registry/load.ts';
import { writeJsonReport } from '../report/json.ts';
import type { FailOn } from '../report/types.ts';
import type { Io } from './main.ts';
import { positiveIntegerOption, runSettingsOf, type RunSettingFlags } from './options.ts';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

export interface FleetFlags extends RunSettingFlags {
  registry: string;
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
export function repeatedUrlOption(): Option {
  return new Option('-d, --database-url <url>', 'PostgreSQL URL (default: $DATABASE_URL); repeat it to build several databases').argParser(
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );
}

export function fleetOptions(): Option[] {
  return [
    new Option('--targets <file>', 'build a fleet: a YAML or JSON file of targets: [{ name, url | urlEnv, group? }]'),
    new Option('--concurrency <n>', 'fleet: databases built at once').default(FLEET_DEFAULTS.concurrency).argParser(positiveIntegerOption),
    new Option('--per-host <n>', 'fleet: databases built at once on one server (host:port)')
      .default(FLEET_DEFAULTS.perHost)
      .argParser(positiveIntegerOption),
    new Option(
      '--canary <n>',
      'fleet: build the first N targets first (default: those of group "canary"); if any of their indexes fail, defer the rest',
    ).argParser(positiveIntegerOption),
    new Option('--shard <i/K>', 'fleet: build only shard i of K (see index-builder shards)').argParser(shardOption),
  ];
}

/** A fleet run: a targets file, or more than one --database-url. */
export function isFleetRun(flags: Pick<FleetFlags, 'targets' | 'databaseUrl' | 'shard'>): boolean {
  return flags.targets !== undefined || (flags.databaseUrl?.length ?? 0) > 1 || flags.shard !== undefined;
}

export function addShardsCommand(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('shards')
    .description('split a targets file into K shards for a GitHub matrix; prints { "include": [{ "shard": "i/K", "targets": [...] }] }')
    .requiredOption('--targets <file>', 'the targets file (YAML or JSON)')
    .requiredOption('--shards <k>', 'how many shards', positiveIntegerOption)
    .action(async (flags: { targets: string; shards: number }) => {
      try {
        // Names only: the URLs are not needed (and their variables may not be set in this job).
        const targets = await loadTargets(flags.targets, {});
        io.out(JSON.stringify(shardMatrix(targets, flags.shards)));
      } catch (error) {
        if (!(error instanceof TargetsError)) throw error;
        io.err(`index-builder: ${error.message}`);
        setExit(EXIT_USAGE);
      }
    });
}

export async function runFleetBuild(flags: FleetFlags, io: Io, reportProblems: (registry: LoadedRegistry) => boolean): Promise<number> {
  let targets: Target[];
  try {
    targets = await fleetTargets(flags, io.env);
  } catch (error) {
    if (!(error instanceof TargetsError || error instanceof DatabaseUrlError)) throw error;
    io.err(`index-builder: ${error.message}`);
    return EXIT_USAGE;
  }
  const registry = await loadRegistry(flags.registry);
  if (!reportProblems(registry)) {
    io.err('Nothing was built: fix the registry first (index-builder check).');
    return flags.failOn === 'never' ? EXIT_OK : EXIT_FAILED;
  }
  if (targets.length === 0) {
    io.out(`Shard ${flags.shard!.index}/${flags.shard!.count} has no targets: nothing to do.`);
    return EXIT_OK;
  }
  const shard = flags.shard ? `, shard ${flags.shard.index}/${flags.shard.count}` : '';
  io.out(`Fleet: ${targets.length} database(s), at most ${flags.concurrency} at once and ${flags.perHost} per server${shard}`);
  io.signal?.addEventListener('abort', () =>
    io.out(`⚠️  ${String(io.signal?.reason)} received: cancelling the running builds; databases not started yet are left for the next run`),
  );
  const fleet = await runFleet(registry.entries, targets, {
    concurrency: flags.concurrency,
    perHost: flags.perHost,
    ...(flags.canary !== undefined ? { canary: flags.canary } : {}),
    build: runSettingsOf(flags),
    ...(io.signal ? { signal: io.signal } : {}),
    events: fleetConsoleEvents(io.out),
  });
  for (const line of fleetEndLines(fleet)) io.out(line);
  if (flags.json) await writeJsonReport(flags.json, fleet);
  return fleetShouldFail(fleet, flags.failOn) ? EXIT_FAILED : EXIT_OK;
}

async function fleetTargets(flags: FleetFlags, env: NodeJS.ProcessEnv): Promise<Target[]> {
  if (flags.targets !== undefined && flags.databaseUrl?.length) throw new TargetsError('give --targets or --database-url, not both');
  if (flags.shard && flags.targets === undefined) throw new TargetsError('--shard needs --targets (the shards are computed from its names)');
  const all = flags.targets !== undefined ? await loadTargets(flags.targets, env) : targetsFromUrls(flags.databaseUrl ?? []);
  const chosen = flags.shard ? selectShard(all, flags.shard) : all;
  return chosen.map((target) => (target.url ? { ...target, url: withSslCa(target.url, flags.sslCa) } : target));
}

function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}
