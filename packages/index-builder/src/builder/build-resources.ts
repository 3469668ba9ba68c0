// What a build may use: maintenance_work_mem and max_parallel_maintenance_workers, from the entry (registry) or else
// the run's flags, set on the build's session just before its CREATE INDEX and reset right after, so that nothing
// else the session runs (catalog reads, the next index) inherits them.
import type pg from 'pg';
import type { EntryBuildSettings } from '@index-builder/sql-core/registry';

export interface BuildResources {
  maintenanceWorkMem?: string;
  maxParallelMaintenanceWorkers?: number;
}

export function resourcesFor(entry: EntryBuildSettings, run: BuildResources | undefined): BuildResources {
  const maintenanceWorkMem = entry.maintenanceWorkMem ?? run?.maintenanceWorkMem;
  const workers = entry.maxParallelMaintenanceWorkers ?? run?.maxParallelMaintenanceWorkers;
  return {
    ...(maintenanceWorkMem !== undefined ? { maintenanceWorkMem } : {}),
    ...(workers !== undefined ? { maxParallelMaintenanceWorkers: workers } : {}),
  };
}

/** Sets the resources on the session (as parameters, never spliced into SQL); returns what resets them. */
export async function applyResources(client: pg.Client, resources: BuildResources): Promise<() => Promise<void>> {
  const names: string[] = [];
  if (resources.maintenanceWorkMem !== undefined) {
    await client.query("SELECT set_config('maintenance_work_mem', $1, false)", [resources.maintenanceWorkMem]);
    names.push('maintenance_work_mem');
  }
  if (resources.maxParallelMaintenanceWorkers !== undefined) {
    await client.query("SELECT set_config('max_parallel_maintenance_workers', $1, false)", [String(resources.maxParallelMaintenanceWorkers)]);
    names.push('max_parallel_maintenance_workers');
  }
  return async () => {
    for (const name of names) await client.query(`RESET ${name}`).catch(() => {});
  };
}
