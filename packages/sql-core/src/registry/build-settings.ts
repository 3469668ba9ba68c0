// An entry's own build settings: `maintenanceWorkMem` and `maxParallelMaintenanceWorkers` (set on the build's session
// for its CREATE INDEX only) and `ignoreWindow` (a small critical index that must never wait for the maintenance
// window). Checked here; the run-wide flags are checked with the same rules.
import type { EntryProblem } from './problems.ts';

export interface EntryBuildSettings {
  maintenanceWorkMem?: string;
  maxParallelMaintenanceWorkers?: number;
  ignoreWindow?: boolean;
}

export const BUILD_SETTING_KEYS = ['maintenanceWorkMem', 'maxParallelMaintenanceWorkers', 'ignoreWindow'] as const;

/** PostgreSQL's memory units are case-sensitive: 64MB, 1GB, 512kB; a bare number is in kB. */
const MEMORY = /^\d+\s*(kB|MB|GB|TB)?$/;
/** max_parallel_maintenance_workers' range (max_worker_processes bounds it further at run time). */
const MAX_WORKERS = 1024;

/** Why `value` is not a maintenance_work_mem, or undefined when it is one. */
export function memoryProblem(value: unknown): string | undefined {
  return typeof value === 'string' && MEMORY.test(value.trim()) ? undefined : `${JSON.stringify(value)} is not a memory size (e.g. '1GB', '256MB')`;
}

export function workersProblem(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_WORKERS
    ? undefined
    : `${JSON.stringify(value)} is not a whole number from 0 to ${MAX_WORKERS}`;
}

/** The entry's build settings, or the problems with them (code invalid-build-setting, one per key). */
export function readBuildSettings(def: Record<string, unknown>): { settings: EntryBuildSettings; problems: EntryProblem[] } {
  const problems: EntryProblem[] = [];
  const settings: EntryBuildSettings = {};
  if (def.maintenanceWorkMem !== undefined) {
    const why = memoryProblem(def.maintenanceWorkMem);
    if (why)
      problems.push({
        code: 'invalid-build-setting',
        field: 'maintenanceWorkMem',
        message: `"maintenanceWorkMem": ${why}`,
        fix: "write maintenanceWorkMem: '1GB'",
      });
    else settings.maintenanceWorkMem = (def.maintenanceWorkMem as string).trim();
  }
  if (def.maxParallelMaintenanceWorkers !== undefined) {
    const why = workersProblem(def.maxParallelMaintenanceWorkers);
    if (why)
      problems.push({
        code: 'invalid-build-setting',
        field: 'maxParallelMaintenanceWorkers',
        message: `"maxParallelMaintenanceWorkers": ${why}`,
        fix: 'write maxParallelMaintenanceWorkers: 2',
      });
    else settings.maxParallelMaintenanceWorkers = def.maxParallelMaintenanceWorkers as number;
  }
  if (def.ignoreWindow !== undefined) {
    if (typeof def.ignoreWindow !== 'boolean')
      problems.push({
        code: 'invalid-build-setting',
        field: 'ignoreWindow',
        message: `"ignoreWindow" must be true or false, found ${JSON.stringify(def.ignoreWindow)}`,
        fix: 'write ignoreWindow: true',
      });
    else if (def.ignoreWindow) settings.ignoreWindow = true;
  }
  return { settings, problems };
}
