// The builder's mark on the indexes it manages, in the index comment: the entry's description, a fingerprint of the
// registry's definition, whether the builder *built* the index or *adopted* one that existed, and a short hash of
// the index's definition in the catalog (reloptions included; see definitionHashSql) when the builder last built or
// checked it: `Lead lookups [index-builder 3f2a9c1d0b7e4a55 built 9a8b7c6d5e4f]`. It tells later runs what definition built
// the index (drift), whether someone changed it by hand since (the hash), and which indexes are the builder's own
// (orphans); nothing without the mark is ever dropped as an orphan. Marks written before origins existed
// (`[index-builder <fingerprint>]`) read as origin `unknown`, which prune treats as adopted. A mark the builder wrote
// after building the index also says how fast the build went, in bytes of table per second (`... 9a8b7c6d5e4f 52428800B/s]`):
// later runs estimate their builds from it (eta.ts).
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { quoteIdentifier } from '@index-builder/sql-core';
import { runStatement } from '../db/statement-reading.ts';

export type MarkOrigin = 'built' | 'adopted';

export interface Mark {
  fingerprint: string;
  origin: MarkOrigin | 'unknown';
  /** The definition hash recorded with the mark (absent in marks of earlier versions). */
  definitionHash?: string;
  /** Bytes of table per second its build went, when the builder built it and timed the build. */
  bytesPerSecond?: number;
}

/** The first well-formed mark of a comment is the one that counts. */
const MARK = /\[index-builder ([0-9a-f]{16})(?: (built|adopted) ([0-9a-f]{12})(?: (\d+)B\/s)?)?\]/;

/**
 * SQL: the definition hash of an index, from its catalog rows (`x` its pg_index row, `i` its pg_class row): what
 * `pg_get_indexdef` prints from (access method, uniqueness, key and INCLUDE columns, operator classes, collations,
 * sort options, expressions, predicate) and its reloptions. Hashing the catalog rather than the printed text costs
 * a small fraction of printing 10,000 definitions; a change it sees that PostgreSQL would print the same (an
 * expression's source position) only makes the next run compare the definitions once and refresh the mark.
 */
export function definitionHashSql(x: string, i: string): string {
  const fields = [
    `${i}.relam`,
    `${x}.indisunique`,
    `${x}.indnullsnotdistinct`,
    `${x}.indnkeyatts`,
    `${x}.indkey`,
    `${x}.indclass`,
    `${x}.indcollation`,
    `${x}.indoption`,
    `${x}.indexprs`,
    `${x}.indpred`,
    `${i}.reloptions`,
  ];
  return `left(md5(format('${fields.map(() => '%s').join('|')}', ${fields.join(', ')})), 12)`;
}

export function markComment(
  entry: Pick<RegistryEntry, 'description' | 'fingerprint'>,
  recorded?: { origin: MarkOrigin; definitionHash: string; bytesPerSecond?: number },
): string {
  const speed = recorded?.bytesPerSecond ? ` ${Math.round(recorded.bytesPerSecond)}B/s` : '';
  const inside = recorded ? `${entry.fingerprint} ${recorded.origin} ${recorded.definitionHash}${speed}` : entry.fingerprint;
  return `${entry.description ? `${entry.description} ` : ''}[index-builder ${inside}]`;
}

export function readMark(comment: string | null): Mark | undefined {
  const match = comment ? MARK.exec(comment) : null;
  if (!match) return undefined;
  return {
    fingerprint: match[1]!,
    origin: (match[2] as MarkOrigin | undefined) ?? 'unknown',
    ...(match[3] ? { definitionHash: match[3] } : {}),
    ...(match[4] ? { bytesPerSecond: Number(match[4]) } : {}),
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

/**
 * Writes the mark, with the hash of the definition PostgreSQL prints for the index now; false if the index is gone.
 * `timing`: how long the build took, to record its speed (the table's size over that time) and tell `record` of it.
 */
export async function writeMark(
  client: pg.Client,
  schema: string,
  entry: RegistryEntry,
  origin: MarkOrigin,
  timing?: { buildMs: number; record?: (bytesPerSecond: number) => void },
): Promise<boolean> {
  const qualified = `${quoteIdentifier(schema)}.${quoteIdentifier(entry.indexName)}`;
  const { rows } = await client.query<{ hash: string | null; table_bytes: string | null }>(
    `SELECT ${definitionHashSql('x', 'i')} AS hash, pg_table_size(x.indrelid) AS table_bytes
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE i.oid = to_regclass($1)`,
    [qualified],
  );
  const definitionHash = rows[0]?.hash;
  if (!definitionHash) return false;
  const tableBytes = Number(rows[0]?.table_bytes ?? 0);
  const bytesPerSecond = timing && tableBytes > 0 ? Math.round((tableBytes * 1000) / Math.max(1, timing.buildMs)) : undefined;
  if (bytesPerSecond) timing?.record?.(bytesPerSecond);
  // COMMENT takes no parameters: escapeLiteral doubles quotes, and writes E'...' with backslashes doubled when there are any.
  const comment = markComment(entry, { origin, definitionHash, ...(bytesPerSecond ? { bytesPerSecond } : {}) });
  await runStatement(client, `COMMENT ON INDEX ${qualified} IS ${client.escapeLiteral(comment)}`);
  return true;
}
