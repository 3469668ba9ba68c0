// A run's two server sessions on one database, connected at the same time. `control` holds the advisory lock and
// watches each build (progress, blockers); the lock stays off the session that builds, because a builder killed
// mid-build leaves its CREATE INDEX running on the server, and the lock must end with the process. `build` sets the
// run's timeouts, reads the catalog and runs every CREATE INDEX, one after another.
import type pg from 'pg';
import { connect, disconnect, sessionWithSettings, type SessionSettings } from './connection.ts';

export interface BuildSession {
  client: pg.Client;
  /** Its server process (pg_backend_pid): the one to watch and, to cancel a build, to signal. */
  pid: number;
  /** The connection closed or failed: attempts open connections of their own again. */
  lost: boolean;
}

export interface RunSessions {
  /** The control session, polled for progress and blockers while a build runs. */
  monitor: pg.Client | undefined;
  build: BuildSession | undefined;
}

/**
 * A run's two connections while they open: both authenticate at once, and an entry point can start them before it
 * reads the registry. Nothing is set on either until the pooler check has passed.
 */
export interface OpeningSessions {
  control: Promise<pg.Client>;
  /** Undefined when it could not connect: each attempt then connects on its own. */
  build: Promise<pg.Client | undefined>;
  /** Abandons connections still opening (an unreachable host would otherwise hold the process until its timeout). */
  abandon: AbortController;
}

export function openSessions(url: string): OpeningSessions {
  const abandon = new AbortController();
  const control = connect(url, undefined, { signal: abandon.signal });
  // Its failure is reported where the run awaits it; until then it must not count as unhandled.
  control.catch(() => {});
  return { control, build: connect(url, undefined, { signal: abandon.signal }).catch(() => undefined), abandon };
}

/** Closes what {@link openSessions} opened, for a run that does not go ahead (an invalid registry). */
export async function closeSessions(opening: OpeningSessions): Promise<void> {
  opening.abandon.abort();
  await Promise.all([opening.control.then(disconnect, () => {}), opening.build.then(disconnect)]);
}

/** Sets the run's timeouts on the connection; without it (it failed), each attempt connects on its own. */
export async function startBuildSession(client: pg.Client | undefined, settings: SessionSettings): Promise<BuildSession | undefined> {
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
