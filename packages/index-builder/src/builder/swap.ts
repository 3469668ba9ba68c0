// `--on-drift rebuild`: the registry's new definition is built concurrently under a temporary name, then the old
// index is dropped concurrently and the new one renamed into place. Only the rename takes a lock that blocks
// writes, briefly, under a short lock_timeout with retries. A unique index that foreign keys depend on (decide.ts
// lets only those whose key columns stay through) is swapped in one short transaction that re-points the foreign
// keys (FIELD-NOTES: "Foreign keys pin unique indexes"), then each is validated apart. The old definition is read
// first, for the report's restore statements. A swap either completes or leaves nothing: on failure the temporary
// index is dropped again.
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { rewriteIndexSql } from '@index-builder/sql-core';
import { MAX_IDENTIFIER_BYTES, quoteIdentifier, truncateIdentifier } from '@index-builder/sql-core';
import { quoteQualified } from './catalog.ts';
import { connect, disconnect } from '../db/connection.ts';
import { describeError, detailOf, sqlstateOf } from '../db/errors.ts';
import type { RunSessions } from './sessions.ts';
import { buildIndex, type BuildOutcome, type BuildSettings } from './create-index.ts';
import { writeMark } from './marker.ts';
import { restoreAfterSwap, snapshotIndexes, type IndexSnapshot } from './restore.ts';
import { retryLockConflicts } from './retry.ts';
import { runStatement } from '../db/statement-reading.ts';

const RENAME_LOCK_TIMEOUT_MS = 2000;
const SUFFIX = '_ib_new';

export function swapIndexName(indexName: string): string {
  return `${truncateIdentifier(indexName, MAX_IDENTIFIER_BYTES - SUFFIX.length)}${SUFFIX}`;
}

export async function replaceDrifted(
  entry: RegistryEntry,
  schema: string,
  settings: BuildSettings,
  sessions: RunSessions,
): Promise<BuildOutcome & { restore?: string }> {
  const temporary = swapIndexName(entry.indexName);
  const qualifiedTemporary = quoteQualified(schema, temporary);
  let client: pg.Client | undefined;
  let snapshot: IndexSnapshot | undefined;
  try {
    client = await connect(settings.url, settings, { retry: true, signal: settings.signal });
    // A temporary index an earlier run left may hold another definition: never swap it in, build anew.
    await runStatement(client, `DROP INDEX CONCURRENTLY IF EXISTS ${qualifiedTemporary}`);
    snapshot = (await snapshotIndexes(client, [quoteQualified(schema, entry.indexName)])).values().next().value;
  } catch (error) {
    await disconnect(client);
    return {
      attempts: 0,
      error: {
        ...(sqlstateOf(error) ? { sqlstate: sqlstateOf(error)! } : {}),
        message: describeError(error, settings.url),
        ...(detailOf(error) ? { detail: detailOf(error)! } : {}),
        blockers: [],
      },
    };
  }
  await disconnect(client);
  client = undefined;

  const target = { indexName: temporary, schema, tableSchema: entry.tableSchema, tableName: entry.tableName };
  const outcome = await buildIndex({ entry, target, sql: rewriteIndexSql(entry.sql, { name: temporary }) }, settings, sessions);
  if (outcome.error) return outcome;

  const foreignKeys = snapshot?.dependents.foreignKeys ?? [];
  let swapped = false;
  try {
    client = await connect(settings.url, settings, { retry: true, signal: settings.signal });
    const rename = `ALTER INDEX ${qualifiedTemporary} RENAME TO ${quoteIdentifier(entry.indexName)}`;
    if (foreignKeys.length === 0) {
      await runStatement(client, `DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(schema, entry.indexName)}`);
      swapped = true;
      await client.query(`SET lock_timeout = ${RENAME_LOCK_TIMEOUT_MS}`);
      await retryLockConflicts(() => runStatement(client!, rename), settings);
    } else {
      // One transaction, each statement that names an index, table or constraint sent alone (extended protocol).
      const statements = [
        ...foreignKeys.map((fk) => `ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdentifier(fk.name)}`),
        `DROP INDEX ${quoteQualified(schema, entry.indexName)}`,
        rename,
        ...foreignKeys.map(
          (fk) =>
            `ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdentifier(fk.name)} ${fk.definition}${/ NOT VALID$/.test(fk.definition) ? '' : ' NOT VALID'}`,
        ),
      ];
      await retryLockConflicts(async () => {
        try {
          await client!.query('BEGIN');
          await client!.query(`SET LOCAL lock_timeout = ${RENAME_LOCK_TIMEOUT_MS}`);
          for (const statement of statements) await runStatement(client!, statement);
          await client!.query('COMMIT');
        } catch (error) {
          await client!.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }, settings);
      swapped = true;
    }
    await writeMark(client, schema, entry, 'built');
  } catch (error) {
    const cause = describeError(error, settings.url);
    if (!swapped) {
      const cleanup = await dropTemporary(settings, qualifiedTemporary);
      const message = `the new definition was built, but replacing the old index failed: ${cause}; ${cleanup}`;
      await disconnect(client);
      return {
        attempts: outcome.attempts,
        error: {
          ...(sqlstateOf(error) ? { sqlstate: sqlstateOf(error)! } : {}),
          message,
          ...(detailOf(error) ? { detail: detailOf(error)! } : {}),
          blockers: [],
        },
      };
    }
    const message = `the old index was dropped, but renaming ${schema}.${temporary} into its place failed: ${cause}; the entry is missing now: the next run builds it under its name and drops ${schema}.${temporary}`;
    await disconnect(client);
    return {
      attempts: outcome.attempts,
      error: {
        ...(sqlstateOf(error) ? { sqlstate: sqlstateOf(error)! } : {}),
        message,
        ...(detailOf(error) ? { detail: detailOf(error)! } : {}),
        blockers: [],
      },
      ...(snapshot ? { restore: restoreAfterSwap(snapshot, temporary) } : {}),
    };
  }
  // Re-added NOT VALID, the keys are enforced for new rows at once; VALIDATE checks the old rows without blocking writes.
  const unvalidated: string[] = [];
  for (const fk of foreignKeys.filter((key) => key.validated)) {
    try {
      await runStatement(client, `ALTER TABLE ${fk.table} VALIDATE CONSTRAINT ${quoteIdentifier(fk.name)}`);
    } catch (error) {
      unvalidated.push(`"${fk.name}" on ${fk.table} (${describeError(error, settings.url)})`);
    }
  }
  await disconnect(client);
  const restore = snapshot ? { restore: restoreAfterSwap(snapshot, temporary) } : {};
  if (unvalidated.length > 0) {
    const message = `swapped in, but foreign key(s) ${unvalidated.join(', ')} are NOT VALID still (enforced for new rows): run ALTER TABLE ... VALIDATE CONSTRAINT`;
    return { attempts: outcome.attempts, error: { message, blockers: [] }, ...restore };
  }
  return { ...outcome, ...restore };
}

/** Drops the temporary index of a swap that did not happen; says what became of it. */
async function dropTemporary(settings: BuildSettings, qualifiedTemporary: string): Promise<string> {
  let client: pg.Client | undefined;
  try {
    client = await connect(settings.url, settings);
    await runStatement(client, `DROP INDEX CONCURRENTLY IF EXISTS ${qualifiedTemporary}`);
    return 'the new index was dropped again, nothing is left behind';
  } catch (error) {
    return `the new index ${qualifiedTemporary} could not be dropped (${describeError(error, settings.url)}); the next run drops it`;
  } finally {
    await disconnect(client);
  }
}
