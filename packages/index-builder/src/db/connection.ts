// Connecting to PostgreSQL, and saying in one line why it failed — without ever printing the password.
import pg from 'pg';
import { parse as parseConnectionString, toClientConfig } from 'pg-connection-string';
import pRetry from 'p-retry';
import { redact, secretsOf } from './secrets.ts';
import { pinnedReadingSql } from '../builder/statement-reading.ts';

export const APPLICATION_NAME = 'index-builder';
const CONNECT_TIMEOUT_MS = 15_000;
const KEEPALIVE_DELAY_MS = 10_000;

/**
 * Keeps a session of ours alive while it idles between statements (the control session between polls, both while the
 * registry loads): a server's or role's idle_session_timeout (PG14+) must not end it and the lock with it. The
 * server's own keepalives (30 s, then 3 probes 10 s apart; ignored on a Unix socket) end the session of a builder
 * whose host vanished, and release its lock, within about a minute instead of the system's two hours.
 * idle_in_transaction_session_timeout is left as set: no session of ours idles inside a transaction. Nor is
 * client_connection_check_interval set: with it a killed builder's CREATE INDEX would be cancelled and leave an invalid
 * index, where without it the build finishes and the next run waits for it (concurrent-builds.ts).
 */
export const KEEP_SESSION_SQL = `SELECT set_config('idle_session_timeout', '0', false) WHERE current_setting('idle_session_timeout', true) IS NOT NULL;
     SET tcp_keepalives_idle = 30; SET tcp_keepalives_interval = 10; SET tcp_keepalives_count = 3;`;

/** A database URL that failed a basic check, reported as a usage problem before any connection attempt. */
export class DatabaseUrlError extends Error {}

/** Checks the URL's shape; throws {@link DatabaseUrlError} with a message that never includes the password. */
export function checkDatabaseUrl(url: string | undefined): string {
  if (!url) throw new DatabaseUrlError('no database URL: pass --database-url or set DATABASE_URL');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError('the database URL is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseUrlError(`the database URL must start with postgres:// or postgresql://, not ${parsed.protocol}//`);
  }
  return url;
}

