import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { IndexFailure, IndexResult, Report } from './result.ts';
import type { BuildProgress } from './monitor.ts';

/** What a run tells its audience as it goes; the console log and the Action both listen. */
export interface BuildEvents {
  connecting(target: string): void;
  connected(): void;
  /** The run does nothing: another builder holds the lock, or the database cannot be reached. */
  notice(message: string): void;
  runStarted(count: number): void;
  indexStarted(position: number, count: number, entry: RegistryEntry): void;
  /** `rebuild`: an invalid leftover is dropped first; `replace`: a drifted index's new definition is built and swapped in. */
  building(entry: RegistryEntry, kind: 'create' | 'rebuild' | 'replace'): void;
  progress(entry: RegistryEntry, progress: BuildProgress, elapsedMs: number): void;
  attemptFailed(entry: RegistryEntry, attempt: number, maxAttempts: number, failure: IndexFailure, willRetry: boolean): void;
  retrying(entry: RegistryEntry, attempt: number, maxAttempts: number, waitedMs: number): void;
  /** A partition of a partitioned table got its index built and attached (or had it already). */
  partitionDone(entry: RegistryEntry, done: number, total: number, partition: string): void;
  /** A valid index that predates the builder matched the registry and now carries the builder's mark. */
  adopted(entry: RegistryEntry): void;
  /** SIGINT/SIGTERM arrived: the run stops after cancelling what runs. */
  cancelling(reason: string): void;
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
  partitionDone() {},
  adopted() {},
  cancelling() {},
  indexFinished() {},
  runFinished() {},
};
