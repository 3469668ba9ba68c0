// A run's two server sessions on one database, connected at the same time. `control` holds the advisory lock and
// watches each build (progress, blockers); the lock stays off the session that builds, because a builder killed
// mid-build leaves its CREATE INDEX running on the server, and the lock must end with the process. `build` sets the
// run's timeouts, reads the catalog and runs every CREATE INDEX, one after another.
import type pg from 'pg';
import { connect, disconnect, KEEP_SESSION_SQL, sessionWithSettings, type SessionSettings } from '../db/connection.ts';
import type { RunLock } from './lock.ts';
import { detectPooler, type PoolerCheck } from './pooler.ts';

export interface BuildSession {
  client: pg.Client;
  /** Its server process (pg_backend_pid): the one to watch and, to cancel a build, to signal. */
  pid: number;
  /** The connection closed or failed: attempts open connections of their own again. */
  lost: boolean;
}

export interface RunSessions {
  /** The control session as it is now (a new one once the lock was regained), polled while a build runs. */
  monitor: () => pg.Client | undefined;
  build: BuildSession | undefined;
  /** The run's lock: a build starts only while it is held, and a control session that stops answering loses it. */
  lock?: RunLock;
  /** Other sessions' builds this run already waited out once (concurrent-builds.ts): not waited for again. */
  waitedOut?: Set<number>;
  /** The server processes of this run's builds in flight (--parallel): never waited for as another session's. */
  runPids?: Set<number>;
}

/**
 * A run's two connections while they open: both authenticate at once, and an entry point can start them before it
 * reads the registry. The pooler check runs on the control connection as soon as it is up (it changes nothing on
 * the server); the build session gets its settings only once the check has passed.
 */
export interface OpeningSessions {
  /** Rejects when it cannot connect. */
  control: Promise<pg.Client>;
  pooler: Promise<PoolerCheck>;
  /** Undefined when it could not connect or the pooler was refused: each attempt then connects on its own. */
  build: Promise<BuildSession | undefined>;
  /** Abandons connections still opening (an unreachable host would otherwise hold the process until its timeout). */
  abandon: AbortController;
}

export function openSessions(url: string, settings: SessionSettings): OpeningSessions {
  const abandon = new AbortController();
  const control = connect(url, undefined, { signal: abandon.signal });
  // Once the check has passed, the control session is kept alive while the registry loads (an idle_session_timeout).
  const pooler = control.then(async (client) => {
    const check = await detectPooler(client, url);
    if (!('message' in check)) await client.query(KEEP_SESSION_SQL);
    return check;
  });
  const build = Promise.all([connect(url, undefined, { signal: abandon.signal }).catch(() => undefined), pooler.catch(() => undefined)]).then(
    async ([client, check]) => {
      if (check && !('message' in check)) return startBuildSession(client, settings);
      await disconnect(client);
      return undefined;
    },
  );
  // Their failures are reported where the run awaits them; until then they must not count as unhandled.
  control.catch(() => {});
  pooler.catch(() => {});
  return { control, pooler, build, abandon };
}

/**
 * Awaits `work` (loading the registry) while the sessions open, and closes them when it throws or when `goesAhead`
 * says the run stops there (an invalid registry).
 */
export async function whileOpening<T>(opening: OpeningSessions | undefined, work: Promise<T>, goesAhead: (value: T) => boolean): Promise<T> {
  let value: T;
  try {
    value = await work;
  } catch (error) {
    if (opening) await closeSessions(opening);
    throw error;
  }
  if (opening && !goesAhead(value)) await closeSessions(opening);
  return value;
}

/** Closes what {@link openSessions} opened, for a run that does not go ahead (an invalid registry). */
export async function closeSessions(opening: OpeningSessions): Promise<void> {
  opening.abandon.abort();
  await Promise.all([opening.control.then(disconnect, () => {}), opening.build.then((session) => disconnect(session?.client))]);
}

/** Sets the run's timeouts on the connection; without it (it failed), each attempt connects on its own. */
async function startBuildSession(client: pg.Client | undefined, settings: SessionSettings): Promise<BuildSession | undefined> {
  if (!client) return undefined;
  try {
    const session: BuildSession = { ...(await sessionWithSettings(client, settings)), lost: false };
    const lose = () => (session.lost = true);
    client.on('end', lose);
    client.on('error', lose);
    return session;
  } catch {
    await disconnect(client);
    return undefined;
  }
}

export function usableSession(session: BuildSession | undefined): BuildSession | undefined {
  return session && !session.lost ? session : undefined;
}

export interface StepConnection {
  client: pg.Client;
  /** The build session's server process; undefined on a fresh connection (ask it: pooler.ts backendPid). */
  pid: number | undefined;
  /** Closes the connection if it was opened for this step; the build session stays open for the next. */
  release: () => Promise<void>;
}

/** Where a build step runs: the run's build session while it lasts, else a fresh connection with the run's settings. */
export async function stepConnection(
  sessions: RunSessions,
  url: string,
  settings: SessionSettings,
  signal: AbortSignal | undefined,
): Promise<StepConnection> {
  const shared = usableSession(sessions.build);
  if (shared) return { client: shared.client, pid: shared.pid, release: async () => {} };
  const client = await connect(url, settings, { retry: true, signal });
  return { client, pid: undefined, release: () => disconnect(client) };
}
