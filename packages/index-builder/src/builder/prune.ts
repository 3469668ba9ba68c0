// What `--prune` may drop, decided once for plan and build:
// only the indexes the builder *built* (its mark says so) that the registry no longer declares. An adopted index
// (or one whose mark predates origins), a UNIQUE one, and one that backs a constraint or that a foreign key depends
// on each need their class named in `--prune-include`. A run drops at most `--prune-max`; an empty registry drops
// nothing, nor does one that shrank to fewer entries than half the indexes carrying the mark (declared or orphaned:
// the marks are the builder's memory of the last runs) unless `--prune-include shrunk-registry` says so.
// The temporary `<index>_ib_new` of a swap an earlier run did not finish serves nothing: it is dropped without
// `--prune` (not counted in the bound). Every drop records the statements that restore the index (restore.ts).
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { OrphanIndex } from './result.ts';
import { quoteQualified, type CatalogState } from './catalog.ts';
import { connect, disconnect, type SessionSettings } from '../db/connection.ts';
import { describeError } from '../db/errors.ts';
import type { Decision } from './decide.ts';
import { NO_DEPENDENTS, readDependents, type IndexDependents } from './dependents.ts';
import { readMark } from './marker.ts';
import { findMarkedOrphans } from './orphans.ts';
import { restoreAfterDrop, snapshotIndexes } from './restore.ts';
import { runStatement } from '../db/statement-reading.ts';
import { quoteIdentifier } from '@index-builder/sql-core';
import type { PruneClass } from './prune-classes.ts';
import { swapIndexName } from './swap.ts';

export { DEFAULT_PRUNE_MAX, type PruneClass } from './prune-classes.ts';

export interface PruneOptions {
  /** `--prune`: drop orphans (within the classes and the bound below). */
  prune: boolean;
  /** `--prune-include`: classes that may be dropped besides the builder's own plain indexes. */
  include: readonly PruneClass[];
  /** `--prune-max`: at most this many orphans dropped in one run. */
  max: number;
}

interface Candidate {
  schema: string;
  name: string;
  table: string;
  partitioned: boolean;
  comment: string | null;
  unique: boolean;
  dependents: IndexDependents;
  leftover: boolean;
}

export interface PlannedOrphan {
  candidate: Candidate;
  orphan: OrphanIndex;
  /** Why, in the words of a plan. */
  reason: string;
}

// Indexes named like a swap's temporary index, with the other indexes of their table (to find the one it replaces).
const TEMPORARY_QUERY = `
SELECT n.nspname AS schema, i.relname AS name, x.indrelid::regclass::text AS table, i.relkind = 'I' AS partitioned,
       obj_description(i.oid, 'pg_class') AS comment, x.indisunique AS unique, tn.nspname AS table_schema, t.relname AS table_name,
       array(SELECT s.relname::text FROM pg_index sx JOIN pg_class s ON s.oid = sx.indexrelid
             WHERE sx.indrelid = x.indrelid AND s.oid <> i.oid) AS siblings
FROM pg_class i
JOIN pg_namespace n ON n.oid = i.relnamespace
JOIN pg_index x ON x.indexrelid = i.oid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace tn ON tn.oid = t.relnamespace
WHERE i.relkind IN ('i', 'I') AND i.relname LIKE '%\\_ib\\_new'
ORDER BY 1, 2`;

interface Found {
  orphans: Candidate[];
  leftovers: Candidate[];
  /** Indexes with the builder's mark that the registry still declares. */
  declaredMarked: number;
}

/**
 * Orphans and swap leftovers. `swapping`: the entries this run swaps (a `replace` decision), whose temporary index
 * is the swap's own business, not a leftover.
 */
