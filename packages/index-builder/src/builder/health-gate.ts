// Holds each build back while the database is not healthy enough for it: a streaming replica further behind than
// --max-replica-lag (pg_stat_replication, read on the primary), or a replication slot keeping more WAL on the
// primary's disk than --max-retained-wal (pg_replication_slots). A CREATE INDEX CONCURRENTLY writes its whole index
// to WAL, so starting one while a replica lags only makes it lag more. The gate waits, showing why in the progress
// line, until the replicas catch up; when the time budget runs out first the build is deferred with that reason.
import type pg from 'pg';
import { formatDuration } from '../util/duration.ts';
import { withDeadline } from './liveness.ts';

export interface HealthBounds {
  /** The most replay lag any streaming replica may have when a build starts. */
  maxReplicaLagMs?: number;
  /** The most WAL any replication slot may keep on the primary when a build starts. */
  maxRetainedWalBytes?: number;
}

interface ReplicaRow {
  name: string;
  address: string | null;
  state: string | null;
  lag_ms: string | null;
  lag_bytes: string | null;
}

interface SlotRow {
  name: string;
  slot_type: string;
  wal_status: string | null;
  retained_bytes: string | null;
}

// replay_lag is NULL once a replica has replayed everything and no new WAL has come to time (before that, it shows
// its last measure for a while: bytes behind say whether it is still behind). state is NULL when the role may not
// read the row (pg_read_all_stats).
const REPLICAS_QUERY = `
SELECT application_name AS name, host(client_addr) AS address, state,
       round(extract(epoch FROM replay_lag) * 1000) AS lag_ms,
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint AS lag_bytes
FROM pg_stat_replication
ORDER BY replay_lag DESC NULLS LAST, application_name`;

const SLOTS_QUERY = `
SELECT slot_name AS name, slot_type, wal_status,
       pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint AS retained_bytes
FROM pg_replication_slots
ORDER BY restart_lsn NULLS LAST, slot_name`;

/** Thrown when the gate cannot read what it needs: waiting would not change that, so the build is deferred at once. */
class UnreadableHealth extends Error {}

/** What the gate saw: nothing over its bounds (undefined), or the first thing over one, as a sentence. */
async function healthProblem(client: pg.Client, bounds: HealthBounds): Promise<string | undefined> {
  if (bounds.maxReplicaLagMs !== undefined) {
    const { rows } = await client.query<ReplicaRow>(REPLICAS_QUERY);
    for (const row of rows) {
      const replica = describeReplica(row);
      if (row.state === null) {
        throw new UnreadableHealth(
          `the lag of ${replica} cannot be read: the builder's role needs pg_read_all_stats (or pg_monitor) to see pg_stat_replication`,
        );
      }
      // A replica that has replayed everything is not behind: replay_lag goes on showing its last measure for a
      // while once no new WAL comes to time.
      const caughtUp = row.lag_bytes !== null && Number(row.lag_bytes) <= 0;
      const lagMs = row.lag_ms === null || caughtUp ? 0 : Number(row.lag_ms);
      if (lagMs > bounds.maxReplicaLagMs) {
        const bytes = row.lag_bytes === null ? '' : `, ${formatBytes(Number(row.lag_bytes))} of WAL not replayed`;
        return `${replica} is ${formatDuration(lagMs)} behind${bytes} (bound ${formatDuration(bounds.maxReplicaLagMs)})`;
      }
    }
  }
  if (bounds.maxRetainedWalBytes !== undefined) {
    const { rows } = await client.query<SlotRow>(SLOTS_QUERY);
    for (const row of rows) {
      const retained = row.retained_bytes === null ? 0 : Number(row.retained_bytes);
      if (retained > bounds.maxRetainedWalBytes) {
        const status = row.wal_status ? `, wal_status ${printable(row.wal_status)}` : '';
        return (
          `${row.slot_type} replication slot "${printable(row.name)}" keeps ${formatBytes(retained)} of WAL on the primary${status} ` +
          `(bound ${formatBytes(bounds.maxRetainedWalBytes)})`
        );
      }
    }
  }
  return undefined;
}

export interface GateWait {
  /** The control session as it is now; undefined while it is being regained. */
  client: () => pg.Client | undefined;
  bounds: HealthBounds;
  url: string;
  livenessTimeoutMs: number;
  /** Epoch ms of the end of the time budget. */
  deadline: number | undefined;
  signal: AbortSignal | undefined;
  pollIntervalMs: number;
  progressIntervalMs: number;
  /** Told what the gate waits for, at most once per progress interval (and whenever the cause changes). */
  onWaiting: (problem: string, waitedMs: number) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface GateResult {
  /** How long the build was held back. */
  waitedMs: number;
  /** The worst cause seen while waiting. */
  cause?: string;
  /** Set when the time budget ran out first: the build is deferred with this reason. */
  deferred?: string;
}

/** Waits until nothing is over the bounds (or the run is cancelled, or the budget runs out). */
export async function waitForHealth(options: GateWait): Promise<GateResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  let lastShown = Number.NEGATIVE_INFINITY;
  let shownProblem = '';
  let cause: string | undefined;
  for (;;) {
    if (options.signal?.aborted) return { waitedMs: now() - started, ...(cause ? { cause } : {}) };
    const client = options.client();
    let problem: string | undefined;
    try {
      problem = client
        ? await withDeadline(healthProblem(client, options.bounds), options.livenessTimeoutMs, options.url)
        : 'the control session is being regained';
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]!;
      if (error instanceof UnreadableHealth) return { waitedMs: now() - started, cause: message, deferred: `${message}; the next run builds it` };
      problem = `the replication state could not be read (${message})`;
    }
    const waitedMs = now() - started;
    if (problem === undefined) return { waitedMs, ...(cause ? { cause } : {}) };
    cause = problem;
    if (options.deadline !== undefined && now() >= options.deadline) {
      return { waitedMs, cause, deferred: `${problem}; waited ${formatDuration(waitedMs)} until the time budget was spent, the next run builds it` };
    }
    if (problem !== shownProblem || now() - lastShown >= options.progressIntervalMs) {
      shownProblem = problem;
      lastShown = now();
      options.onWaiting(problem, waitedMs);
    }
    const untilDeadline = options.deadline === undefined ? Number.POSITIVE_INFINITY : options.deadline - now();
    await sleep(Math.max(10, Math.min(options.pollIntervalMs, untilDeadline)));
  }
}

function describeReplica(row: ReplicaRow): string {
  return `replica "${printable(row.name || 'unnamed')}"${row.address ? ` (${printable(row.address)})` : ''}`;
}

/** `512 kB`, `3.2 MB`, `1.5 GB`: PostgreSQL's units (1 kB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A size as PostgreSQL writes one (`512kB`, `64MB`, `1GB`, `1TB`; a bare number is bytes); throws on anything else. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|bytes|kB|MB|GB|TB)?\s*$/i.exec(text);
  if (!match) throw new Error(`"${text}" is not a size (examples: 512MB, 1GB, 64kB)`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = { b: 1, bytes: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4 }[unit]!;
  return Math.round(Number(match[1]) * factor);
}

/** Names from the catalog are printed: no control characters, and not unbounded. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 120);
}
