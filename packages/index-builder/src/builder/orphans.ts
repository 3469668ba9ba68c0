// Indexes that carry the builder's mark and that the registry no longer declares: orphans. Reported every run;
// what `--prune` may drop of them is decided in prune.ts. An index without the mark is never touched.
import type pg from 'pg';
import { recordedFingerprint } from './marker.ts';

interface MarkedIndex {
  schema: string;
  name: string;
  table: string;
  partitioned: boolean;
}

export interface MarkedOrphan extends MarkedIndex {
  comment: string;
  unique: boolean;
}

// Indexes with a comment that may hold the mark and a name the registry does not declare ($1: `schema.name` of each
// declared index). Whether the comment holds the mark is decided here in JavaScript: PostgreSQL's regular expressions
// cost about 10 µs a row, and every index the builder made has a comment.
const MARKED_QUERY = `
SELECT n.nspname AS schema, i.relname AS name, x.indrelid::regclass::text AS table, i.relkind = 'I' AS partitioned,
       d.description AS comment, x.indisunique AS unique
FROM pg_description d
JOIN pg_index x ON x.indexrelid = d.objoid
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_namespace n ON n.oid = i.relnamespace
-- obj_description(oid, 'pg_class') as a join: one pass over the comments rather than a lookup per index.
WHERE d.classoid = 'pg_class'::regclass AND d.objsubid = 0 AND strpos(d.description, '[index-builder ') > 0
  AND NOT EXISTS (SELECT FROM unnest($1::text[]) AS declared(qualified) WHERE declared.qualified = n.nspname || '.' || i.relname)
ORDER BY 1, 2`;

/** Marked indexes whose `schema.name` is not in `declared`, with their comment and uniqueness. */
export async function findMarkedOrphans(client: pg.Client, declared: ReadonlySet<string>): Promise<MarkedOrphan[]> {
  const { rows } = await client.query<MarkedOrphan>(MARKED_QUERY, [[...declared]]);
  return rows.filter((row) => recordedFingerprint(row.comment) !== undefined);
}

/** Marked indexes whose `schema.name` is not in `declared`. */
export async function findOrphans(client: pg.Client, declared: ReadonlySet<string>): Promise<MarkedIndex[]> {
  return (await findMarkedOrphans(client, declared)).map(({ schema, name, table, partitioned }) => ({ schema, name, table, partitioned }));
}
