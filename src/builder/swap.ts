// `--on-drift rebuild`: the registry's new definition is built concurrently under a temporary name, then the old
// index is dropped concurrently and the new one renamed into place. Only the rename takes a lock that blocks
// writes, briefly, under a short lock_timeout with retries.
import pRetry from 'p-retry';
import type pg from 'pg';
import type { RegistryEntry } from '../registry/types.ts';
import { rewriteIndexSql } from '../sql/index-rewrite.ts';
import { MAX_IDENTIFIER_BYTES, quoteIdentifier, truncateIdentifier } from '../sql/safe-index-sql.ts';
import { quoteQualified } from './catalog.ts';
import { connect, describeError, disconnect, sqlstateOf } from './connection.ts';
import type { RunSessions } from './sessions.ts';
import { buildIndex, type BuildOutcome, type BuildSettings } from './create-index.ts';
import { writeMark } from './marker.ts';
import { runStatement } from './statement-reading.ts';

const RENAME_LOCK_TIMEOUT_MS = 2000;
const SUFFIX = '_ib_new';

export function swapIndexName(indexName: string): string {
  return `${truncateIdentifier(indexName, MAX_IDENTIFIER_BYTES - SUFFIX.length)}${SUFFIX}`;
}

export async function replaceDrifted(entry: RegistryEntry, schema: string, settings: BuildSettings, sessions: RunSessions): Promise<BuildOutcome> {
  const temporary = swapIndexName(entry.indexName);
  const target = { indexName: temporary, schema, tableSchema: entry.tableSchema, tableName: entry.tableName };
  const outcome = await buildIndex({ entry, target, sql: rewriteIndexSql(entry.sql, { name: temporary }) }, settings, sessions);
  if (outcome.error) return outcome;

  let client: pg.Client | undefined;
  try {
    client = await connect(settings.url, settings, { retry: true, signal: settings.signal });
    await runStatement(client, `DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(schema, entry.indexName)}`);
    await client.query(`SET lock_timeout = ${RENAME_LOCK_TIMEOUT_MS}`);
    const rename = `ALTER INDEX ${quoteQualified(schema, temporary)} RENAME TO ${quoteIdentifier(entry.indexName)}`;
    await pRetry(() => runStatement(client!, rename), {
      retries: settings.maxAttempts - 1,
      minTimeout: settings.retryMinDelayMs,
      maxTimeout: settings.retryMaxDelayMs,
      randomize: true,
      shouldRetry: ({ error }) => sqlstateOf(error) === '55P03' || sqlstateOf(error) === '40P01',
    });
    await writeMark(client, schema, entry);
    return outcome;
  } catch (error) {
    const message = `the new definition was built as ${schema}.${temporary}, but replacing the old index failed: ${describeError(error, settings.url)}; the next run finishes the swap`;
    return { attempts: outcome.attempts, error: { ...(sqlstateOf(error) ? { sqlstate: sqlstateOf(error)! } : {}), message, blockers: [] } };
  } finally {
    await disconnect(client);
  }
}
