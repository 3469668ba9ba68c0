// The run-wide settings of the health gate, the window, parallel builds and build resources, from their text (a CLI
// flag or an Action input, both spelled as in SETTING_DEFAULTS); each parser throws an Error saying what is wrong.
import { memoryProblem, workersProblem } from '@index-builder/sql-core/registry';
import { parseDuration } from '../util/duration.ts';
import type { RunSettings } from './build.ts';
import { parseSize } from './health-gate.ts';
import { parseWindow } from './window.ts';

export const HEALTH_SETTING_NAMES = [
  'max-replica-lag',
  'max-retained-wal',
  'window',
  'parallel',
  'maintenance-work-mem',
  'max-parallel-maintenance-workers',
] as const;
export type HealthSettingName = (typeof HEALTH_SETTING_NAMES)[number];

type HealthRunSettings = Pick<
  RunSettings,
  'maxReplicaLagMs' | 'maxRetainedWalBytes' | 'window' | 'parallel' | 'maintenanceWorkMem' | 'maxParallelMaintenanceWorkers'
>;

/** Reads each setting that is not empty; `fail(name, message)` makes the error a caller throws. */
export function readHealthSettings(
  value: (name: HealthSettingName) => string,
  fail: (name: HealthSettingName, message: string) => Error,
): HealthRunSettings {
  const settings: HealthRunSettings = {};
  const read = <T>(name: HealthSettingName, parse: (text: string) => T, set: (parsed: T) => void) => {
    const text = value(name).trim();
    if (text === '') return;
    try {
      set(parse(text));
    } catch (error) {
      throw fail(name, (error as Error).message);
    }
  };
  read('max-replica-lag', parseDuration, (ms) => (settings.maxReplicaLagMs = ms));
  read('max-retained-wal', parseSize, (bytes) => (settings.maxRetainedWalBytes = bytes));
  read('window', parseWindow, (window) => (settings.window = window));
  read('parallel', parseParallel, (n) => (settings.parallel = n));
  read('maintenance-work-mem', parseMemory, (memory) => (settings.maintenanceWorkMem = memory));
  read('max-parallel-maintenance-workers', parseWorkers, (n) => (settings.maxParallelMaintenanceWorkers = n));
  return settings;
}

function parseParallel(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > 64) throw new Error(`"${text}" is not a whole number from 1 to 64`);
  return Number(text);
}

function parseMemory(text: string): string {
  const problem = memoryProblem(text.trim());
  if (problem) throw new Error(problem);
  return text.trim();
}

function parseWorkers(text: string): number {
  const number = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  const problem = workersProblem(number);
  if (problem) throw new Error(`"${text}" is not a whole number from 0 to 1024`);
  return number;
}
