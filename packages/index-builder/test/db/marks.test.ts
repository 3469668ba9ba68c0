// Which comments carry the builder's mark, as the catalog queries read them: the first mark of a comment is the one
// that counts (recordedFingerprint), for the catalog's "print the definition?" and for orphans alike. The catalog
// prints nothing only for a current mark: the entry's fingerprint with the hash of the definition printed now.
import { expect } from '@jest/globals';
import { readCatalog } from '../../src/builder/catalog.ts';
import { definitionHashSql } from '../../src/builder/marker.ts';
import { findOrphans } from '../../src/builder/orphans.ts';
import { useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const [entry] = entries(index('marked_idx', 'marks (a)'));
// OURS stands for the current mark (its hash is PostgreSQL's, read once the index exists).
const ours = 'OURS';
const other = '[index-builder 0123456789abcdef]';

// Each comment, and whether the catalog sees the entry's mark on it (then it does not print the definition).
const COMMENTS: [comment: string | null, marked: boolean][] = [
  [`lead lookups ${ours}`, true],
  [ours, true],
  [null, false],
  ['lead lookups', false],
  [other, false],
  [`${other} ${ours}`, false],
  [`${ours} ${other}`, true],
  [`[index-builder nothex] ${ours}`, true],
  [`[index-builder ${ours}`, true],
  [`OURS_ADOPTED`, true],
  // A mark of an earlier version (no origin, no hash) or with another definition's hash is checked again.
  [`[index-builder ${entry!.fingerprint}]`, false],
  [`[index-builder ${entry!.fingerprint} built 000000000000]`, false],
  [ours.toLowerCase(), false],
];

const db = useTestDatabase({ setup: 'CREATE TABLE marks (a int, b int); CREATE INDEX marked_idx ON marks (a)' });
let hash: string;
beforeAll(async () => {
  hash = (
    await db.sql<{ hash: string }>(
      `SELECT ${definitionHashSql('x', 'i')} AS hash FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE i.oid = 'marked_idx'::regclass`,
    )
  ).rows[0]!.hash;
});

it.each(COMMENTS)('reads the comment %j as marked with the entry fingerprint: %s', async (template, marked) => {
  const comment =
    template
      ?.replace(/OURS_ADOPTED/g, `[index-builder ${entry!.fingerprint} adopted ${hash}]`)
      .replace(/ours/g, `[index-builder ${entry!.fingerprint} BUILT ${hash.toUpperCase()}]`)
      .replace(/OURS/g, `[index-builder ${entry!.fingerprint} built ${hash}]`) ?? null;
  await db.sql(`COMMENT ON INDEX marked_idx IS ${comment === null ? 'NULL' : `'${comment}'`}`);
  const client = await db.connect();
  try {
    const [state] = await readCatalog(client, [entry!]);
    expect({ comment: state!.comment, definitionPrinted: state!.definition !== null }).toEqual({ comment, definitionPrinted: !marked });
  } finally {
    await client.end();
  }
});

it('finds as orphans the indexes whose comment holds a well-formed mark and that the registry does not declare', async () => {
  await db.sql(`
    CREATE INDEX orphan_idx ON marks (b);
    COMMENT ON INDEX orphan_idx IS 'old ${other}';
    CREATE INDEX unmarked_idx ON marks (a, b);
    COMMENT ON INDEX unmarked_idx IS 'hand-made [index-builder nothex]';
    CREATE INDEX declared_idx ON marks (b, a);
    COMMENT ON INDEX declared_idx IS '${other}';`);
  const client = await db.connect();
  try {
    const orphans = await findOrphans(client, new Set(['public.declared_idx']));
    expect(orphans).toEqual([{ schema: 'public', name: 'orphan_idx', table: 'marks', partitioned: false }]);
  } finally {
    await client.end();
  }
});
