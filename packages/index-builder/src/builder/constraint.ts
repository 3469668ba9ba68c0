// The registry's `constraint`: once its index is valid, attach it as a UNIQUE or PRIMARY KEY constraint of the same
// name with `ALTER TABLE ... ADD CONSTRAINT name UNIQUE USING INDEX name`. That takes ACCESS EXCLUSIVE on the table
// but only for a catalog change (no scan, no build), so it runs under a short lock_timeout and retries lock
// conflicts with the build's backoff. Idempotent: a constraint already on the index is left alone.
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { ConstraintResult, IndexFailure, IndexResult } from './result.ts';
import { quoteIdentifier } from '@index-builder/sql-core';
import { quoteQualified } from './catalog.ts';
import { connect, disconnect } from '../db/connection.ts';
import { describeError, detailOf, sqlstateOf } from '../db/errors.ts';
import type { BuildSettings } from './create-index.ts';
import { isLockConflict, retryLockConflicts } from './retry.ts';
import { runStatement } from '../db/statement-reading.ts';

/**
 * Each attempt waits at most this long for the table's lock (or the run's lock-timeout, when shorter). While it
 * waits, every query on the table queues behind it, so the wait must stay short enough for an application to ride
 * out (as for the swap's rename); a busy table gets the retries instead.
 */
const CONSTRAINT_LOCK_TIMEOUT_MS = 2000;
const BUILT: ReadonlySet<IndexResult['status']> = new Set(['created', 'rebuilt', 'skipped']);

interface ConstraintState {
  /** The table as PostgreSQL prints it (schema-qualified when outside search_path), for messages. */
  tableName: string;
  /** The table, quoted: what the ALTER TABLE names. */
  qualifiedTable: string;
  /** The constraint this index already backs, if any. */
  indexConstraint: { name: string; type: string } | null;
  /** A constraint of the entry's name in the index's schema, and the index it uses (null when none). */
  namedConstraint: { table: string; index: string | null } | null;
  primaryKey: string | null;
  /** Index columns that allow NULL. */
  nullable: string[];
}

const STATE_QUERY = `
SELECT x.indrelid::regclass::text AS table_name, tn.nspname AS table_schema, t.relname AS table_relname,
  (SELECT json_build_object('name', c.conname, 'type', c.contype) FROM pg_constraint c
    WHERE c.conindid = i.oid AND c.contype IN ('u', 'p', 'x') LIMIT 1) AS index_constraint,
  (SELECT json_build_object('table', c.conrelid::regclass::text, 'index', nullif(c.conindid, 0)::regclass::text) FROM pg_constraint c
    WHERE c.connamespace = i.relnamespace AND c.conname = i.relname LIMIT 1) AS named_constraint,
  (SELECT c.conname FROM pg_constraint c WHERE c.conrelid = x.indrelid AND c.contype = 'p') AS primary_key,
  coalesce((SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
    WHERE a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey) AND NOT a.attnotnull), '{}') AS nullable
FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid
JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
WHERE i.oid = to_regclass($1)`;

/**
 * After an entry's index is built (or found valid), attaches its constraint. Returns the result with `constraint`
 * set; a constraint that cannot be attached makes the entry `failed`, with the reason.
 */