export async function findPruneCandidates(
  client: pg.Client,
  entries: readonly RegistryEntry[],
  states: readonly CatalogState[],
  decisions: readonly Pick<Decision, 'action'>[],
): Promise<Found> {
  const declared = new Set(entries.map((entry, i) => `${states[i]!.schema}.${entry.indexName}`));
  const orphanRows = await findMarkedOrphans(client, declared);
  const temporary = await client.query<Omit<Candidate, 'dependents' | 'leftover'> & { table_schema: string; table_name: string; siblings: string[] }>(
    TEMPORARY_QUERY,
  );
  const swapping = new Set(
    entries.flatMap((entry, i) => (decisions[i]?.action === 'replace' ? [`${states[i]!.schema}.${swapIndexName(entry.indexName)}`] : [])),
  );
  const leftoverRows = temporary.rows.filter((row) => {
    const qualified = `${row.schema}.${row.name}`;
    if (declared.has(qualified) || swapping.has(qualified) || readMark(row.comment)) return false;
    const replaces = (indexName: string) => swapIndexName(indexName) === row.name;
    return (
      row.siblings.some(replaces) ||
      entries.some((entry, i) => states[i]!.schema === row.schema && entry.tableName === row.table_name && replaces(entry.indexName))
    );
  });
  const dependents = await readDependents(
    client,
    [...orphanRows, ...leftoverRows].map((row) => quoteQualified(row.schema, row.name)),
  );
  const candidate = (row: Omit<Candidate, 'dependents' | 'leftover'>, k: number, leftover: boolean): Candidate => ({
    schema: row.schema,
    name: row.name,
    table: row.table,
    partitioned: row.partitioned,
    comment: row.comment,
    unique: row.unique,
    dependents: dependents[k] ?? NO_DEPENDENTS,
    leftover,
  });
  const declaredMarked = entries.filter((_, i) => states[i]!.exists && readMark(states[i]!.comment) !== undefined).length;
  return {
    orphans: orphanRows.map((row, k) => candidate(row, k, false)),
    // A leftover that something depends on is no temporary index of ours.
    leftovers: leftoverRows
      .map((row, k) => candidate(row, orphanRows.length + k, true))
      .filter((c) => !c.dependents.constraint && c.dependents.foreignKeys.length === 0),
    declaredMarked,
  };
}

/** The classes an orphan belongs to that need `--prune-include`, each with what makes it so. */
function protectedClasses(candidate: Candidate): { name: PruneClass; why: string }[] {
  const classes: { name: PruneClass; why: string }[] = [];
  const origin = readMark(candidate.comment)?.origin;
  if (origin === 'adopted') classes.push({ name: 'adopted', why: 'adopted by index-builder (it existed before)' });
  if (origin === 'unknown') {
    classes.push({ name: 'adopted', why: 'its mark was written by an earlier index-builder without its origin, so it counts as adopted' });
  }
  if (candidate.unique) classes.push({ name: 'unique', why: 'UNIQUE' });
  const { constraint, foreignKeys } = candidate.dependents;
  if (constraint) classes.push({ name: 'constraint', why: `it backs the constraint "${constraint.name}"` });
  if (foreignKeys.length > 0)
    classes.push({ name: 'constraint', why: `foreign key(s) ${foreignKeys.map((fk) => `"${fk.name}" on ${fk.table}`).join(', ')} depend on it` });
  return classes;
}

