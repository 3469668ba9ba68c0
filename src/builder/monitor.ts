// Watches a running build from a second connection: its progress (pg_stat_progress_create_index) and the sessions
// it waits for (pg_blocking_pids, current_locker_pid), so that progress lines name them while the build waits and a
// lock-conflict failure can name who held the lock.
import type pg from 'pg';
import type { Blocker } from '../report/types.ts';

export interface BuildProgress {
  phase: string;
  /** 0-100 when the phase has a measurable amount of work, else null. */
  percent: number | null;
  partitionsDone: number | null;
  partitionsTotal: number | null;
  /** The sessions the build waits for right now (a lock, writers, old snapshots): an operator can end them. */
  waitingFor: Blocker[];
}

/** The phase shown while the statement waits for a lock before pg_stat_progress_create_index has a row. */
export const LOCK_WAIT_PHASE = 'waiting for a lock';

const MONITOR_QUERY = `
SELECT p.phase, p.blocks_total, p.blocks_done, p.tuples_total, p.tuples_done,
       p.lockers_total, p.lockers_done, p.partitions_total, p.partitions_done,
       (SELECT coalesce(json_agg(json_build_object(
                 'pid', a.pid, 'state', a.state,
                 'transactionAgeSeconds', round(extract(epoch FROM now() - a.xact_start)::numeric, 1),
                 'query', left(a.query, 200)) ORDER BY a.pid), '[]'::json)
          FROM pg_stat_activity a
         WHERE a.pid = ANY (pg_blocking_pids($1)) OR a.pid = nullif(p.current_locker_pid, 0)) AS blockers
FROM (SELECT 1) AS one
LEFT JOIN pg_stat_progress_create_index p ON p.pid = $1`;

export interface MonitorOptions {
  /** How often to print progress. */
  progressIntervalMs: number;
  /** How often to look; short enough to see blockers before a short lock_timeout expires. */
  pollIntervalMs: number;
  onProgress(progress: BuildProgress): void;
}

/** Polls until `stop()`; `blockers()` returns the last non-empty set of blocking sessions seen. */
export function watchBuild(client: pg.Client | undefined, pid: number, options: MonitorOptions) {
  let lastBlockers: Blocker[] = [];
  let stopped = false;
  let lastPrinted = Date.now();
  let lastWaitPrinted = '';
  let timer: NodeJS.Timeout | undefined;

  const poll = async () => {
    if (stopped || !client) return;
    try {
      const { rows } = await client.query<ProgressRow & { blockers: Blocker[] }>(MONITOR_QUERY, [pid]);
      const row = rows[0]!;
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
    } catch {
      // The monitor is best effort: a failed look must never fail the build it watches.
    }
    if (!stopped) timer = setTimeout(schedulePoll, options.pollIntervalMs);
  };
  // poll never rejects (its one await is inside try), but a timer must not be handed a promise to drop.
  const schedulePoll = () => void poll();
  timer = setTimeout(schedulePoll, Math.min(options.pollIntervalMs, 50));

  return {
    blockers: () => lastBlockers,
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
