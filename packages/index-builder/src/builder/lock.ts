// The one-builder lock: a session advisory lock held by the run's control session, so that it ends with the process.
// When that session dies (a server restart, a cut or stalled connection, a server-side timeout) the run holds no
// lock: it starts no new build until it holds the lock again on a new connection. If another builder took the lock
// meanwhile, the run starts nothing more and says so; the build already running is left to finish (its work is not
// thrown away, and the other builder waits for it: concurrent-builds.ts).
import type pg from 'pg';
import { connect, disconnect, KEEP_SESSION_SQL, nameSession } from '../db/connection.ts';
import { describeError, sqlstateOf } from '../db/errors.ts';
import { StalledError, withDeadline } from './liveness.ts';

/** The key of the session advisory lock that keeps a second builder off the same database. */
export const ADVISORY_LOCK_KEY = 7_262_013_801;

/** The server process holding the lock in this database (a bigint key is classid:objid, objsubid 1). */
const LOCK_HOLDER_QUERY = `
SELECT l.pid FROM pg_locks l
WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND (l.classid::bigint << 32 | l.objid::bigint) = ${ADVISORY_LOCK_KEY}`;

/** How long a lost lock is sought again while the server or the network refuses new connections. */
const REGAIN_WINDOW_MS = 30_000;

const TRY_LOCK = `SELECT pg_try_advisory_lock(${ADVISORY_LOCK_KEY}) AS locked, pg_backend_pid() AS pid`;

export interface LockOptions {
  url: string;
  /** A query on the control session must answer within this. */
  livenessTimeoutMs: number;
  signal: AbortSignal | undefined;
  /** Tells the operator that the lock was lost, and regained. */
  notice: (message: string) => void;
}

export class RunLock {
  private current: pg.Client | undefined;
  private currentPid = 0;
  private regaining: Promise<void> | undefined;
  private lostFor: string | undefined;
  private closing = false;

  private constructor(private readonly options: LockOptions) {}

  /** Watches `control`, which holds the lock already. */
  static async held(control: pg.Client, options: LockOptions): Promise<RunLock> {
    const lock = new RunLock(options);
    const { rows } = await control.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    lock.adopt(control, rows[0]!.pid);
    return lock;
  }

  /** The control connection now: a new one after a loss; it holds the lock unless {@link lostReason} says otherwise. */
  get client(): pg.Client | undefined {
    return this.current;
  }

  /** No control session, and none being opened: nothing can watch a running build. */
  get unwatchable(): boolean {
    return !this.current && !this.regaining;
  }

  /** Set once the lock is lost for good: why no new build may start. */
  get lostReason(): string | undefined {
    return this.lostFor;
  }

  /**
   * Undefined while the run holds the lock (regained first if it was lost), else why it does not. It asks nothing of
   * the server: the query that follows on the control session (concurrent-builds.ts) proves it alive, or loses it.
   */
  async check(): Promise<string | undefined> {
    await this.regaining;
    return this.lostFor;
  }

  /** A query on `client` failed or went unanswered: if it is the control session, the lock is gone with it. */
  failed(client: pg.Client, error: unknown): void {
    if (client !== this.current || this.closing || this.lostFor) return;
    this.current = undefined;
    client.connection.stream.destroy();
    const why = describeError(error, this.options.url);
    this.options.notice(`lost the session holding this database's lock (${why}): no new build starts until the lock is held again`);
    this.regaining = this.regain(why).finally(() => (this.regaining = undefined));
  }

  /** Releases the lock and closes the control session (through a session pooler the server connection outlives ours). */
  async release(): Promise<void> {
    this.closing = true;
    await this.regaining;
    const client = this.current;
    if (!client) return;
    const unlock = async () => {
      if (!this.lostFor) await client.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`);
      await disconnect(client);
    };
    try {
      await withDeadline(unlock(), this.options.livenessTimeoutMs, this.options.url);
    } catch {
      client.connection.stream.destroy();
    }
  }

  private adopt(client: pg.Client, pid: number): void {
    this.current = client;
    this.currentPid = pid;
    const lose = (error?: unknown) => this.failed(client, error ?? new Error('Connection terminated'));
    client.on('error', lose);
    client.on('end', () => lose());
  }

  private async regain(why: string): Promise<void> {
    const stalePid = this.currentPid;
    try {
      const { client, holder } = await this.reconnectWithin(REGAIN_WINDOW_MS, stalePid);
      if (holder.locked) {
        this.adopt(client, holder.pid);
        this.options.notice('holding the lock again on a new connection; the run goes on');
        return;
      }
      this.lostFor = `the session holding this database's lock was lost (${why}) and another builder${holder.other ? ` (pid ${holder.other})` : ''} has taken the lock: no new build was started`;
      this.adopt(client, holder.pid);
    } catch (error) {
      this.lostFor ??= `the session holding this database's lock was lost (${why}) and it could not be taken again (${describeError(error, this.options.url)}): no new build was started`;
    }
  }

  /** A network that has just dropped a connection, or a server that restarts, refuses new ones for a while. */
  private async reconnectWithin(windowMs: number, stalePid: number): ReturnType<RunLock['reconnect']> {
    const deadline = Date.now() + windowMs;
    for (let wait = 250; ; wait = Math.min(wait * 2, 2000)) {
      try {
        return await this.reconnect(stalePid);
      } catch (error) {
        if (this.closing || this.options.signal?.aborted || !connectionFailure(error) || Date.now() + wait > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private async reconnect(stalePid: number): Promise<{ client: pg.Client; holder: { locked: boolean; pid: number; other?: number } }> {
    const client = await connect(this.options.url, undefined, { signal: this.options.signal });
    try {
      const holder = await withDeadline(this.takeOver(client, stalePid), this.options.livenessTimeoutMs * 2, this.options.url);
      if (this.closing) throw new Error('the run is ending');
      return { client, holder };
    } catch (error) {
      client.connection.stream.destroy();
      await disconnect(client);
      throw error;
    }
  }

  /**
   * Takes the lock on `client`. Our own stale session may still hold it (the server has not yet noticed a stalled
   * connection): that session is ended, it is ours. Returns the other holder when another builder has it.
   */
  private async takeOver(client: pg.Client, stalePid: number): Promise<{ locked: boolean; pid: number; other?: number }> {
    await client.query(KEEP_SESSION_SQL);
    for (;;) {
      const [row] = await nameSession<{ locked: boolean; pid: number }>(client, TRY_LOCK);
      if (row!.locked) return { locked: true, pid: row!.pid };
      const holder = (await client.query<{ pid: number }>(LOCK_HOLDER_QUERY)).rows[0]?.pid;
      if (holder !== undefined && holder !== stalePid) return { locked: false, pid: row!.pid, other: holder };
      if (holder === stalePid) await client.query('SELECT pg_terminate_backend($1)', [stalePid]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A failure of the connection rather than of a statement: no SQLSTATE, class 08 (connection), 57P (shutdown, crash). */
function connectionFailure(error: unknown): boolean {
  const sqlstate = sqlstateOf(error);
  return error instanceof StalledError || sqlstate === undefined || /^(08|57P)/.test(sqlstate);
}