/** Where the URL points, for messages: `host:port/database`, never the user's password. */
export function describeTarget(url: string): string {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username || 'postgres';
  return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}/${database}`;
}

/** Adds a CA certificate file to the URL (libpq's `sslrootcert`), verifying the server fully unless sslmode says otherwise. */
export function withSslCa(url: string, caFile: string | undefined): string {
  if (!caFile) return url;
  const parsed = new URL(url);
  parsed.searchParams.set('sslrootcert', caFile);
  if (!parsed.searchParams.has('sslmode')) parsed.searchParams.set('sslmode', 'verify-full');
  return parsed.toString();
}

/** The driver's settings for a URL, with libpq's meaning of sslmode (require: encrypt; verify-ca; verify-full). */
function clientConfig(url: string): pg.ClientConfig {
  const parsed = parseConnectionString(url, { useLibpqCompat: true });
  delete parsed.uselibpqcompat;
  // application_name is SET after connecting, never sent in the startup packet: through a pooler a startup value
  // becomes the pooled server connection's own, which RESET ALL cannot take back.
  // Keepalives find a peer that vanished without closing the connection (liveness.ts covers a path that stalls).
  return { ...toClientConfig(parsed), connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS };
}

/** Sessions we SET things on: their settings are reset before leaving, since a pooler hands the server connection on. */
const configured = new WeakSet<pg.Client>();

export interface SessionSettings {
  lockTimeoutMs: number;
  statementTimeoutMs: number;
}

/** SQLSTATEs of a server that is starting up, shutting down or in recovery: worth reconnecting to. */
const NOT_YET = new Set(['57P03', '57P01', 'ECONNREFUSED', 'ECONNRESET']);
const RECONNECT_WINDOW_MS = 30_000;

/**
 * Opens a connection. With `settings`, sets them and the session's name; with `named`, only its name (both are reset
 * when it closes). With `retry`, keeps trying for a while when the server is restarting, until `signal`; without,
 * `signal` abandons the attempt.
 */
export async function connect(
  url: string,
  settings?: SessionSettings,
  options: { retry?: boolean; signal?: AbortSignal | undefined; named?: boolean } = {},
): Promise<pg.Client> {
  const open = (abandon?: AbortSignal) => openSession(url, settings, options.named === true, abandon);
  if (!options.retry) return open(options.signal);
  return pRetry(() => open(), {
    retries: 1000,
    minTimeout: 250,
    maxTimeout: 2000,
    maxRetryTime: RECONNECT_WINDOW_MS,
    shouldRetry: ({ error }) => NOT_YET.has(String((error as ErrorLike).code)),
    signal: options.signal,
  });
}

async function openSession(url: string, settings?: SessionSettings, named = false, abandon?: AbortSignal): Promise<pg.Client> {
  const client = new pg.Client(clientConfig(url));
  // An idle client whose server goes away emits 'error'; without a listener that would crash the process.
  client.on('error', () => {});
  const abort = () => client.connection.stream.destroy();
  try {
    if (abandon?.aborted) throw new Error('the connection was abandoned');
    abandon?.addEventListener('abort', abort);
    await client.connect();
    if (settings) await applySettings(client, settings);
    else if (named) await nameSession(client);
    return client;
  } catch (error) {
    await disconnect(client);
    throw error;
  } finally {
    abandon?.removeEventListener('abort', abort);
  }
}

/**
 * Names the session `index-builder` in pg_stat_activity and pins how it reads statement text (both reset when it
 * closes). `then`, a statement without parameters, runs in the same round trip; its rows are returned.
 */
export async function nameSession<Row = never>(client: pg.Client, then?: string): Promise<Row[]> {
  configured.add(client);
  return lastRows<Row>(await client.query(`SET application_name = '${APPLICATION_NAME}';${pinnedReadingSql()}${then ?? ''}`));
}

/** The rows of a simple query's last statement: several statements give one result each. */
function lastRows<Row>(results: pg.QueryResult | pg.QueryResult[]): Row[] {
  return ((Array.isArray(results) ? results.at(-1) : results)?.rows ?? []) as Row[];
}

/**
 * Sets the session's timeouts and name in one round trip. The statements run as one implicit transaction, which is
 * fine for plain SETs (they outlive it); the CREATE INDEX CONCURRENTLY itself is always sent alone. PostgreSQL 17's
 * transaction_timeout would cut a long build short just like statement_timeout; set_config (not LOCAL) is a plain
 * SET, applied only where the setting exists (current_setting's missing_ok: no scan of pg_settings).
 */
export async function applySettings(client: pg.Client, settings: SessionSettings): Promise<void> {
  configured.add(client);
  await client.query(settingsSql(settings));
}

/**
 * {@link applySettings}, and the session's server process in the same round trip (`pg_backend_pid()`: under a pooler
 * the handshake's pid is the pooler's).
 */
export async function sessionWithSettings(client: pg.Client, settings: SessionSettings): Promise<{ client: pg.Client; pid: number }> {
  configured.add(client);
  const [row] = lastRows<{ pid: number }>(await client.query(`${settingsSql(settings)} SELECT pg_backend_pid() AS pid;`));
  return { client, pid: row!.pid };
}

function settingsSql(settings: SessionSettings): string {
  return `SET application_name = '${APPLICATION_NAME}';
     ${pinnedReadingSql()}
     SET lock_timeout = ${Math.round(settings.lockTimeoutMs)};
     SET statement_timeout = ${Math.round(settings.statementTimeoutMs)};
     SELECT set_config('transaction_timeout', '0', false) WHERE current_setting('transaction_timeout', true) IS NOT NULL;
     ${KEEP_SESSION_SQL}`;
}

/** Cancels the statement a backend is running, from a connection of its own (pg_cancel_backend). */
export async function cancelBackend(url: string, pid: number): Promise<void> {
  let client: pg.Client | undefined;
  try {
    client = await openSession(url);
    await client.query('SELECT pg_cancel_backend($1)', [pid]);
  } catch {
    // The backend or the server is gone already: nothing left to cancel.
  } finally {
    await disconnect(client);
  }
}

/**
 * Closes a connection, first resetting what we SET on it (RESET ALL): through a pooler the server connection lives on.
 * Done once the goodbye (Terminate) is sent: the server process ends the session on its own, and one that has just
 * built a large index can take tens of milliseconds to exit.
 */
export async function disconnect(client: pg.Client | undefined): Promise<void> {
  if (!client) return;
  if (configured.has(client)) await client.query('RESET ALL').catch(() => {});
  const socket = client.connection.stream;
  if (socket.destroyed) return void client.end().catch(() => {});
  const sent = new Promise<void>((resolve) => {
    socket.once('finish', resolve);
    socket.once('close', resolve);
  });
  // end() resolves at once for a connection that never opened, else when the server has closed it.
  await Promise.race([client.end().catch(() => {}), sent]);
  socket.destroy();
}

interface ErrorLike {
  code?: string;
  message?: string;
  hint?: string;
  address?: string;
  port?: number;
  hostname?: string;
}

/** A PostgreSQL error's SQLSTATE, when the error came from the server. */
/** PostgreSQL's DETAIL of an error (`Key (email)=(a@b) is duplicated.`), when it gave one. */
export function detailOf(error: unknown): string | undefined {
  const detail = (error as { detail?: unknown } | null)?.detail;
  return typeof detail === 'string' && detail.trim() !== '' ? detail.trim() : undefined;
}

export function sqlstateOf(error: unknown): string | undefined {
  const code = (error as ErrorLike | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** One line saying why a connection or query failed, with no stack trace and no password. */
export function describeError(error: unknown, url?: string): string {
  const e = (error ?? {}) as ErrorLike;
  let target = '';
  try {
    if (url) target = describeTarget(url);
  } catch {
    // An unparsable URL was already rejected by checkDatabaseUrl.
  }
  const where = target ? ` to ${target}` : '';
  let message: string;
  switch (e.code) {
    case 'ECONNREFUSED':
      message = `could not connect${where}: connection refused (is PostgreSQL running there?)`;
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      message = `could not connect${where}: host "${e.hostname ?? 'unknown'}" not found`;
      break;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      message = `could not connect${where}: ${e.code === 'ETIMEDOUT' ? 'timed out' : 'host unreachable'}`;
      break;
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      message = `could not verify the TLS certificate of ${target || 'the server'} (${e.message ?? e.code}): pass its CA with --ssl-ca FILE, or use sslmode=require to encrypt without verifying`;
      break;
    case 'ECONNRESET':
    case 'EPIPE':
      message = `the connection${where} was reset by the server`;
      break;
    default: {
      // A server's message is one sentence, kept whole even when a name in it holds a line break (every output
      // writes such characters out); anything else may be a multi-line dump, of which the first line says it.
      const text = sqlstateOf(error) ? (e.message ?? '') : (e.message ?? String(error)).split('\n')[0]!;
      if (/SECURITY WARNING: Using sslmode=verify-ca requires specifying a CA/.test(text)) {
        message = 'sslmode=verify-ca needs a CA certificate: pass --ssl-ca FILE (or sslrootcert= in the URL)';
        break;
      }
      if (/timeout expired|Connection terminated due to connection timeout/i.test(text)) {
        message = `could not connect${where}: timed out after ${CONNECT_TIMEOUT_MS / 1000}s`;
      } else if (/Connection terminated|connection error and is not queryable/i.test(text)) {
        message = `the server closed the connection${where} unexpectedly`;
      } else {
        message = text;
      }
    }
  }
  return redact(message, secretsOf(url));
}
