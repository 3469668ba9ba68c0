import type { EntryProblem } from './problems.js';
export interface EntryBuildSettings {
    maintenanceWorkMem?: string;
    maxParallelMaintenanceWorkers?: number;
    ignoreWindow?: boolean;
}
export declare const BUILD_SETTING_KEYS: readonly ["maintenanceWorkMem", "maxParallelMaintenanceWorkers", "ignoreWindow"];
/** Why `value` is not a maintenance_work_mem, or undefined when it is one. */
export declare function memoryProblem(value: unknown): string | undefined;
export declare function workersProblem(value: unknown): string | undefined;
/** The entry's build settings, or the problems with them (code invalid-build-setting, one per key). */
export declare function readBuildSettings(def: Record<string, unknown>): {
    settings: EntryBuildSettings;
    problems: EntryProblem[];
};
