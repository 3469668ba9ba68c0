// Turning pg_get_indexdef's text into registry entries, without a database.
import { markComment } from '../../src/builder/marker.ts';
import { definitionFingerprint } from '@index-builder/sql-core';
import { descriptionOf, entryFor, registrySql } from '../../src/import/entries.ts';
import { jsString, renderRegistry } from '../../src/import/render.ts';
import { runInNewContext } from 'node:vm';

describe('registrySql', () => {
  it.each([
    ['CREATE INDEX idx_a ON public.t USING btree (a)', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON public.t USING btree (a)'],
    [
      "CREATE UNIQUE INDEX idx_u ON s.t USING btree (lower(e)) WHERE (x = 'ON ONLY'::text)",
      "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_u ON s.t USING btree (lower(e)) WHERE (x = 'ON ONLY'::text)",
    ],
    [
      'CREATE INDEX idx_p ON ONLY public.events USING btree (kind)',
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_p ON public.events USING btree (kind)',
    ],
    ['CREATE INDEX "on" ON public."only" USING btree (a)', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "on" ON public."only" USING btree (a)'],
  ])('%s', (definition, sql) => {
    expect(registrySql(definition)).toBe(sql);
  });
});

describe('adoption of an imported entry', () => {
  it.each([
    "CREATE INDEX i ON public.t USING btree (c) WHERE ((s)::text = ANY ((ARRAY['new'::character varying, 'paid'::character varying])::text[]))",
    "CREATE INDEX i ON public.t USING btree (c) WHERE ((s)::text <> ALL ((ARRAY['a'::character varying])::text[]))",
  ])("gives the rewritten statement the fingerprint of the catalog's own: %s", (definition) => {
    expect(definitionFingerprint(registrySql(definition))).toBe(definitionFingerprint(definition));
  });
});

describe('descriptionOf', () => {
  it("keeps a comment, drops index-builder's mark, and gives nothing for an empty one", () => {
    expect(descriptionOf('Orders by customer')).toBe('Orders by customer');
    expect(descriptionOf(markComment({ description: 'Orders by customer', fingerprint: '0123456789abcdef' }))).toBe('Orders by customer');
    expect(descriptionOf(markComment({ description: undefined, fingerprint: '0123456789abcdef' }))).toBeUndefined();
    const recorded = { origin: 'adopted', definitionHash: '0123456789ab' } as const;
    expect(descriptionOf(markComment({ description: 'Orders by customer', fingerprint: '0123456789abcdef' }, recorded))).toBe('Orders by customer');
    expect(descriptionOf(null)).toBeUndefined();
  });
});

describe('entryFor', () => {
  const index = {
    schema: 'billing',
    name: 'idx_a',
    table: 't',
    definition: 'CREATE INDEX idx_a ON billing.t USING btree (a)',
    comment: null,
    valid: true,
  };
  it('qualifies the name outside the current schema, and leaves out a missing description', () => {
    expect(entryFor({ ...index, inCurrentSchema: false })).toEqual({
      name: 'billing.idx_a',
      sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON billing.t USING btree (a)',
      critical: false,
    });
    expect(entryFor({ ...index, inCurrentSchema: true, comment: 'why' })).toMatchObject({ name: 'idx_a', description: 'why' });
  });
});

describe('renderRegistry', () => {
  it('writes JavaScript strings that survive quotes, backslashes and newlines', () => {
    const value = "it's \\ a\nb";
    expect(runInNewContext(jsString(value)) as unknown).toBe(value);
  });

  it('writes an empty registry in each format', () => {
    expect(renderRegistry([], 'json', 'h')).toBe('[]\n');
    expect(renderRegistry([], 'yaml', 'h')).toBe('# h\n[]\n');
    expect(renderRegistry([], 'ts', 'h')).toContain('export default defineIndexes([\n]);\n');
  });
});
