// Definition drift: the builder records a fingerprint on what it builds, reports a changed definition, and on
// request replaces the index without blocking writes. Pre-existing indexes are adopted only when they match.
import { build, type BuildOptions } from '../../src/builder/build.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { consoleEvents } from '../../src/render/console.ts';
import { indexState, useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const db = useTestDatabase({
  reset: `
    DROP TABLE IF EXISTS leads CASCADE;
    CREATE TABLE leads (id bigserial PRIMARY KEY, status text, email text);
    INSERT INTO leads (status, email) SELECT 'new', 'x' || g FROM generate_series(1, 500) g;`,
});

const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ url: db.url, events: silentEvents, ...extra });
const definition = async (name: string) => (await db.sql<{ d: string }>('SELECT pg_get_indexdef($1::regclass) AS d', [name])).rows[0]!.d;
const comment = async (name: string) =>
  (await db.sql<{ c: string | null }>("SELECT obj_description($1::regclass, 'pg_class') AS c", [name])).rows[0]!.c;

const v1 = index('idx_pending', "leads (status) WHERE status = 'pending'", { description: 'Pending leads' });
const v2 = index('idx_pending', "leads (status, id) WHERE status = 'pending'", { description: 'Pending leads' });

it('records the definition it built, ignores formatting changes, and reports a real change as drifted', async () => {
  expect((await build(entries(v1), options())).indexes[0]!.status).toBe('created');
  expect(await comment('idx_pending')).toMatch(/^Pending leads \[index-builder [0-9a-f]{16} built [0-9a-f]{12}(?: \d+B\/s)?\]$/);

  const reformatted = {
    ...v1,
    sql: `create index   concurrently if not exists idx_pending\n  on leads(status)   -- same thing\n  where status='pending'`,
  };
  expect((await build(entries(reformatted), options())).indexes[0]!.status).toBe('skipped');

  const report = await build(entries(v2), options());
  expect(report.indexes[0]).toMatchObject({
    status: 'drifted',
    drift: { database: "CREATE INDEX idx_pending ON public.leads USING btree (status) WHERE (status = 'pending'::text)", registry: v2.sql },
  });
  expect(report.totals.drifted).toBe(1);
  expect(await definition('idx_pending')).toContain('(status)');
});

it('with --on-drift rebuild, builds the new definition under a temporary name and swaps it in', async () => {
  await build(entries(v1), options());
  const log: string[] = [];
  const report = await build(entries(v2), options({ onDrift: 'rebuild', events: consoleEvents((line) => log.push(line)) }));
  expect(report.indexes[0]).toMatchObject({ status: 'rebuilt', drift: { registry: v2.sql } });
  // A valid index being swapped is not "an invalid index left by a failed build".
  expect(log.join('\n')).toContain("building the registry's new definition beside the old index, then swapping it in");
  expect(log.join('\n')).not.toContain('invalid index left by a failed build');
  expect(await definition('idx_pending')).toBe("CREATE INDEX idx_pending ON public.leads USING btree (status, id) WHERE (status = 'pending'::text)");
  expect(await indexState(db, 'idx_pending_ib_new')).toBeUndefined();
  expect((await build(entries(v2), options())).indexes[0]!.status).toBe('skipped');
});

it("adopts an index that predates the builder when PostgreSQL's definition matches the registry", async () => {
  await db.sql("CREATE INDEX idx_pending ON leads (status) WHERE status = 'pending'");
  const adopted: string[] = [];
  const report = await build(entries(v1), options({ events: { ...silentEvents, adopted: (e) => void adopted.push(e.name) } }));
  expect(report.indexes[0]!.status).toBe('skipped');
  expect(adopted).toEqual(['idx_pending']);
  expect(await comment('idx_pending')).toMatch(/\[index-builder [0-9a-f]{16} adopted [0-9a-f]{12}\]$/);
});

it('reports a pre-existing index with another definition as drifted, with both texts', async () => {
  await db.sql('CREATE INDEX idx_pending ON leads (email)');
  const report = await build(entries(v1), options());
  expect(report.indexes[0]).toMatchObject({
    status: 'drifted',
    drift: { database: 'CREATE INDEX idx_pending ON public.leads USING btree (email)', registry: v1.sql },
  });
  expect(await comment('idx_pending')).toBeNull();
});
