// Estimates from recorded build speeds, against a real server: the first build on a database has none and records
// its speed in its mark; from then on plan shows an estimate, progress lines an ETA, and a time budget too short for
// the estimate does not start the build, saying so.
import { describe, expect, it } from '@jest/globals';
import { build } from '../../src/builder/build.ts';
import { silentEvents, type BuildEvents } from '../../src/builder/events.ts';
import { readMark } from '../../src/builder/marker.ts';
import { plan } from '../../src/builder/plan.ts';
import { consoleEvents } from '../../src/render/console.ts';
import { useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

// Each row costs 50 ms to index: a build over 60 rows lasts long enough to show progress.
const db = useTestDatabase({
  setup: `
    CREATE FUNCTION slow(v bigint) RETURNS bigint IMMUTABLE LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.05); RETURN v; END $$;
    CREATE TABLE leads (id bigint, status text);
    INSERT INTO leads SELECT g, 'new' FROM generate_series(1, 60) g;`,
});

const first = index('idx_first', 'leads (slow(id))');
const second = index('idx_second', 'leads (slow(id * 2))');

describe('ETA', () => {
  it('has no estimate for the first build, and records its speed in the mark', async () => {
    const progress: (number | undefined)[] = [];
    const events: BuildEvents = { ...silentEvents, progress: (_entry, p) => void progress.push(p.estimatedMs) };
    const report = await build(entries(first), { url: db.url, events, progressIntervalMs: 100 });
    expect(report.indexes[0]).toMatchObject({ status: 'created' });
    expect(report.indexes[0]!.estimatedMs).toBeUndefined();
    expect(progress.every((remaining) => remaining === undefined)).toBe(true);
    const { rows } = await db.sql<{ comment: string }>("SELECT obj_description('idx_first'::regclass, 'pg_class') AS comment");
    const tableBytes = Number((await db.sql<{ bytes: string }>("SELECT pg_table_size('leads') AS bytes")).rows[0]!.bytes);
    const mark = readMark(rows[0]!.comment);
    expect(mark?.origin).toBe('built');
    expect(mark!.bytesPerSecond).toBeGreaterThan(0);
    // The table's size over the build's time: at 50 ms a row and two passes, at most the size per 3 s.
    expect(mark!.bytesPerSecond!).toBeLessThan(tableBytes / 3);
  }, 30_000);

  it('plan estimates the next build from it', async () => {
    const planned = await plan(entries(first, second), db.url);
    expect(planned.report.indexes.map((i) => [i.name, i.status, i.estimatedMs !== undefined])).toEqual([
      ['idx_first', 'skipped', false],
      ['idx_second', 'created', true],
    ]);
    expect(planned.lines[2]).toMatch(/^ {2}created {2}idx_second on leads: missing: would create it \(estimated \d+ s\)$/);
  });

  it('does not start a build expected to outlast the time budget, and says so', async () => {
    const report = await build(entries(second), { url: db.url, events: silentEvents, timeBudgetMs: 3000 });
    expect(report.indexes[0]).toMatchObject({ status: 'deferred' });
    expect(report.indexes[0]!.reason).toMatch(/^estimated \d+ s, [1-3] s of budget left: not started, the next run builds it$/);
  });

  it('shows an ETA in the progress line of the second build', async () => {
    const lines: string[] = [];
    const report = await build(entries(second), {
      url: db.url,
      events: consoleEvents((line) => lines.push(line)),
      progressIntervalMs: 100,
      lockTimeoutMs: 400,
    });
    expect(report.indexes[0]).toMatchObject({ status: 'created', estimatedMs: expect.any(Number) });
    expect(lines.some((line) => /^ {4}⏳ .*\([\d.]+m?s, (ETA \d+ s|longer than the estimated \d+ s)\)/.test(line))).toBe(true);
  }, 30_000);
});
