// The Action's inputs, read and checked before anything touches the database. A bad value fails the step at once
// with a message naming the input; the defaults here are the ones action.yml declares (a test keeps them equal).
import { ON_DRIFT_VALUES, type OnDrift, type RunSettings } from '../builder/build.ts';
import { checkDatabaseUrl, DatabaseUrlError, withSslCa } from '../db/url.ts';
import { readHealthSettings } from '../builder/health-settings.ts';
import { parsePruneClasses, type PruneClass } from '../builder/prune-classes.ts';
import { parseShard, type Shard } from '../fleet/shards.ts';
import { SETTING_DEFAULTS } from '../defaults.ts';
import { FAIL_ON_VALUES, type FailOn } from '../builder/result.ts';
import { parseDuration } from '../util/duration.ts';

export interface ActionInputs {
  databaseUrl: string;
  registry: string;
  lockTimeoutMs: number;
  maxAttempts: number;
  statementTimeoutMs: number;
  timeBudgetMs: number | undefined;
  progressIntervalMs: number;
  failOn: FailOn;
  dryRun: boolean;
  onDrift: OnDrift;
  prune: boolean;
  pruneInclude: PruneClass[];
  pruneMax: number;
  /** max-replica-lag, max-retained-wal, window, parallel, maintenance-work-mem, max-parallel-maintenance-workers. */
  health: ReturnType<typeof readHealthSettings>;
  /** Set only when the `targets` input is: a fleet run (database-url is then not used). */
  fleet?: FleetInputs;
}

/** The inputs every build gets, one database or a fleet. */
export function runSettingsOf(inputs: ActionInputs): RunSettings {
  return {
    lockTimeoutMs: inputs.lockTimeoutMs,
    statementTimeoutMs: inputs.statementTimeoutMs,
    maxAttempts: inputs.maxAttempts,
    timeBudgetMs: inputs.timeBudgetMs,
    progressIntervalMs: inputs.progressIntervalMs,
    onDrift: inputs.onDrift,
    prune: inputs.prune,
    pruneInclude: inputs.pruneInclude,
    pruneMax: inputs.pruneMax,
    ...inputs.health,
  };
}

export interface FleetInputs {
  targets: string;
  concurrency: number;
  perHost: number;
  canary?: number;
  shard?: Shard;
}

/** Defaults of the optional inputs, as action.yml spells them; `''` means none. */
export const INPUT_DEFAULTS = SETTING_DEFAULTS;

export type InputName = 'database-url' | keyof typeof INPUT_DEFAULTS;

/** An input the step cannot run with; the message names it. */
export class InputError extends Error {}

/** Reads every input through `get` (core.getInput, or a map in tests); throws {@link InputError}. */
export function readInputs(get: (name: InputName) => string): ActionInputs {
  const value = (name: keyof typeof INPUT_DEFAULTS) => get(name).trim() || INPUT_DEFAULTS[name];
  const timeBudget = value('time-budget');
  const fleet = fleetInputs(value);
  if (fleet && get('database-url').trim()) throw new InputError('Give either "database-url" (one database) or "targets" (a fleet), not both');
  if (fleet && booleanInput('dry-run', value('dry-run')))
    throw invalid('dry-run', 'a dry run over "targets" is not supported yet: plan one database at a time with database-url');
  if (!fleet && value('shard')) throw invalid('shard', 'it needs "targets" (the shards are computed from its names)');
  return {
    databaseUrl: fleet ? '' : withSslCa(databaseUrlInput(get('database-url').trim()), value('ssl-ca') || undefined),
    registry: value('registry'),
    lockTimeoutMs: durationInput('lock-timeout', value('lock-timeout')),
    maxAttempts: positiveIntegerInput('max-attempts', value('max-attempts')),
    statementTimeoutMs: durationInput('statement-timeout', value('statement-timeout')),
    timeBudgetMs: timeBudget === '' ? undefined : durationInput('time-budget', timeBudget),
    progressIntervalMs: durationInput('progress-interval', value('progress-interval')),
    failOn: failOnInput(value('fail-on')),
    dryRun: booleanInput('dry-run', value('dry-run')),
    onDrift: oneOfInput('on-drift', value('on-drift'), ON_DRIFT_VALUES),
    prune: booleanInput('prune', value('prune')),
    pruneInclude: pruneIncludeInput(value('prune-include')),
    pruneMax: wholeNumberInput('prune-max', value('prune-max')),
    health: readHealthSettings(value, (name, message) => invalid(name, message)),
    ...(fleet ? { fleet } : {}),
  };
}

function fleetInputs(value: (name: keyof typeof INPUT_DEFAULTS) => string): FleetInputs | undefined {
  const targets = value('targets');
  if (!targets) return undefined;
  const canary = value('canary');
  const shard = value('shard');
  return {
    targets,
    concurrency: positiveIntegerInput('concurrency', value('concurrency')),
    perHost: positiveIntegerInput('per-host', value('per-host')),
    ...(canary ? { canary: positiveIntegerInput('canary', canary) } : {}),
    ...(shard ? { shard: shardInput(shard) } : {}),
  };
}

function shardInput(text: string): Shard {
  try {
    return parseShard(text);
  } catch (error) {
    throw invalid('shard', (error as Error).message);
  }
}

function invalid(name: InputName, reason: string): InputError {
  return new InputError(`Invalid input "${name}": ${reason}`);
}

function databaseUrlInput(url: string): string {
  if (!url) {
    throw new InputError(
      'Input "database-url" is required and was empty: pass it from a secret, e.g. database-url: ${{ secrets.DATABASE_URL }} (or give targets: FILE for a fleet)',
    );
  }
  try {
    return checkDatabaseUrl(url);
  } catch (error) {
    // checkDatabaseUrl's messages never include the URL itself, so they are safe to print.
    if (error instanceof DatabaseUrlError) throw invalid('database-url', error.message);
    throw error;
  }
}

function durationInput(name: InputName, text: string): number {
  try {
    return parseDuration(text);
  } catch (error) {
    throw invalid(name, (error as Error).message);
  }
}

function positiveIntegerInput(name: InputName, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw invalid(name, `"${text}" is not a whole number of 1 or more`);
  return Number(text);
}

function wholeNumberInput(name: InputName, text: string): number {
  if (!/^\d+$/.test(text)) throw invalid(name, `"${text}" is not a whole number of 0 or more`);
  return Number(text);
}

function pruneIncludeInput(text: string): PruneClass[] {
  try {
    return parsePruneClasses(text);
  } catch (error) {
    throw invalid('prune-include', (error as Error).message);
  }
}

function failOnInput(text: string): FailOn {
  return oneOfInput('fail-on', text, FAIL_ON_VALUES);
}

function oneOfInput<T extends string>(name: InputName, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw invalid(name, `"${text}" is not one of ${allowed.join(', ')}`);
  return text as T;
}

/** The YAML 1.2 core-schema booleans, as core.getBooleanInput accepts them. */
function booleanInput(name: InputName, text: string): boolean {
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw invalid(name, `"${text}" is not true or false`);
}
