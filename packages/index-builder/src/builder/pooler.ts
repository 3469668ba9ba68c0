// Is there a connection pooler between us and PostgreSQL, and does it keep a client on one server connection?
// In transaction or statement mode it does not: a session advisory lock and SET would stay on a pooled server
// connection after we leave, so the builder refuses to run there. Detecting changes nothing on any server.
import pg from 'pg';
import { connect, disconnect } from '../db/connection.ts';
import { describeTarget } from '../db/url.ts';

/** `direct`: no pooler. `session`: a pooler that keeps each client on its own server connection (safe). */
export type PoolerCheck = { kind: 'direct' | 'session' } | { kind: 'transaction' | 'statement' | 'unknown'; message: string };

/** How long the probe waits for a second server connection before giving up on telling the mode. */
const PROBE_TIMEOUT_MS = 10_000;

/** The server process behind a connection; under a pooler the handshake's pid is the pooler's, not this. */
export async function backendPid(client: pg.Client): Promise<number> {
  return (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
}

/**
 * Tells a direct connection and a session pooler (both safe) from a transaction or statement pooler.
 *
 * A pooler answers the handshake with its own backend key, so its pid differs from `pg_backend_pid()`. To tell the
 * mode, a second client holds a transaction open while `client` asks for its backend again, a few rounds. In session
 * mode `client` keeps its own server connection: its pid never changes and is never the other client's. In
 * transaction mode server connections pass between transactions: the second client gets the connection `client`
 * just released (PgBouncer reuses the most recent first), or `client` moves to another one (the oldest first, with
 * `server_round_robin`; the one the second client just released, by default). Statement mode refuses the second
 * client's transaction block. Session mode can show none of these signs, so it is never refused.
 */
export async function detectPooler(client: pg.Client, url: string): Promise<PoolerCheck> {
  const first = await backendPid(client);
  const handshake = (client as unknown as { processID?: number | null }).processID;
  if (handshake === first) return { kind: 'direct' };
  for (let round = 0; round < PROBE_ROUNDS; round += 1) {
    const sign = await probeRound(client, url, first);
    if (sign !== 'session') return refusal(sign, url);
  }
  return { kind: 'session' };
}

type Sign = 'session' | 'transaction' | 'statement' | 'unknown';
const PROBE_ROUNDS = 3;

/** One round: does `client` keep server process `first` while another client holds a transaction open? */
async function probeRound(client: pg.Client, url: string, first: number): Promise<Sign> {
  if ((await backendPid(client)) !== first) return 'transaction';
  let other: pg.Client | undefined;
  let settled = false;
  const probe = (async () => {
    other = await connect(url);
    await other.query('BEGIN');
    return backendPid(other);
  })().finally(() => (settled = true));
  try {
    const otherPid = await withTimeout(probe, PROBE_TIMEOUT_MS);
    if (otherPid === undefined) return 'unknown';
    if (otherPid === first) return 'transaction';
    // Bounded: on a saturated transaction pool `client` waits for a server connection (in session mode it has its own).
    const meanwhile = await withTimeout(backendPid(client), PROBE_TIMEOUT_MS);
    return meanwhile === first ? 'session' : 'transaction';
  } catch (error) {
    return /statement pooling/i.test(String((error as Error).message)) ? 'statement' : 'unknown';
  } finally {
    // After a timeout the probe may still be waiting for a server connection: it closes once it gets one.
    const close = probe.then(
      () =>
        other
          ?.query('ROLLBACK')
          .catch(() => {})
          .then(() => disconnect(other)),
      () => disconnect(other),
    );
    if (settled) await close;
  }
}

/** Why the builder refuses to run through this pooler, and what to use instead, in one line. */
function refusal(kind: Exclude<Sign, 'session'>, url: string): PoolerCheck {
  const through =
    kind === 'unknown'
      ? 'a connection pooler whose pool mode could not be told (a second connection through it failed or got no server connection in time)'
      : `a connection pooler in ${kind} pooling mode (PgBouncer, or a Supabase or Neon pooled URL)`;
  const message =
    `${describeTarget(url)} is reached through ${through}: the builder's advisory lock and lock_timeout could stay on ` +
    'a shared server connection, so nothing was done. Use a direct or session-mode URL instead ' +
    "(Supabase: the direct connection or the session pooler on port 5432; Neon: the host without '-pooler').";
  return { kind, message };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
