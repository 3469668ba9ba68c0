// The builder's connection module loads pg, so the CLI loads it only for the commands that reach a database: `check`
// and `--help` never do.
type ConnectionModule = typeof import('../db/connection.ts');

let loaded: ConnectionModule | undefined;

export async function connectionModule(): Promise<ConnectionModule> {
  return (loaded ??= await import('../db/connection.ts'));
}

/** The URL given (or $DATABASE_URL), checked, with `--ssl-ca` applied; throws the module's DatabaseUrlError. */
export async function databaseUrl(url: string | undefined, sslCa: string | undefined): Promise<string> {
  const { checkDatabaseUrl, withSslCa } = await connectionModule();
  return withSslCa(checkDatabaseUrl(url), sslCa);
}

/** A bad database URL, a usage error. Asked only on the way out with an error, so the module may load then. */
export async function isDatabaseUrlError(error: unknown): Promise<boolean> {
  return error instanceof Error && error instanceof (await connectionModule()).DatabaseUrlError;
}
