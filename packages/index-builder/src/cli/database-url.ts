// The database URL a command is given: the option or $DATABASE_URL, checked, with `--ssl-ca` applied. Loads no pg.
import { checkDatabaseUrl, DatabaseUrlError, withSslCa } from '../db/url.ts';

/** The URL given (or $DATABASE_URL), checked, with `--ssl-ca` applied; throws {@link DatabaseUrlError}. */
export function databaseUrl(url: string | undefined, sslCa: string | undefined): string {
  return withSslCa(checkDatabaseUrl(url), sslCa);
}

/** A bad database URL, a usage error. */
export function isDatabaseUrlError(error: unknown): boolean {
  return error instanceof DatabaseUrlError;
}
