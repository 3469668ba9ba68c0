// Indexes the builder created (they carry its mark) that the registry no longer declares. Reported every run;
// dropped only with --prune. An index without the mark is never touched.
import type pg from 'pg';
import type { OrphanIndex } from '../report/types.ts';
import { quoteQualified } from './catalog.ts';
import { connect, describeError, disconnect, type SessionSettings } from './connection.ts';
import { recordedFingerprint } from './marker.ts';
import { runStatement } from './statement-reading.ts';

interface MarkedIndex {
  schema: string;
  name: string;
  table: string;
  partitioned: boolean;
}

// Indexes with a comment that may hold the mark and a name the registry does not declare ($1: `schema.name` of each
// declared index). Whether the comment holds the mark is decided here in JavaScript: PostgreSQL's regular expressions
// cost about 10 µs a row, and every index the builder made has a comment.
const MARKED_QUERY = `
SELECT n.nspname AS schema, i.relname AS name, x.indrelid::regclass::text AS table, i.relkind = 'I' AS partitioned,
       d.description AS comment
FROM pg_description d
JOIN pg_index x ON x.indexrelid = d.objoid
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_namespace n ON n.oid = i.relnamespace
-- obj_description(oid, 'pg_class') as a join: one pass over the comments rather than a lookup per index.
WHERE d.classoid = 'pg_class'::regclass AND d.objsubid = 0 AND strpos(d.description, '[index-builder ') > 0
  AND NOT EXISTS (SELECT FROM unnest($1::text[]) AS declared(qualified) WHERE declared.qualified = n.nspname || '.' || i.relname)
ORDER BY 1, 2`;

/** Marked indexes whose `schema.name` is not in `declared`. */
export async function findOrphans(client: pg.Client, declared: ReadonlySet<string>): Promise<MarkedIndex[]> {
  const { rows } = await client.query<MarkedIndex & { comment: string }>(MARKED_QUERY, [[...declared]]);
  return rows.filter((row) => recordedFingerprint(row.comment) !== undefined).map(({ comment: _comment, ...index }) => index);
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
      await runStatement(client, `DROP INDEX ${concurrently}IF EXISTS ${quoteQualified(orphan.schema, orphan.name)}`);
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