/** What build does with each orphan and leftover under `options`: one decision that plan reports and build executes. */
export function planPrune(found: Found, entries: readonly unknown[], options: PruneOptions): PlannedOrphan[] {
  const include = new Set(options.include);
  const orphanCount = found.orphans.length;
  const managed = orphanCount + found.declaredMarked;
  let refusal: string | undefined;
  if (entries.length === 0) {
    refusal = 'the registry is empty: --prune drops nothing (a wrong path or a bad merge looks the same)';
  } else if (entries.length * 2 < managed && !include.has('shrunk-registry')) {
    refusal =
      `the registry has ${entries.length} entries, fewer than half of the ${managed} indexes that carry index-builder's mark ` +
      `(${orphanCount} of them no longer declared): --prune drops nothing (check the registry; --prune-include shrunk-registry allows it)`;
  }
  let dropping = 0;
  const planned = found.orphans.map((candidate): PlannedOrphan => {
    const name = `${candidate.schema}.${candidate.name}`;
    const base = { name, table: candidate.table };
    const classes = protectedClasses(candidate);
    const missing = [...new Set(classes.filter((c) => !include.has(c.name)).map((c) => c.name))];
    const made = classes.some((c) => c.name === 'adopted') ? 'marked by index-builder' : 'built by index-builder';
    const what = `${made}, no longer in the registry`;
    const classText = classes.length ? `${classes.map((c) => c.why).join('; ')}: ` : '';
    if (!options.prune) {
      const how = missing.length ? `--prune --prune-include ${missing.join(',')} would drop it` : '--prune would drop it';
      return { candidate, orphan: { ...base, dropped: false }, reason: `${what}: ${classText}would keep it (${how})` };
    }
    let kept: string | undefined;
    if (refusal) kept = refusal;
    else if (missing.length) kept = `${classText}--prune-include ${missing.join(',')} drops it`;
    else if (dropping >= options.max) kept = `--prune-max ${options.max} reached in this run: the next run drops it`;
    if (kept) return { candidate, orphan: { ...base, dropped: false, kept }, reason: `${what}: would keep it: ${kept}` };
    dropping += 1;
    return { candidate, orphan: { ...base, dropped: true }, reason: `${what}: ${classText}would drop it (--prune)` };
  });
  const leftovers = found.leftovers.map((candidate): PlannedOrphan => ({
    candidate,
    orphan: { name: `${candidate.schema}.${candidate.name}`, table: candidate.table, dropped: true, leftover: true },
    reason: 'the temporary index of a swap an earlier run did not finish: would drop it',
  }));
  return [...planned, ...leftovers];
}

/** Drops what the plan drops, each after reading what restores it; every outcome is in the result. */
export async function executePrune(url: string, settings: SessionSettings, planned: readonly PlannedOrphan[]): Promise<OrphanIndex[]> {
  const results: OrphanIndex[] = [];
  for (const { candidate, orphan } of planned) {
    if (!orphan.dropped) {
      results.push(orphan);
      continue;
    }
    let client: pg.Client | undefined;
    let restore: string | undefined;
    try {
      client = await connect(url, settings);
      const qualified = quoteQualified(candidate.schema, candidate.name);
      const snapshot = (await snapshotIndexes(client, [qualified])).get(qualified);
      if (!snapshot) {
        results.push({ ...orphan, dropped: false, error: 'it no longer exists' });
        continue;
      }
      restore = restoreAfterDrop(snapshot);
      const { constraint, foreignKeys } = snapshot.dependents;
      if (constraint || foreignKeys.length > 0) {
        // Catalog changes only, under ACCESS EXCLUSIVE: one short transaction under a short lock_timeout.
        const statements = [
          ...foreignKeys.map((fk) => `ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdentifier(fk.name)}`),
          constraint ? `ALTER TABLE ${snapshot.table} DROP CONSTRAINT ${quoteIdentifier(constraint.name)}` : `DROP INDEX IF EXISTS ${qualified}`,
        ];
        try {
          await client.query('BEGIN');
          await client.query('SET LOCAL lock_timeout = 2000');
          // Each statement that names an index, table or constraint alone, with the extended protocol.
          for (const statement of statements) await runStatement(client, statement);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      } else {
        // A partitioned table's own index cannot be dropped concurrently; dropping it drops its partitions' indexes.
        await runStatement(client, `DROP INDEX ${candidate.partitioned ? '' : 'CONCURRENTLY '}IF EXISTS ${qualified}`);
      }
      results.push({ ...orphan, restore });
    } catch (error) {
      results.push({ ...orphan, dropped: false, error: describeError(error, url) });
    } finally {
      await disconnect(client);
    }
  }
  return results;
}
