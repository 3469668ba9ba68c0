// The single database's job summary as text: the headline state first, failures and drift first with their next
// step, the up-to-date indexes folded away, and what the annotations left out.
import { describe, expect, it } from '@jest/globals';
import { code, escapeText, renderSummary } from '../../../src/render/summary.ts';
import { indexResult, lockTimeout, missingTable, reportOf } from '../../e2e/action/fixtures.ts';

describe('renderSummary', () => {
  it('names the database, puts the headline state and failures first, with SQLSTATE, DETAIL, hint, blockers and next step', () => {
    const report = reportOf([
      indexResult({ name: 'idx_created', status: 'created', durationMs: 850 }),
      indexResult({ name: 'idx_skipped', status: 'skipped', durationMs: 2 }),
      indexResult({ name: 'idx_locked', table: 'billing.invoices', status: 'failed', attempts: 10, durationMs: 95_000, error: lockTimeout }),
      indexResult({
        name: 'idx_critical',
        table: 'nope',
        status: 'failed',
        critical: true,
        error: { ...missingTable, hint: 'Create the table first.' },
      }),
    ]);
    const markdown = renderSummary({ report, database: 'db:5432/app', reportPath: '/runner/temp/index-builder-report.json' });
    expect(markdown).toBe(
      [
        '## ❌ Index build: 2 failed, 1 created, 1 up to date · `db:5432/app`',
        '',
        "**1 critical index(es) failed (2 failed in all): the deploy went on; 1 needs a fix before any run can build it; see each one's next step.**",
        '',
        '| Total | Failed | Created | Up to date |',
        '| ---: | ---: | ---: | ---: |',
        '| 4 | 2 | 1 | 1 |',
        '',
        '| Index | State | What happened · next step |',
        '| --- | --- | --- |',
        '| `idx_critical` **critical**<br>on `nope` | ❌ failed<br><sub>1.2s</sub> | \\[42P01\\] relation "nope" does not exist<br>Hint: Create the table first.<br>' +
          '**Next:** Needs a fix: the next run will fail the same way until the table exists (create it in a migration, or correct the registry entry). |',
        '| `idx_locked`<br>on `billing.invoices` | ⚠️ failed<br><sub>10 attempts · 1m35s</sub> | \\[55P03\\] canceling statement due to lock timeout (after 10 attempts)<br>' +
          'Blocked by pid 4242 (idle in transaction, transaction open 5m12s): UPDATE leads SET name = $1 WHERE id = $2<br>**Next:** Transient: the next run retries it. |',
        '| `idx_created`<br>on `leads` | ✅ created<br><sub>850ms</sub> |  |',
        '',
        '<details><summary>1 index(es) already up to date</summary>',
        '',
        '| Index | State | What happened · next step |',
        '| --- | --- | --- |',
        '| `idx_skipped`<br>on `leads` | ⏭️ up to date |  |',
        '',
        '</details>',
        '',
        '<sub>JSON report: `/runner/temp/index-builder-report.json` · took 4.3s</sub>',
        '',
      ].join('\n'),
    );
  });

  it('keeps PostgreSQL’s DETAIL of a duplicate key, and says the next run fails the same way until it is fixed', () => {
    const duplicate = {
      sqlstate: '23505',
      message: 'could not create unique index "idx_email"',
      detail: 'Key (email)=(a@b.c) is duplicated.',
      blockers: [],
    };
    const markdown = renderSummary({ report: reportOf([indexResult({ name: 'idx_email', status: 'failed', error: duplicate })]) });
    expect(markdown).toContain(
      'DETAIL: Key (email)=(a@b.c) is duplicated.<br>**Next:** Needs a fix: the next run will fail the same way until the duplicated values are removed',
    );
    expect(markdown).not.toContain('retries');
  });

  it('celebrates only a clean run, and shows in-progress and not-attempted counters only when there are some', () => {
    const clean = renderSummary({ report: reportOf([indexResult({ name: 'a', status: 'created' })]) });
    expect(clean).toMatch(/^## ✅ Index build: 1 created\n\n\*\*All indexes processed successfully!\*\*/);
    expect(clean).not.toContain('In progress');
    const waiting = renderSummary({
      report: reportOf([
        indexResult({ name: 'a', status: 'in-progress' }),
        indexResult({ name: 'b', status: 'deferred', reason: 'the time budget was spent before its turn' }),
      ]),
    });
    expect(waiting).toMatch(/^## ⏸️ Index build: 1 not attempted, 1 in progress\n/);
    expect(waiting).toContain('| Total | Not attempted | In progress |');
    expect(waiting).toContain(
      '| ⏳ in progress<br><sub>1.2s</sub> | **Next:** Another session is building it right now; the next run looks at it again. |',
    );
    expect(waiting).toContain(
      '| ⏸️ not attempted<br><sub>1.2s</sub> | the time budget was spent before its turn<br>**Next:** The next run builds it. |',
    );
  });

  it("gives a deferred or skipped entry its own reason, never the time budget's when there was none", () => {
    const lost = 'not attempted: the connection to db:5432/app was lost (connection refused); the next run builds it';
    const markdown = renderSummary({
      report: reportOf([
        indexResult({ name: 'a', status: 'deferred', attempts: 0, reason: lost }),
        indexResult({ name: 'b', status: 'skipped', reason: 'exists and is valid, but it is not adopted: a <reason>' }),
      ]),
    });
    expect(markdown).toContain(`| ⏸️ not attempted | ${lost}<br>**Next:** The next run builds it. |`);
    expect(markdown).toContain('| ⏭️ up to date | exists and is valid, but it is not adopted: a &lt;reason&gt; |');
    expect(markdown).not.toContain('time budget');
    const held = renderSummary({
      report: reportOf([indexResult({ name: 'a', status: 'deferred', attempts: 0 })], {
        outcome: 'another-builder',
        notice: 'another index build is running',
      }),
    });
    expect(held).not.toContain('time budget');
    expect(held).toContain('another index-builder run holds this database');
  });

  it('says how long a build was held back by the health gate, and why', () => {
    const cause = 'replica standby_1 (10.0.0.5) is 42.0s behind, 96 MB of WAL not replayed (bound 30.0s)';
    const markdown = renderSummary({
      report: reportOf([indexResult({ name: 'a', status: 'created', heldBack: { waitedMs: 65_000, cause } })]),
    });
    expect(markdown).toContain(`held back 1m05s before starting: ${cause}`);
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
    // The step failed: the summary does not claim that the deploy went on.
    expect(markdown).not.toContain('the deploy went on');
    expect(renderSummary({ report, omitted: { error: 0, warning: 0, notice: 0 } })).not.toContain('left out');
  });

  it('says once why a run that could not start built nothing, and counts its indexes as not attempted, not failed', () => {
    const notice = 'could not start: could not connect to db:5432/app: connection refused (is PostgreSQL running there?)';
    const report = reportOf([indexResult({ name: 'a', status: 'failed', attempts: 0, error: { message: notice, blockers: [] } })], {
      outcome: 'unreachable',
      notice,
    });
    const markdown = renderSummary({ report });
    expect(markdown.split(notice)).toHaveLength(2);
    expect(markdown).toMatch(/^## ⚠️ Index build: 1 not attempted\n/);
    expect(markdown).not.toMatch(/\d failed/);
    expect(markdown).toContain('<details><summary>1 index(es) not attempted</summary>');
  });

  it('says once why a refused pooler built nothing, and names the input to change', () => {
    const notice =
      'db:6432/app is reached through a connection pooler in transaction pooling mode: nothing was done. Use a direct or session-mode URL instead.';
    const failed = (name: string, critical: boolean) =>
      indexResult({ name, status: 'failed', critical, attempts: 0, error: { message: notice, blockers: [] } });
    const markdown = renderSummary({ report: reportOf([failed('a', true), failed('b', false)], { outcome: 'pooler', notice }) });
    expect(markdown.split(notice)).toHaveLength(2);
    expect(markdown).toMatch(/^## ❌ Index build: 2 not attempted$/m);
    expect(markdown).toContain('point the database-url input at the server or a session pooler');
  });

  it('shows a dry run as a plan: what each index would be, and why', () => {
    const report = reportOf([indexResult({ name: 'idx_a', status: 'created' }), indexResult({ name: 'idx_b', status: 'skipped' })]);
    const markdown = renderSummary({ report, dryRun: true, reasons: { idx_a: 'missing: would create it', idx_b: 'exists and is valid' } });
    expect(markdown).toMatch(/^## ✅ Index build plan \(dry run: nothing was changed\): 1 to create, 1 up to date\n/);
    expect(markdown).toContain('| Index | Would be | Why |');
    expect(markdown).toContain('| `idx_a`<br>on `leads` | ✅ would create | missing: would create it |');
    expect(markdown).not.toMatch(/✅ created|Created/);
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

  it('shows drift with the input that would replace it, partitions, and orphans with the prune input', () => {
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
    expect(markdown).toMatch(/^## 🔀 Index build: 1 drifted, 1 created\n/);
    expect(markdown).toContain(
      '| 🔀 drifted<br><sub>1.2s</sub> | Database: `CREATE INDEX idx_drift ON public.leads USING btree (a)`<br>Registry: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_drift ON leads (a, b)`<br>' +
        '**Next:** Left as it is: to replace it without blocking writes, set the on-drift input to rebuild. |',
    );
    expect(markdown).toContain('| ✅ created<br><sub>1.2s</sub> | 4/4 partitions |');
    expect(markdown).toContain(
      "**Carrying index-builder's mark (built or adopted by it), no longer in the registry** · Left in place: set the prune input to true to drop them",
    );
    expect(markdown).not.toContain('--prune');
    expect(markdown).not.toContain('made by index-builder');

    const pruning = reportOf([], { orphans: [{ name: 'public.idx_old', table: 'leads', dropped: true }] });
    expect(renderSummary({ report: pruning })).toContain('- `public.idx_old` on `leads` (dropped)');
    expect(renderSummary({ report: pruning })).not.toContain('All indexes processed successfully');
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
