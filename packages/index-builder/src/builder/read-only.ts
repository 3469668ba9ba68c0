// Whether the target can take a CREATE INDEX at all. On a hot standby (in recovery), or in a session whose
// transactions are read-only (default_transaction_read_only for the role, the database, the server or the
// connection), every build fails with 25006 and retrying changes nothing: build and plan refuse before anything is
// attempted, and say what to change.
import type pg from 'pg';
import { quoteIdentifier } from '@index-builder/sql-core';
import { describeTarget } from '../db/url.ts';

/** Columns to add to a query a fresh session sends anyway (no round trip of its own): what {@link readOnlyTarget} reads. */
export const READ_ONLY_COLUMNS = `pg_is_in_recovery() AS in_recovery, current_setting('transaction_read_only') = 'on' AS read_only`;

export interface ReadOnlyColumns {
  in_recovery: boolean;
  read_only: boolean;
}

export interface ReadOnlyTarget {
  /** What makes the target read-only, in words. */
  problem: string;
  /** The one thing to change. */
  fix: string;
}

/**
 * Why no index can be built through this session, or undefined when it can write. Only for a read-only session
 * does it ask the server more: where default_transaction_read_only was set (pg_settings.source), to name the fix.
 */
export async function readOnlyTarget(client: pg.Client, columns: ReadOnlyColumns, url: string): Promise<ReadOnlyTarget | undefined> {
  const target = describeTarget(url);
  if (columns.in_recovery) {
    return {
      problem: `${target} is a hot standby (pg_is_in_recovery() is true), where no index can be built`,
      fix: 'Point --database-url (Action input database-url) at the primary.',
    };
  }
  if (!columns.read_only) return undefined;
  const { rows } = await client.query<{ source: string | null; role: string; database: string }>(
    `SELECT (SELECT source FROM pg_settings WHERE name = 'default_transaction_read_only') AS source,
            current_user AS role, current_database() AS database`,
  );
  const { source, role, database } = rows[0]!;
  const roleName = quoteIdentifier(role);
  const databaseName = quoteIdentifier(database);
  const problem = (where: string) => `default_transaction_read_only is on ${where}, so every transaction on ${target} is read-only`;
  switch (source) {
    case 'user':
      return {
        problem: problem(`for role ${roleName} (ALTER ROLE ... SET)`),
        fix: `Connect as a role that may write, or run as another role: ALTER ROLE ${roleName} RESET default_transaction_read_only.`,
      };
    case 'database':
      return {
        problem: problem(`for database ${databaseName} (ALTER DATABASE ... SET)`),
        fix: `Run, after SET default_transaction_read_only = off in the same session: ALTER DATABASE ${databaseName} RESET default_transaction_read_only (or point the builder at a database that takes writes).`,
      };
    case 'database user':
      return {
        problem: problem(`for role ${roleName} in database ${databaseName} (ALTER ROLE ... IN DATABASE ... SET)`),
        fix: `Connect as a role that may write, or run as another role: ALTER ROLE ${roleName} IN DATABASE ${databaseName} RESET default_transaction_read_only.`,
      };
    case 'client':
      return {
        problem: problem('by the connection itself (options in the database URL, or PGOPTIONS)'),
        fix: 'Remove default_transaction_read_only from the URL options or PGOPTIONS.',
      };
    case 'configuration file':
      return {
        problem: problem("in the server's configuration (postgresql.conf or ALTER SYSTEM)"),
        fix: 'Turn it off in the configuration (ALTER SYSTEM RESET default_transaction_read_only, then reload), or point the builder at a server that takes writes.',
      };
    default:
      return {
        problem: problem(source ? `(set by: ${source})` : '(where it was set is not visible to this role)'),
        fix: 'Turn default_transaction_read_only off for this role and database, or connect as a role that may write.',
      };
  }
}

/** The run's notice (and each entry's error): what is wrong, that nothing was (or would be) attempted, and the fix. */
export function refusalNotice(readOnly: ReadOnlyTarget, planned = false): string {
  return planned
    ? `build would refuse: ${readOnly.problem}; nothing would be attempted. ${readOnly.fix}`
    : `refused: ${readOnly.problem}; nothing was attempted. ${readOnly.fix}`;
}
