import { describe, expect, it } from '@jest/globals';
import { code, escapeText, renderSummary } from '../../../src/action/summary.ts';
import { indexResult, lockTimeout, missingTable, reportOf } from '../../action/fixtures.ts';

describe('renderSummary', () => {
  it('has a heading, the counters and one row per index with status, attempts, duration and the failure reason', () => {
    const report = reportOf([
      indexResult({
        name: 'idx_critical',
        table: 'nope',
        status: 'failed',
        critical: true,
        error: { ...missingTable, hint: 'Create the table first.' },
      }),
      indexResult({ name: 'idx_created', status: 'created', durationMs: 850 }),
      indexResult({ name: 'idx_skipped', status: 'skipped', durationMs: 2 }),
      indexResult({ name: 'idx_locked', table: 'billing.invoices', status: 'failed', attempts: 10, durationMs: 95_000, error: lockTimeout }),
    ]);
    const markdown = renderSummary({ report, reportPath: '/runner/temp/index-builder-report.json' });
    expect(markdown).toBe(
      [
        '## ❌ Index build: 1 created, 1 skipped, 2 failed',
        '',
        '| Total | Created | Rebuilt | Skipped | Failed | Deferred |',
        '| ---: | ---: | ---: | ---: | ---: | ---: |',
        '| 4 | 1 | 0 | 1 | 2 | 0 |',
        '',
        '| Index | Table | Status | Attempts | Duration | Reason |',
        '| --- | --- | --- | ---: | ---: | --- |',
        '| `idx_critical` **critical** | `nope` | ❌ failed | 1 | 1.2s | `42P01` relation "nope" does not exist<br>Hint: Create the table first. |',
        '| `idx_created` | `leads` | ✅ created | 1 | 850ms |  |',
        '| `idx_skipped` | `leads` | ⏭️ skipped | 0 | 2ms |  |',
        '| `idx_locked` | `billing.invoices` | ⚠️ failed | 10 | 1m35s | `55P03` canceling statement due to lock timeout<br>' +
          'Blocked by pid 4242 (idle in transaction, transaction open 5m12s): UPDATE leads SET name = $1 WHERE id = $2 |',
        '',
        '<sub>JSON report: `/runner/temp/index-builder-report.json` · took 4.3s</sub>',
        '',
      ].join('\n'),
    );
  });

  it('celebrates a clean run and shows in-progress and drifted counters only when there are some', () => {
    const clean = renderSummary({ report: reportOf([indexResult({ name: 'a', status: 'created' })]) });
    expect(clean).toMatch(/^## ✅ Index build: 1 created\n/);
    expect(clean).not.toContain('In progress');
    const waiting = renderSummary({
      report: reportOf([indexResult({ name: 'a', status: 'in-progress' }), indexResult({ name: 'b', status: 'deferred' })]),
    });
    expect(waiting).toMatch(/^## ⏸️ Index build: 1 in progress, 1 deferred\n/);
    expect(waiting).toContain('| Total | Created | Rebuilt | Skipped | Failed | Deferred | In progress |');
    expect(waiting).toContain('| ⏳ in-progress | 1 | 1.2s | another session is building it right now |');
    expect(waiting).toContain('| ⏸️ deferred | 1 | 1.2s | the time budget was spent before its turn |');
  });

  it("gives a deferred or skipped entry its own reason when it has one, not the time budget's", () => {
    const lost = 'not attempted: the connection to db:5432/app was lost (connection refused); the next run builds it';
    const markdown = renderSummary({
      report: reportOf([
        indexResult({ name: 'a', status: 'deferred', attempts: 0, reason: lost }),
        indexResult({ name: 'b', status: 'skipped', reason: 'exists and is valid, but it is not adopted: a <reason>' }),
      ]),
    });
    expect(markdown).toContain(`| ⏸️ deferred | 0 | 1.2s | ${lost} |`);
    expect(markdown).toContain('| ⏭️ skipped | 0 | 1.2s | exists and is valid, but it is not adopted: a &lt;reason&gt; |');
    expect(markdown).not.toContain('time budget');
  });

  it('says how long a build was held back by the health gate, and why', () => {
    const cause = 'replica "standby_1" (10.0.0.5) is 42.0s behind, 96 MB of WAL not replayed (bound 30.0s)';
    const markdown = renderSummary({
      report: reportOf([indexResult({ name: 'a', status: 'created', heldBack: { waitedMs: 65_000, cause } })]),
    });
    expect(markdown).toContain(`| ✅ created | 1 | 1.2s | held back 1m05s before starting: ${cause} |`);
  });

  it('says when annotations were left out, and why the step failed', () => {
    const report = reportOf([indexResult({ name: 'a', status: 'failed', critical: true, error: missingTable })]);
    const markdown = renderSummary({
      report,
      omitted: { error: 3, warning: 1, notice: 0 },
      stepFailure: 'fail-on is "critical" and 1 critical index(es) failed: a',
    });
    expect(markdown).toContain(
      'ℹ️ GitHub shows at most 10 annotations of each kind per step, so 3 errors, 1 warning were left out; the table above lists every index.',
    );
    expect(markdown).toContain('❌ **The step failed:** fail-on is "critical" and 1 critical index(es) failed: a');
    expect(renderSummary({ report, omitted: { error: 0, warning: 0, notice: 0 } })).not.toContain('left out');
  });

  it('shows the notice of a run that could not start', () => {
    const notice = 'could not start: could not connect to db:5432/app: connection refused (is PostgreSQL running there?)';
    const report = reportOf([indexResult({ name: 'a', status: 'failed', attempts: 0, error: { message: notice, blockers: [] } })], {
      outcome: 'unreachable',
      notice,
    });
    expect(renderSummary({ report })).toContain(`\n\n⚠️ ${notice}\n\n`);
  });

  it('says once why a refused pooler built nothing, not on every row', () => {
    const notice =
      'db:6432/app is reached through a connection pooler in transaction pooling mode: nothing was done. Use a direct or session-mode URL instead.';
    const failed = (name: string, critical: boolean) =>
      indexResult({ name, status: 'failed', critical, attempts: 0, error: { message: notice, blockers: [] } });
    const markdown = renderSummary({ report: reportOf([failed('a', true), failed('b', false)], { outcome: 'pooler', notice }) });
    expect(markdown.split(notice)).toHaveLength(2);
    expect(markdown).toContain(`\n\n⚠️ ${notice}\n\n`);
    expect(markdown).toMatch(/^## ❌ Index build: 2 failed$/m);
    expect(markdown.match(/not attempted: see above/g)).toHaveLength(2);
  });

  it('says once why a read-only target built nothing, not on every row', () => {
    const notice =
      'refused: db:5432/app is a hot standby (pg_is_in_recovery() is true), where no index can be built; nothing was attempted. Point --database-url (Action input database-url) at the primary.';
    const failed = indexResult({ name: 'a', status: 'failed', attempts: 0, error: { message: notice, blockers: [] } });
    const markdown = renderSummary({ report: reportOf([failed], { outcome: 'read-only', notice }) });
    expect(markdown.split(notice)).toHaveLength(2);
    expect(markdown).toContain('| ⚠️ failed | 0 | 1.2s | not attempted: see above |');
  });

  it('shows a dry run as a plan: what each index would be, and why', () => {
    const report = reportOf([indexResult({ name: 'idx_a', status: 'created' }), indexResult({ name: 'idx_b', status: 'skipped' })]);
    const markdown = renderSummary({ report, dryRun: true, reasons: { idx_a: 'missing: would create it', idx_b: 'exists and is valid' } });
    expect(markdown).toMatch(/^## ✅ Index build plan \(dry run, nothing was changed\): 1 to create, 1 up to date\n/);
    expect(markdown).toContain('| Index | Table | Would be | Reason |');
    expect(markdown).toContain('| `idx_a` | `leads` | ✅ created | missing: would create it |');
  });

  it('lists registry problems instead of a table', () => {
    const problems = [
      {
        code: 'not-create-index' as const,
        field: 'sql',
        location: { file: 'db/indexes.ts', line: 9 },
        message: 'idx_a: sql is DROP, not CREATE INDEX',
      },
    ];
    const markdown = renderSummary({ report: reportOf([], { notice: '1 problem(s)' }), problems });
    expect(markdown).toBe(
      '## ❌ Index build: the registry is invalid, nothing was built\n\n- `db/indexes.ts:9` `not-create-index`: idx_a: sql is DROP, not CREATE INDEX\n',
    );
  });

  it('keeps messages from breaking the table or injecting HTML', () => {
    expect(escapeText('a | b <script>\nc & d')).toBe('a \\| b &lt;script&gt;\\\\nc &amp; d');
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('we`ird')).toBe('`` we`ird ``');
  });

  it('shows drift, partitions and orphans', () => {
    const report = reportOf(
      [
        indexResult({
          name: 'idx_drift',
          status: 'drifted',
          drift: {
            database: 'CREATE INDEX idx_drift ON public.leads USING btree (a)',
            registry: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_drift\n  ON leads (a, b)',
          },
        }),
        indexResult({ name: 'idx_parts', status: 'created', partitions: { total: 4, built: 4 } }),
      ],
      { orphans: [{ name: 'public.idx_old', table: 'leads', dropped: false }] },
    );
    const markdown = renderSummary({ report });
    expect(markdown).toMatch(/^## ⚠️ Index build: 1 created, 1 drifted\n/);
    expect(markdown).toContain(
      '| 🔀 drifted | 1 | 1.2s | exists, but the registry now defines it differently; left as it is<br>' +
        'database: `CREATE INDEX idx_drift ON public.leads USING btree (a)`<br>registry: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_drift ON leads (a, b)` |',
    );
    expect(markdown).toContain('| ✅ created | 1 | 1.2s | 4/4 partitions |');
    expect(markdown).toContain(
      "**Built by index-builder, no longer in the registry** (left in place; the CLI's `--prune` drops them):\n- `public.idx_old` on `leads`",
    );

    const pruning = reportOf([], { orphans: [{ name: 'public.idx_old', table: 'leads', dropped: true }] });
    expect(renderSummary({ report: pruning })).toContain('- `public.idx_old` on `leads` (dropped)');
    expect(renderSummary({ report: pruning, dryRun: true })).toContain('- `public.idx_old` on `leads` (would be dropped)');
    expect(renderSummary({ report: pruning, restorePath: '/runner/temp/restore.sql' })).toContain(
      'undo its drops and swaps: `/runner/temp/restore.sql`',
    );
    const kept = reportOf([], {
      orphans: [
        { name: 'public.idx_kept', table: 'leads', dropped: false, kept: 'UNIQUE: --prune-include unique drops it' },
        { name: 'public.idx_x_ib_new', table: 'leads', dropped: true, leftover: true },
      ],
    });
    expect(renderSummary({ report: kept })).toContain('- `public.idx_kept` on `leads` (kept: UNIQUE: --prune-include unique drops it)');
    expect(renderSummary({ report: kept })).toContain('- `public.idx_x_ib_new` on `leads` (a swap’s leftover) (dropped)');
  });
});
