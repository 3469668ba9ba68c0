// Indexes the builder created (they carry its mark) that the registry no longer declares. Reported every run;
// dropped only with --prune. An index without the mark is never touched.
import type pg from 'pg';
import type { OrphanIndex } from '../report/types.ts';
import { quoteQualified } from './catalog.ts';
import { connect, describeError, disconnect, type SessionSettings } from './connection.ts';
import { MARK_PATTERN_SQL } from './marker.ts';

interface MarkedIndex {
  schema: string;
  name: string;
  table: string;
  partitioned: boolean;
}

const MARKED_QUERY = `
SELECT n.nspname AS schema, i.relname AS name, x.indrelid::regclass::text AS table, i.relkind = 'I' AS partitioned
FROM pg_description d
JOIN pg_index x ON x.indexrelid = d.objoid
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_namespace n ON n.oid = i.relnamespace
-- obj_description(oid, 'pg_class') as a join: one pass over the comments rather than a lookup per index.
-- LIKE first: a cheap necessary condition that spares the regular expression nearly every one of the built-in comments.
WHERE d.classoid = 'pg_class'::regclass AND d.objsubid = 0 AND d.description LIKE '%[index-builder %' AND d.description ~ $1
ORDER BY 1, 2`;

/** Marked indexes whose `schema.name` is not in `declared`. */
export async function findOrphans(client: pg.Client, declared: ReadonlySet<string>): Promise<MarkedIndex[]> {
  const { rows } = await client.query(MARKED_QUERY, [MARK_PATTERN_SQL]);
  return (rows as MarkedIndex[]).filter((row) => !declared.has(`${row.schema}.${row.name}`));
}

/** Drops each orphan (concurrently where PostgreSQL allows it); every outcome is in the result. */
export async function pruneOrphans(url: string, settings: SessionSettings, orphans: MarkedIndex[]): Promise<OrphanIndex[]> {
  const results: OrphanIndex[] = [];
  for (const orphan of orphans) {
    const name = `${orphan.schema}.${orphan.name}`;
    let client: pg.Client | undefined;
    try {
      client = await connect(url, settings);
      // A partitioned table's own index cannot be dropped concurrently; dropping it drops its partitions' indexes.
      const concurrently = orphan.partitioned ? '' : 'CONCURRENTLY ';
      await client.query(`DROP INDEX ${concurrently}IF EXISTS ${quoteQualified(orphan.schema, orphan.name)}`);
      results.push({ name, table: orphan.table, dropped: true });
    } catch (error) {
      results.push({ name, table: orphan.table, dropped: false, error: describeError(error, url) });
    } finally {
      await disconnect(client);
    }
  }
  return results;
}

export function reportOrphans(orphans: MarkedIndex[]): OrphanIndex[] {
  return plannedOrphans(orphans, false);
}

/** What build does with each orphan: drops it with `--prune`, else reports it. */
export function plannedOrphans(orphans: MarkedIndex[], prune: boolean): OrphanIndex[] {
  return orphans.map((orphan) => ({ name: `${orphan.schema}.${orphan.name}`, table: orphan.table, dropped: prune }));
}
