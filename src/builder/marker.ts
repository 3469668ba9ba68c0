// The builder's mark on the indexes it manages: the entry's description and a fingerprint of its definition, in
// the index comment. It tells later runs what definition built the index (drift) and which indexes are the
// builder's own (orphans); nothing without the mark is ever dropped as an orphan.
import type pg from 'pg';
import type { RegistryEntry } from '../registry/types.ts';
import { quoteQualified } from './catalog.ts';
import { runStatement } from './statement-reading.ts';

const MARK = /\[index-builder ([0-9a-f]{16})\]/;

export function markComment(entry: Pick<RegistryEntry, 'description' | 'fingerprint'>): string {
  return `${entry.description ? `${entry.description} ` : ''}[index-builder ${entry.fingerprint}]`;
}

/** The fingerprint the builder recorded on an index, if it did. */
export function recordedFingerprint(comment: string | null): string | undefined {
  return comment ? MARK.exec(comment)?.[1] : undefined;
}

export async function writeMark(client: pg.Client, schema: string, entry: RegistryEntry): Promise<void> {
  // COMMENT takes no parameters: escapeLiteral doubles quotes, and writes E'...' with backslashes doubled when there are any.
  await runStatement(client, `COMMENT ON INDEX ${quoteQualified(schema, entry.indexName)} IS ${client.escapeLiteral(markComment(entry))}`);
}
