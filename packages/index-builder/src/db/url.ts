// Database URLs before any connection: checking one, naming where it points, adding a CA file. No pg here: the CLI's
// `check` and `--help` load this module and nothing of the driver.

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
