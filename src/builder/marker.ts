// The builder's mark on the indexes it manages, in the index comment: the entry's description, a fingerprint of the
// registry's definition, whether the builder *built* the index or *adopted* one that existed, and a short hash of
// the definition PostgreSQL printed (`pg_get_indexdef`, reloptions included) when the builder last built or checked
// it: `Lead lookups [index-builder 3f2a9c1d0b7e4a55 built 9a8b7c6d5e4f]`. It tells later runs what definition built
// the index (drift), whether someone changed it by hand since (the hash), and which indexes are the builder's own
// (orphans); nothing without the mark is ever dropped as an orphan. Marks written before origins existed
// (`[index-builder <fingerprint>]`) read as origin `unknown`, which prune treats as adopted.
import type pg from 'pg';
import type { RegistryEntry } from '../registry/types.ts';
import { quoteIdentifier } from '../sql/safe-index-sql.ts';

export type MarkOrigin = 'built' | 'adopted';

export interface Mark {
  fingerprint: string;
  origin: MarkOrigin | 'unknown';
  /** The definition hash recorded with the mark (absent in marks of earlier versions). */
  definitionHash?: string;
}

/** The first well-formed mark of a comment is the one that counts. */
export const MARK = /\[index-builder ([0-9a-f]{16})(?: (built|adopted) ([0-9a-f]{12}))?\]/;
/** The same pattern for PostgreSQL: `substring(comment FROM ...)` gives the mark's inside after "index-builder ". */
export const MARK_SQL_PATTERN = '\\[index-builder ([0-9a-f]{16}(?: (?:built|adopted) [0-9a-f]{12})?)\\]';

/** SQL: the definition hash of the index whose oid is `oidExpression`, as marks record it. */
export function definitionHashSql(oidExpression: string): string {
  return `left(md5(pg_get_indexdef(${oidExpression})), 12)`;
}

export function markComment(
  entry: Pick<RegistryEntry, 'description' | 'fingerprint'>,
  recorded?: { origin: MarkOrigin; definitionHash: string },
): string {
  const inside = recorded ? `${entry.fingerprint} ${recorded.origin} ${recorded.definitionHash}` : entry.fingerprint;
  return `${entry.description ? `${entry.description} ` : ''}[index-builder ${inside}]`;
}

export function readMark(comment: string | null): Mark | undefined {
  const match = comment ? MARK.exec(comment) : null;
  if (!match) return undefined;
  return {
    fingerprint: match[1]!,
    origin: (match[2] as MarkOrigin | undefined) ?? 'unknown',
    ...(match[3] ? { definitionHash: match[3] } : {}),
  };
}

/** The fingerprint the builder recorded on an index, if it did. */
export function recordedFingerprint(comment: string | null): string | undefined {
  return readMark(comment)?.fingerprint;
}

/** The origin a refreshed mark keeps: `built` stays built; anything else (none, adopted, unknown) is adopted. */
export function originAfterRefresh(comment: string | null): MarkOrigin {
  return readMark(comment)?.origin === 'built' ? 'built' : 'adopted';
}

/** Writes the mark, with the hash of the definition PostgreSQL prints for the index now. */
export async function writeMark(client: pg.Client, schema: string, entry: RegistryEntry, origin: MarkOrigin): Promise<void> {
  const qualified = `${quoteIdentifier(schema)}.${quoteIdentifier(entry.indexName)}`;
  const { rows } = await client.query<{ hash: string | null }>(`SELECT ${definitionHashSql('to_regclass($1)')} AS hash`, [qualified]);
  const definitionHash = rows[0]?.hash;
  if (!definitionHash) return;
  await client.query(`COMMENT ON INDEX ${qualified} IS ${client.escapeLiteral(markComment(entry, { origin, definitionHash }))}`);
}
