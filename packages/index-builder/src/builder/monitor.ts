// Watches a running build from a second connection: its progress (pg_stat_progress_create_index) and the sessions
// it waits for (pg_blocking_pids, current_locker_pid), so that progress lines name them while the build waits and a
// lock-conflict failure can name who held the lock. It is also the build's liveness check: the build session is silent
// for the whole CREATE INDEX, but the server says whether its process still runs the statement.
import type pg from 'pg';
import type { Blocker } from './result.ts';
import { sqlstateOf } from '../db/errors.ts';
import { StalledError, withDeadline } from './liveness.ts';

export interface BuildProgress {
  phase: string;
  /** 0-100 when the phase has a measurable amount of work, else null. */
  percent: number | null;
  partitionsDone: number | null;
  partitionsTotal: number | null;
  /** The sessions the build waits for right now (a lock, writers, old snapshots): an operator can end them. */
  waitingFor: Blocker[];
  /** How long the whole build should take, from the speed of earlier builds (eta.ts); absent without an estimate. */
  estimatedMs?: number;
}

/** The phase shown while the statement waits for a lock before pg_stat_progress_create_index has a row. */
const LOCK_WAIT_PHASE = 'waiting for a lock';

// The phase and current_locker_pid come from the statistics snapshot the query takes on its first read, while
// pg_blocking_pids reads the lock table live. So the lateral join reads pg_blocking_pids first, and its sessions are
// named only while the snapshot shows no progress row yet (the statement waits for its table lock): once the build
// has a phase, current_locker_pid names whom that phase waits for, from the same snapshot. Otherwise a poll could pair
// an earlier phase with the sessions a later phase waits for.
const MONITOR_QUERY = `
SELECT p.phase, p.blocks_total, p.blocks_done, p.tuples_total, p.tuples_done,
       p.lockers_total, p.lockers_done, p.partitions_total, p.partitions_done,
       (SELECT coalesce(json_agg(json_build_object(
                 'pid', a.pid, 'state', a.state,
                 'transactionAgeSeconds', round(extract(epoch FROM now() - a.xact_start)::numeric, 1),
                 'query', left(a.query, 200)) ORDER BY a.pid), '[]'::json)
          FROM pg_stat_activity a
         WHERE ((p.pid IS NULL AND a.pid = ANY (live.blocking_pids)) OR a.pid = nullif(p.current_locker_pid, 0))
           AND a.pid <> pg_backend_pid()) AS blockers,
       (SELECT a.state FROM pg_stat_activity a WHERE a.pid = $1) AS build_state
FROM (SELECT pg_blocking_pids($1) AS blocking_pids OFFSET 0) AS live
LEFT JOIN LATERAL (SELECT * FROM pg_stat_progress_create_index WHERE pid = $1 AND live.blocking_pids IS NOT NULL) AS p ON true`;
// pg_backend_pid() is this query's own session: a build waiting for old snapshots lists it while it looks.

export interface MonitorOptions {
  /** How often to print progress. */
  progressIntervalMs: number;
  /** How often to look; short enough to see blockers before a short lock_timeout expires. */
  pollIntervalMs: number;
  onProgress(progress: BuildProgress): void;
  /** A poll must answer within this; and a build whose answer is missing this long after its server process went idle is stalled. */
  livenessTimeoutMs: number;
  url: string;
  /** The control session failed or stopped answering. */
  onControlFailed(client: pg.Client, error: unknown): void;
  /** The server process no longer runs the statement (idle, or gone), yet its answer has not arrived for `waitedMs`. */
  onStalled(waitedMs: number, seen: 'finished' | 'unwatchable'): void;
  /** No control session is left to poll from, and none is being opened. */
  unwatchable(): boolean;
}

/**
 * Polls until `stop()` on the control session as it is at each poll; `blockers()` returns the last non-empty set of
 * blocking sessions seen; `awaiting(query)` marks a statement whose answer the build session waits for.
 */
