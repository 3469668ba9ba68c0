// Bounds on how long the builder waits for a server that has stopped answering. TCP keepalives (connection.ts) find
// a dead peer, but not a path that stopped forwarding (a stuck proxy or NAT keeps the TCP peer alive): a query on
// the control session must answer within a bound, and the build session — silent for the whole CREATE INDEX — is
// watched from the control session, which sees in pg_stat_activity whether its server process still runs it.
import type pg from 'pg';
import { disconnect } from '../db/connection.ts';
import { describeTarget } from '../db/url.ts';

/** How long a control-session query may go unanswered, and a finished build's answer may be missing, by default. */
export const LIVENESS_TIMEOUT_MS = 30_000;

/** A connection that stopped answering: its message says where and for how long. */
export class StalledError extends Error {}

export function stalledMessage(url: string, waitedMs: number): string {
  return `the connection to ${describeTarget(url)} stopped answering (no reply for ${Math.round(waitedMs / 1000)} s)`;
}

/** `work`, or a {@link StalledError} once it has gone unanswered for `timeoutMs` (the work itself is not stopped). */
export async function withDeadline<T>(work: Promise<T>, timeoutMs: number, url: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StalledError(stalledMessage(url, timeoutMs))), timeoutMs);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a connection politely (disconnect), or drops it when it does not answer within `timeoutMs`. */
export async function closeWithin(client: pg.Client | undefined, timeoutMs: number): Promise<void> {
  if (!client) return;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([disconnect(client), expired]);
  clearTimeout(timer);
  client.connection.stream.destroy();
}
