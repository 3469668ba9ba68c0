// The options several commands share, and turning command-line words into typed settings; each bad value is a usage
// error naming the option.
import { InvalidArgumentError, Option } from 'commander';
import type { RunSettings } from '../builder/build.ts';
import { ON_DRIFT_VALUES, type OnDrift } from '../builder/decide.ts';
import { HEALTH_SETTING_NAMES, readHealthSettings, type HealthSettingName } from '../builder/health-settings.ts';
import { parsePruneClasses, type PruneClass } from '../builder/prune-classes.ts';
import { FAIL_ON_VALUES, type FailOn } from '../builder/result.ts';
import { SETTING_DEFAULTS } from '../defaults.ts';
import { parseDuration } from '../util/duration.ts';

/** The build options of `build` (one database or a fleet), as commander parses them. */
export interface RunSettingFlags {
  lockTimeout: number;
  maxAttempts: number;
  statementTimeout: number;
  timeBudget?: number;
  progressInterval: number;
  onDrift: OnDrift;
  prune: boolean;
  pruneInclude: PruneClass[];
  pruneMax: number;
  maxReplicaLag?: string;
  maxRetainedWal?: string;
  window?: string;
  parallel?: string;
  maintenanceWorkMem?: string;
  maxParallelMaintenanceWorkers?: string;
}

/** The flags of the health gate, window, parallel builds and build resources: checked as the Action checks its inputs. */
export function healthOptions(): Option[] {
  const help: Record<HealthSettingName, [string, string]> = {
    'max-replica-lag': ['<duration>', 'hold each build while a streaming replica replays further behind than this (e.g. 30s)'],
    'max-retained-wal': ['<size>', 'hold each build while a replication slot keeps more WAL than this on the primary (e.g. 5GB)'],
    window: ['<HH:MM-HH:MM[ zone]>', 'start builds only inside this maintenance window (e.g. "01:00-05:00 Europe/Paris"; UTC if no zone)'],
    parallel: ['<n>', 'build up to n indexes at once, never two on one table (default: 1)'],
    'maintenance-work-mem': ['<size>', "maintenance_work_mem for each build's session (e.g. 1GB)"],
    'max-parallel-maintenance-workers': ['<n>', "max_parallel_maintenance_workers for each build's session"],
  };
  return HEALTH_SETTING_NAMES.map((name) =>
    new Option(`--${name} ${help[name][0]}`, help[name][1]).argParser((text: string) => {
      readHealthSettings(
        (asked) => (asked === name ? text : ''),
        (_, message) => new InvalidArgumentError(message),
      );
      return text;
    }),
  );
}

export const registryOption = () =>
  new Option('-r, --registry <file>', 'registry file (.ts .mts .js .mjs .json .yaml .yml)').default(SETTING_DEFAULTS.registry);

export const registryTimeoutOption = () =>
  new Option(
    '--registry-timeout <duration>',
    'stop a .ts/.js registry still loading after this long, 0 for never (default: $INDEX_BUILDER_REGISTRY_TIMEOUT, else 60s)',
  ).argParser(durationOption);

export const sslCaOption = () =>
  new Option('--ssl-ca <file>', 'CA certificate to verify the server with (sslmode verify-full unless the URL says otherwise)');

/** Build's options that change what it does; plan takes them too, to say exactly what build would do. */
export function whatBuildDoesOptions(): Option[] {
  return [
    new Option('--on-drift <what>', 'a valid index whose definition differs from the registry: report it, or rebuild it concurrently and swap')
      .default(SETTING_DEFAULTS['on-drift'])
      .argParser(onDriftOption),
    new Option('--prune', 'drop indexes index-builder built that the registry no longer declares').default(false),
    new Option('--prune-include <classes>', '--prune may also drop: adopted, unique, constraint, shrunk-registry (comma-separated)')
      .default([], 'none')
      .argParser(pruneIncludeOption),
    new Option('--prune-max <n>', '--prune drops at most this many indexes in one run')
      .default(Number(SETTING_DEFAULTS['prune-max']))
      .argParser(wholeNumberOption),
  ];
}

export function runSettingsOf(flags: RunSettingFlags): RunSettings {
  const texts: Record<HealthSettingName, string | undefined> = {
    'max-replica-lag': flags.maxReplicaLag,
    'max-retained-wal': flags.maxRetainedWal,
    window: flags.window,
    parallel: flags.parallel,
    'maintenance-work-mem': flags.maintenanceWorkMem,
    'max-parallel-maintenance-workers': flags.maxParallelMaintenanceWorkers,
  };
  const health = readHealthSettings(
    (name) => texts[name] ?? '',
    (name, message) => new InvalidArgumentError(`--${name}: ${message}`),
  );
  return {
    lockTimeoutMs: flags.lockTimeout,
    statementTimeoutMs: flags.statementTimeout,
    maxAttempts: flags.maxAttempts,
    timeBudgetMs: flags.timeBudget,
    progressIntervalMs: flags.progressInterval,
    onDrift: flags.onDrift,
    prune: flags.prune,
    pruneInclude: flags.pruneInclude,
    pruneMax: flags.pruneMax,
    ...health,
  };
}

/** `--prune-include adopted,unique` (repeatable): the classes gathered so far plus these. */
function pruneIncludeOption(value: string, previous: PruneClass[] = []): PruneClass[] {
  try {
    return [...new Set([...previous, ...parsePruneClasses(value)])];
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function wholeNumberOption(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more`);
  return Number(value);
}

export function durationOption(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

export function positiveIntegerOption(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of 1 or more`);
  return Number(value);
}

export function failOnOption(value: string): FailOn {
  return oneOf(value, FAIL_ON_VALUES);
}

function onDriftOption(value: string): OnDrift {
  return oneOf(value, ON_DRIFT_VALUES);
}

function oneOf<T extends string>(value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`"${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}
