// What counts as a lock conflict, and the one backoff every step that meets one retries with: the build, the
// constraint's ALTER TABLE and the swap's rename.
import pRetry from 'p-retry';
import { sqlstateOf } from '../db/errors.ts';

/** 55P03 lock_not_available (lock_timeout), 40P01 deadlock_detected: worth another try; nothing else is. */
const LOCK_CONFLICT_SQLSTATES: ReadonlySet<string> = new Set(['55P03', '40P01']);

/** A SQLSTATE (of a server error, or of a failure in the report) that says the lock was not had. */
export function isLockConflict(sqlstate: string | undefined): boolean {
  return sqlstate !== undefined && LOCK_CONFLICT_SQLSTATES.has(sqlstate);
}

/** An error the server raised because the lock was not had. */
function isLockConflictError(error: unknown): boolean {
  return isLockConflict(sqlstateOf(error));
}

/** The run's retry settings (--max-attempts and the backoff's bounds), and its signal, which ends the waiting. */
export interface BackoffSettings {
  maxAttempts: number;
  /** First backoff wait; it doubles each retry up to `retryMaxDelayMs`, times a random factor in [1, 2). */
  retryMinDelayMs: number;
  retryMaxDelayMs: number;
  signal: AbortSignal | undefined;
}

/**
 * Runs `attempt` (given its number, from 1) up to `maxAttempts` times while it fails with a lock conflict, waiting
 * the backoff between tries. With `deadline` (epoch ms), no retry starts after it and no wait outlasts it. The last
 * error is thrown; an attempt may throw p-retry's AbortError to stop at once.
 */
export function retryLockConflicts<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  settings: BackoffSettings,
  { deadline }: { deadline?: number | undefined } = {},
): Promise<T> {
  return pRetry(attempt, {
    retries: settings.maxAttempts - 1,
    factor: 2,
    minTimeout: settings.retryMinDelayMs,
    maxTimeout: settings.retryMaxDelayMs,
    randomize: true,
    maxRetryTime: deadline === undefined ? Number.POSITIVE_INFINITY : Math.max(0, deadline - Date.now()),
    signal: settings.signal,
    shouldRetry: ({ error }) => isLockConflictError(error),
  });
}
