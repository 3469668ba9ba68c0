// Orphans: indexes the builder made that the registry dropped. Reported always, dropped only with --prune, and
// nothing without the builder's mark is ever touched.
import { expect } from '@jest/globals';
import { build, type BuildOptions } from '../../src/builder/build.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { indexState, useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const db = useTestDatabase({
  setup: `CREATE TABLE leads (id bigserial PRIMARY KEY, status text, email text);
          CREATE INDEX idx_handmade ON leads (email);`,
});

const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ url: db.url, events: silentEvents, ...extra });

it('reports indexes it created that left the registry, and drops them only with prune', async () => {
  const both = entries(index('idx_status', 'leads (status)'), index('idx_id_status', 'leads (id, status)'));
  expect((await build(both, options())).orphans).toEqual([]);

  const one = entries(index('idx_status', 'leads (status)'));
  const reported = await build(one, options());
  expect(reported.orphans).toEqual([{ name: 'public.idx_id_status', table: 'leads', dropped: false }]);
  expect(await indexState(db, 'idx_id_status')).toEqual({ valid: true });

  const pruned = await build(one, options({ prune: true }));
  expect(pruned.orphans).toEqual([{ name: 'public.idx_id_status', table: 'leads', dropped: true, restore: expect.any(String) }]);
  expect(await indexState(db, 'idx_id_status')).toBeUndefined();
  expect(await indexState(db, 'idx_handmade')).toEqual({ valid: true });
  expect(await indexState(db, 'idx_status')).toEqual({ valid: true });
});
