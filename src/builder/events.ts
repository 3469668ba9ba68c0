import type { RegistryEntry } from '../registry/types.ts';
import type { IndexFailure, IndexResult, Report } from '../report/types.ts';
import type { BuildProgress } from './monitor.ts';

/** What a run tells its audience as it goes; the console log and the Action both listen. */
export interface BuildEvents {
  connecting(target: string): void;
  connected(): void;
  /** The run does nothing: another builder holds the lock, or the database cannot be reached. */
  notice(message: string): void;
  runStarted(count: number): void;
  indexStarted(position: number, count: number, entry: RegistryEntry): void;
  building(entry: RegistryEntry, kind: 'create' | 'rebuild'): void;
  progress(entry: RegistryEntry, progress: BuildProgress, elapsedMs: number): void;
  attemptFailed(entry: RegistryEntry, attempt: number, maxAttempts: number, failure: IndexFailure, willRetry: boolean): void;
  retrying(entry: RegistryEntry, attempt: number, maxAttempts: number, waitedMs: number): void;
  indexFinished(entry: RegistryEntry, result: IndexResult): void;
  runFinished(report: Report): void;
}

/** Listens to nothing; for callers that only want the report. */
export const silentEvents: BuildEvents = {
  connecting() {},
  connected() {},
  notice() {},
  runStarted() {},
  indexStarted() {},
  building() {},
  progress() {},
  attemptFailed() {},
  retrying() {},
  indexFinished() {},
  runFinished() {},
};
