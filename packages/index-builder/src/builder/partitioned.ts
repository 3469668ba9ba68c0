// An index on a partitioned table, built without blocking writes: the parent's own index `ON ONLY` (catalog only,
// invalid at first), a concurrent build on every leaf partition, each attached to its parent's index. When the last
// one is attached PostgreSQL marks the parent index valid. Built and attached leaves are recognised on the next run,
// so an interrupted build resumes where it stopped.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { rewriteIndexSql } from '@index-builder/sql-core';
import { MAX_IDENTIFIER_BYTES, truncateIdentifier } from '@index-builder/sql-core';
import { quoteQualified, readCatalog } from './catalog.ts';
import { buildIndex, type BuildOutcome, type BuildSettings } from './create-index.ts';
import { stepConnection, type RunSessions } from './sessions.ts';
import { writeMark } from './marker.ts';
import { runStatement } from '../db/statement-reading.ts';

interface Partition {
  schema: string;
  name: string;
  partitioned: boolean;
  /** The partition (or the root table) this one is attached to. */
  parentSchema: string;
  parentName: string;
}

interface PartitionRow {
  schema: string;
  name: string;
  partitioned: boolean;
  parent_schema: string;
  parent_name: string;
}

const PARTITIONS_QUERY = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'p' AS partitioned,
       pn.nspname AS parent_schema, pc.relname AS parent_name
FROM pg_partition_tree($1::regclass) t
JOIN pg_class c ON c.oid = t.relid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_class pc ON pc.oid = t.parentrelid
JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE t.level > 0 AND c.relkind IN ('r', 'p')
ORDER BY t.level, n.nspname, c.relname`;

/** The index a partition gets for `indexName`: `<index>_<partition>`, or cut with a hash suffix to fit 63 bytes. */
export function partitionIndexName(indexName: string, partition: string): string {
  const full = `${indexName}_${partition}`;
  if (Buffer.byteLength(full, 'utf8') <= MAX_IDENTIFIER_BYTES) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${truncateIdentifier(full, MAX_IDENTIFIER_BYTES - 9).replace(/_+$/, '')}_${hash}`;
}

export interface PartitionedOutcome extends BuildOutcome {
  partitions: { total: number; built: number };
}

/** The time budget ran out between partitions: the rest waits for the next run. */
export const BUDGET_SPENT = 'the time budget was spent before its turn';

export async function buildPartitioned(
  entry: RegistryEntry,
  schema: string,
  settings: BuildSettings,
  sessions: RunSessions,
): Promise<PartitionedOutcome> {
  // The parent's statements run on the build session too, so that a partitioned build holds no more connections.
  const connection = await stepConnection(sessions, settings.url, settings, settings.signal);
  const { client } = connection;
  let built = 0;
  let partitions: Partition[] = [];
  let attempts = 1;
  try {
    const table = quoteQualified(schema, entry.tableName);
    await runStatement(client, rewriteIndexSql(entry.sql, { onlyWithoutConcurrently: true }));
    partitions = (await client.query<PartitionRow>(PARTITIONS_QUERY, [table])).rows.map((row) => ({
      schema: row.schema,
      name: row.name,
      partitioned: row.partitioned,
      parentSchema: row.parent_schema,
      parentName: row.parent_name,
    }));
    const indexOf = (tableSchema: string, tableName: string) =>
      tableSchema === schema && tableName === entry.tableName ? entry.indexName : partitionIndexName(entry.indexName, tableName);

    for (const partition of partitions) {
      if (settings.signal?.aborted) break;
      if (settings.deadline !== undefined && Date.now() >= settings.deadline) {
        return { attempts, deferred: BUDGET_SPENT, partitions: { total: countLeaves(partitions), built } };
      }
      const indexName = indexOf(partition.schema, partition.name);
      const parentIndex = quoteQualified(partition.parentSchema, indexOf(partition.parentSchema, partition.parentName));
      if (!(await isAttached(client, parentIndex, partition))) {
        const sql = rewriteIndexSql(entry.sql, { name: indexName, table: { schema: partition.schema, name: partition.name } });
        if (partition.partitioned) {
          await runStatement(client, rewriteIndexSql(sql, { onlyWithoutConcurrently: true }));
        } else {
          const target = { indexName, schema: partition.schema, tableSchema: partition.schema, tableName: partition.name };
          const outcome = await buildIndex({ entry, target, sql }, settings, sessions);
          attempts = Math.max(attempts, outcome.attempts);
          if (outcome.error) {
            outcome.error.message = `partition ${partition.schema}.${partition.name}: ${outcome.error.message}`;
            return { ...outcome, attempts, partitions: { total: countLeaves(partitions), built } };
          }
          if (outcome.deferred) {
            const deferred = `partition ${partition.schema}.${partition.name}: ${outcome.deferred}`;
            return { attempts, deferred, partitions: { total: countLeaves(partitions), built } };
          }
        }
        await runStatement(client, `ALTER INDEX ${parentIndex} ATTACH PARTITION ${quoteQualified(partition.schema, indexName)}`);
      }
      if (!partition.partitioned) {
        built += 1;
        settings.events.partitionDone(entry, built, countLeaves(partitions), `${partition.schema}.${partition.name}`);
      }
    }
    const [state] = await readCatalog(client, [{ ...entry, schema }]);
    const total = countLeaves(partitions);
    if (!state?.valid) {
      const why = settings.signal?.aborted ? `cancelled by ${String(settings.signal.reason)}` : 'the parent index is still invalid';
      return {
        attempts,
        error: { message: `${why} after ${built} of ${total} partitions; the next run resumes it`, blockers: [] },
        partitions: { total, built },
      };
    }
    await writeMark(client, schema, entry, 'built').catch(() => {});
    return { attempts, partitions: { total, built } };
  } finally {
    await connection.release();
  }
}

function countLeaves(partitions: Partition[]): number {
  return partitions.filter((p) => !p.partitioned).length;
}

/** Whether `partition` already has an index attached to `parentIndex` (built by an earlier run, or by PostgreSQL). */
async function isAttached(client: pg.Client, parentIndex: string, partition: Partition): Promise<boolean> {
  const { rowCount } = await client.query(
    `SELECT 1 FROM pg_inherits h JOIN pg_index x ON x.indexrelid = h.inhrelid
     WHERE h.inhparent = to_regclass($1) AND x.indrelid = $2::regclass`,
    [parentIndex, quoteQualified(partition.schema, partition.name)],
  );
  return (rowCount ?? 0) > 0;
}