export function watchBuild(control: () => pg.Client | undefined, pid: number, options: MonitorOptions) {
  let lastBlockers: Blocker[] = [];
  let awaited = 0;
  let idleSince: number | undefined;
  let stopped = false;
  let lastPrinted = Date.now();
  let lastWaitPrinted = '';
  let timer: NodeJS.Timeout | undefined;

  const poll = async () => {
    const client = control();
    if (stopped) return;
    // While the control session is being replaced there is none to ask; once it cannot be, the build cannot be vouched for.
    if (!client && options.unwatchable()) checkStall('unwatchable');
    if (client) await look(client);
    if (!stopped) timer = setTimeout(schedulePoll, options.pollIntervalMs);
  };
  const look = async (client: pg.Client) => {
    try {
      const { rows } = await withDeadline(
        client.query<ProgressRow & { blockers: Blocker[]; build_state: string | null }>(MONITOR_QUERY, [pid]),
        options.livenessTimeoutMs,
        options.url,
      );
      const row = rows[0]!;
      checkStall(row.build_state === 'active' ? 'active' : 'finished');
      const waitingFor = row.blockers.map(normaliseBlocker);
      if (waitingFor.length > 0) lastBlockers = waitingFor;
      // A new set of sessions to wait for is shown at once: lock_timeout may end the wait before the next interval.
      if (waitingFor.length === 0) lastWaitPrinted = '';
      const waitChanged = waitingFor.length > 0 && pidsOf(waitingFor) !== lastWaitPrinted;
      if ((row.phase || waitingFor.length > 0) && (waitChanged || Date.now() - lastPrinted >= options.progressIntervalMs)) {
        lastPrinted = Date.now();
        lastWaitPrinted = pidsOf(waitingFor);
        options.onProgress(readProgress(row, waitingFor));
      }
    } catch (error) {
      // The monitor is best effort: a failed look must never fail the build it watches; a lost control session loses the lock.
      const sqlstate = sqlstateOf(error);
      if (error instanceof StalledError || sqlstate === undefined || /^(08|57P)/.test(sqlstate)) options.onControlFailed(client, error);
    }
  };
  // poll never rejects (look catches), but a timer must not be handed a promise to drop.
  const schedulePoll = () => void poll();
  timer = setTimeout(schedulePoll, Math.min(options.pollIntervalMs, 50));

  /** `finished`: the server process is idle, or gone. */
  const checkStall = (state: 'active' | 'finished' | 'unwatchable') => {
    if (awaited === 0 || state === 'active') {
      idleSince = undefined;
      return;
    }
    idleSince ??= Date.now();
    if (Date.now() - idleSince >= options.livenessTimeoutMs) options.onStalled(Date.now() - idleSince, state);
  };

  return {
    blockers: () => lastBlockers,
    async awaiting<T>(query: Promise<T>): Promise<T> {
      awaited += 1;
      try {
        return await query;
      } finally {
        awaited -= 1;
        idleSince = undefined;
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function pidsOf(sessions: readonly Blocker[]): string {
  return sessions.map((session) => session.pid).join(',');
}

function normaliseBlocker(raw: Blocker): Blocker {
  return {
    pid: raw.pid,
    state: raw.state,
    transactionAgeSeconds: raw.transactionAgeSeconds === null ? null : Number(raw.transactionAgeSeconds),
    query: raw.query,
  };
}

interface ProgressRow {
  phase: string | null;
  blocks_total: string | null;
  blocks_done: string | null;
  tuples_total: string | null;
  tuples_done: string | null;
  lockers_total: string | null;
  lockers_done: string | null;
  partitions_total: string | null;
  partitions_done: string | null;
}

function readProgress(row: ProgressRow, waitingFor: Blocker[]): BuildProgress {
  const ratio = (done: string | null, total: string | null) =>
    Number(total) > 0 ? Math.min(100, Math.floor((Number(done) / Number(total)) * 100)) : null;
  const percent = ratio(row.blocks_done, row.blocks_total) ?? ratio(row.tuples_done, row.tuples_total) ?? ratio(row.lockers_done, row.lockers_total);
  const partitionsTotal = Number(row.partitions_total) || null;
  return {
    phase: row.phase ?? LOCK_WAIT_PHASE,
    percent,
    partitionsTotal,
    partitionsDone: partitionsTotal === null ? null : Number(row.partitions_done),
    waitingFor,
  };
}
