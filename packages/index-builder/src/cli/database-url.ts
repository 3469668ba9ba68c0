// The database URL a command is given: the option or $DATABASE_URL, checked, with `--ssl-ca` applied. Loads no pg.
import { checkDatabaseUrl, DatabaseUrlError, withSslCa } from '../db/url.ts';
import { UsageError } from './io.ts';

/** The URL given (or $DATABASE_URL), checked, with `--ssl-ca` applied; a bad one is a {@link UsageError}. */
export function databaseUrl(url: string | undefined, sslCa: string | undefined): string {
  try {
    return withSslCa(checkDatabaseUrl(url), sslCa);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new UsageError(error.message);
    throw error;
  }
}
