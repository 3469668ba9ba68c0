// Why a connection or a query failed, in one line without the password, and the server's SQLSTATE of an error.
import { redact, secretsOf } from './secrets.ts';
import { describeTarget } from './url.ts';

/** How long opening a connection may take (connection.ts); the message of a timeout names it. */
export const CONNECT_TIMEOUT_MS = 15_000;

export interface ErrorLike {
  code?: string;
  message?: string;
  hint?: string;
  address?: string;
  port?: number;
  hostname?: string;
}

/** PostgreSQL's DETAIL of an error (`Key (email)=(a@b) is duplicated.`), when it gave one. */
export function detailOf(error: unknown): string | undefined {
  const detail = (error as { detail?: unknown } | null)?.detail;
  return typeof detail === 'string' && detail.trim() !== '' ? detail.trim() : undefined;
}

/** A PostgreSQL error's SQLSTATE, when the error came from the server. */
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