export async function attachConstraint(entry: RegistryEntry, schema: string, result: IndexResult, settings: BuildSettings): Promise<IndexResult> {
  const type = entry.constraint;
  if (!type || !BUILT.has(result.status) || settings.signal?.aborted) return result;
  const name = entry.indexName;
  const started = Date.now();
  const finish = (status: ConstraintResult['status'], attempts: number, error?: IndexFailure): IndexResult => {
    const constraint: ConstraintResult = { type, name, status, attempts, ...(error ? { error } : {}) };
    const durationMs = result.durationMs + (Date.now() - started);
    if (!error) return { ...result, durationMs, constraint };
    const message = `the index is built and valid, but its ${type} constraint "${name}" is not attached: ${error.message}`;
    return { ...result, status: 'failed', durationMs, error: { ...error, message }, constraint };
  };
  let client: pg.Client | undefined;
  try {
    client = await connect(
      settings.url,
      { lockTimeoutMs: lockTimeout(settings), statementTimeoutMs: settings.statementTimeoutMs },
      { retry: true, signal: settings.signal },
    );
    const qualifiedIndex = quoteQualified(schema, name);
    const state = await readState(client, qualifiedIndex);
    if (!state) return finish('failed', 0, { message: `index ${schema}.${name} was not found after its build`, blockers: [] });
    const refusal = refuse(state, type, name, schema);
    if (refusal === PRESENT) return finish('present', 0);
    if (refusal) return finish('failed', 0, { message: refusal, blockers: [] });

    const keyword = type === 'unique' ? 'UNIQUE' : 'PRIMARY KEY';
    const alter = `ALTER TABLE ${state.qualifiedTable} ADD CONSTRAINT ${quoteIdentifier(name)} ${keyword} USING INDEX ${quoteIdentifier(name)}`;
    let attempts = 0;
    let failedAt = 0;
    await retryLockConflicts(async (attempt) => {
      attempts = attempt;
      if (attempt > 1) settings.events.retrying(entry, attempt, settings.maxAttempts, Date.now() - failedAt);
      await runStatement(client!, alter).catch((error: unknown) => {
        failedAt = Date.now();
        throw error;
      });
    }, settings).catch((error: unknown) => {
      throw Object.assign(error as Error, { attempts });
    });
    return finish('added', attempts);
  } catch (error) {
    const sqlstate = sqlstateOf(error);
    const attempts = (error as { attempts?: number }).attempts ?? 1;
    const lock = isLockConflict(sqlstate)
      ? `; the table stayed locked through ${attempts} attempt(s) of ${lockTimeout(settings)} ms, the next run tries again`
      : '';
    return finish('failed', attempts, {
      ...(sqlstate ? { sqlstate } : {}),
      message: `${describeError(error, settings.url)}${lock}`,
      ...(detailOf(error) ? { detail: detailOf(error)! } : {}),
      blockers: [],
    });
  } finally {
    await disconnect(client);
  }
}

function lockTimeout(settings: BuildSettings): number {
  return settings.lockTimeoutMs > 0 ? Math.min(settings.lockTimeoutMs, CONSTRAINT_LOCK_TIMEOUT_MS) : CONSTRAINT_LOCK_TIMEOUT_MS;
}

async function readState(client: pg.Client, qualifiedIndex: string): Promise<ConstraintState | undefined> {
  const row = (
    await client.query<{
      table_name: string;
      table_schema: string;
      table_relname: string;
      index_constraint: ConstraintState['indexConstraint'];
      named_constraint: ConstraintState['namedConstraint'];
      primary_key: string | null;
      nullable: string[];
    }>(STATE_QUERY, [qualifiedIndex])
  ).rows[0];
  if (!row) return undefined;
  return {
    tableName: row.table_name,
    qualifiedTable: quoteQualified(row.table_schema, row.table_relname),
    indexConstraint: row.index_constraint,
    namedConstraint: row.named_constraint,
    primaryKey: row.primary_key,
    nullable: row.nullable,
  };
}

/** The constraint is already in place: not a message, so that no message can be mistaken for it. */
const PRESENT = Symbol('present');

/** PRESENT when the constraint is already in place; a message when it cannot be attached; else undefined. */
function refuse(state: ConstraintState, type: 'unique' | 'primary key', name: string, schema: string): string | typeof PRESENT | undefined {
  const wanted = type === 'unique' ? 'u' : 'p';
  const kinds: Record<string, string> = { u: 'unique', p: 'primary key', x: 'exclusion' };
  if (state.indexConstraint) {
    if (state.indexConstraint.name === name && state.indexConstraint.type === wanted) return PRESENT;
    return `the index already backs the ${kinds[state.indexConstraint.type] ?? state.indexConstraint.type} constraint "${state.indexConstraint.name}"; drop that constraint or change the registry's constraint to match it`;
  }
  if (state.namedConstraint) {
    const on = state.namedConstraint.index ? ` (using index ${state.namedConstraint.index})` : '';
    return `a constraint named "${name}" already exists in schema ${schema} on ${state.namedConstraint.table}${on}; rename one of them`;
  }
  if (type === 'primary key') {
    if (state.primaryKey) return `${state.tableName} already has a primary key, "${state.primaryKey}"; a table has only one`;
    if (state.nullable.length > 0) {
      const columns = state.nullable.join(', ');
      const first = state.nullable[0]!;
      return (
        `column(s) ${columns} of ${state.tableName} allow NULL, and PRIMARY KEY would set NOT NULL by scanning the whole table under an ACCESS EXCLUSIVE lock. ` +
        `Make them NOT NULL first without a long lock, in a migration: ALTER TABLE ${state.tableName} ADD CONSTRAINT ${first}_not_null CHECK (${first} IS NOT NULL) NOT VALID; ` +
        `then ALTER TABLE ${state.tableName} VALIDATE CONSTRAINT ${first}_not_null; then ALTER TABLE ${state.tableName} ALTER COLUMN ${first} SET NOT NULL (PostgreSQL 12+ skips the scan thanks to the validated check)`
      );
    }
  }
  return undefined;
}
