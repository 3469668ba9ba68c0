import { describe, expect, it } from '@jest/globals';
import { capAnnotations, problemAnnotations, reportAnnotations, type Annotation } from '../../../src/render/annotations.ts';
import { ANOTHER_BUILDER_RUNNING } from '../../../src/builder/build.ts';
import { indexResult, lockTimeout, missingTable, reportOf } from '../../e2e/action/fixtures.ts';

describe('reportAnnotations', () => {
  it('makes a failed critical index an error, a failed other one a warning, rebuilt and drifted ones notices', () => {
    const critical = indexResult({ name: 'idx_critical', status: 'failed', critical: true, error: missingTable });
    const other = indexResult({ name: 'idx_other', status: 'failed', error: lockTimeout, attempts: 10 });
    const rebuilt = indexResult({ name: 'idx_rebuilt', status: 'rebuilt' });
    const drifted = indexResult({ name: 'idx_drifted', status: 'drifted' });
    const quiet = [indexResult({ name: 'idx_created', status: 'created' }), indexResult({ name: 'idx_skipped', status: 'skipped' })];
    const annotations = reportAnnotations(reportOf([critical, ...quiet, other, rebuilt, drifted]));

    expect(annotations.map((a) => [a.level, a.title])).toEqual([
      ['error', 'Critical index idx_critical failed'],
      ['warning', 'Index idx_other failed'],
      ['notice', 'Index idx_drifted drifted'],
      ['notice', 'Index idx_rebuilt rebuilt'],
    ]);
    expect(annotations[0]).toMatchObject({ file: 'db/indexes.ts', startLine: critical.registry.line });
    expect(annotations[0]!.message).toBe(
      '[42P01] relation "nope" does not exist. Needs a fix: the next run will fail the same way until the table exists (create it in a migration, or correct the registry entry).',
    );
    expect(annotations[1]!.message).toBe(
      '[55P03] canceling statement due to lock timeout (after 10 attempts). Blocked by pid 4242 (idle in transaction, ' +
        'transaction open 5m12s): UPDATE leads SET name = $1 WHERE id = $2. Transient: the next run retries it.',
    );
  });

  it('puts failures that need someone to act before lock conflicts that the next run may clear', () => {
    const report = reportOf([
      indexResult({ name: 'a_lock', status: 'failed', critical: true, error: lockTimeout }),
      indexResult({ name: 'b_missing', status: 'failed', critical: true, error: missingTable }),
      indexResult({ name: 'c_lock', status: 'failed', error: lockTimeout }),
      indexResult({ name: 'd_missing', status: 'failed', error: missingTable }),
    ]);
    expect(reportAnnotations(report).map((a) => a.title)).toEqual([
      'Critical index b_missing failed',
      'Critical index a_lock failed',
      'Index d_missing failed',
      'Index c_lock failed',
    ]);
  });

  it("does not promise a retry for a read-only target: it stays read-only until the notice's fix is made", () => {
    const notice = 'refused: default_transaction_read_only is on for role app (ALTER ROLE ... SET), so every transaction on db:5432/app is read-only';
    const failed = indexResult({ name: 'a', status: 'failed', attempts: 0, error: { message: notice, blockers: [] } });
    expect(reportAnnotations(reportOf([failed], { outcome: 'read-only', notice }))).toEqual([
      {
        level: 'warning',
        title: 'No index was built',
        message: `${notice}. Not attempted: the database takes no writes; point the database-url input at the primary, or every run is refused the same way.`,
      },
    ]);
  });

  it('raises a notice for an index that could not be adopted', () => {
    const reason = 'exists and is valid, and PostgreSQL defines it as the registry does, but it is not adopted: its mark could not be written (x)';
    const report = reportOf([indexResult({ name: 'idx', status: 'skipped', reason }), indexResult({ name: 'idx_ok', status: 'skipped' })]);
    expect(reportAnnotations(report).map((a) => [a.level, a.title, a.message])).toEqual([
      ['notice', 'Index idx was not adopted', `idx on leads: ${reason}.`],
    ]);
    expect(reportAnnotations(report, { dryRun: true })[0]!.title).toBe('Index idx would not be adopted');
  });

  it('turns the registry path into a repository path', () => {
    const report = reportOf([indexResult({ name: 'idx', status: 'rebuilt' })]);
    expect(reportAnnotations(report, { repoPath: (file) => `app/${file}` })[0]!.file).toBe('app/db/indexes.ts');
  });

  it('raises one annotation, not one per index, when the run could not start', () => {
    const message = 'could not start: could not connect to db:5432/app: connection refused (is PostgreSQL running there?)';
    const failed = (name: string, critical: boolean) =>
      indexResult({ name, status: 'failed', critical, attempts: 0, error: { message, blockers: [] } });
    expect(reportAnnotations(reportOf([failed('a', true), failed('b', false)], { outcome: 'unreachable', notice: message }))).toEqual([
      {
        level: 'error',
        title: 'No index was built',
        message: `${message}. Not attempted: the database could not be reached; the next run tries again.`,
      },
    ]);
    expect(reportAnnotations(reportOf([failed('b', false)], { outcome: 'unreachable', notice: message }))).toEqual([
      {
        level: 'warning',
        title: 'No index was built',
        message: `${message}. Not attempted: the database could not be reached; the next run tries again.`,
      },
    ]);
    const deferred = reportOf([indexResult({ name: 'a', status: 'deferred' })], { outcome: 'another-builder', notice: ANOTHER_BUILDER_RUNNING });
    expect(reportAnnotations(deferred)).toEqual([
      {
        level: 'notice',
        title: 'No index was built',
        message: `${ANOTHER_BUILDER_RUNNING}. Not attempted: another index-builder run holds this database; it, or the next run, builds what is missing.`,
      },
    ]);
  });

  it('keys on the outcome, not on notice text: a refused pooler is one annotation, a completed run with a note is not', () => {
    const message = '127.0.0.1:6432/app is reached through a connection pooler in transaction pooling mode: nothing was done.';
    const failed = (name: string, critical: boolean) =>
      indexResult({ name, status: 'failed', critical, attempts: 0, error: { message, blockers: [] } });
    expect(reportAnnotations(reportOf([failed('a', true), failed('b', false)], { outcome: 'pooler', notice: message }))).toEqual([
      {
        level: 'error',
        title: 'No index was built',
        message: `${message} Not attempted: a transaction pooler refused the run; point the database-url input at the server or a session pooler, or every run is refused the same way.`,
      },
    ]);
    const completed = reportOf([indexResult({ name: 'a', status: 'created' })], { notice: 'a note' });
    expect(reportAnnotations(completed)).toEqual([]);
  });

  it('says what drifted, what is no longer in the registry, and that a run was cancelled', () => {
    const report = reportOf(
      [
        indexResult({
          name: 'idx_drift',
          status: 'drifted',
          drift: {
            database: 'CREATE INDEX idx_drift ON public.leads USING btree (a)',
            registry: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_drift ON leads (a, b);',
          },
        }),
        indexResult({ name: 'idx_cancelled', status: 'failed', error: { sqlstate: '57014', message: 'cancelled by SIGINT', blockers: [] } }),
        indexResult({ name: 'idx_later', status: 'deferred' }),
      ],
      {
        outcome: 'cancelled',
        cancelled: true,
        notice: 'cancelled by SIGINT: the running build was stopped',
        orphans: [{ name: 'public.idx_old', table: 'leads', dropped: false }],
      },
    );
    expect(reportAnnotations(report).map((a) => [a.level, a.title, a.message])).toEqual([
      [
        'warning',
        'Index build cancelled',
        'cancelled by SIGINT: the running build was stopped. The run was cancelled: 1 index(es) not attempted; the next run builds what is missing.',
      ],
      ['warning', 'Index idx_cancelled failed', '[57014] cancelled by SIGINT. Transient: the next run retries it.'],
      [
        'notice',
        'Index idx_drift drifted',
        'idx_drift exists on leads, but the registry now defines it differently. ' +
          'Database: CREATE INDEX idx_drift ON public.leads USING btree (a). Registry: CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_drift ON leads (a, b). ' +
          'Left as it is: to replace it without blocking writes, set the on-drift input to rebuild.',
      ],
      [
        'notice',
        'Indexes no longer in the registry',
        "1 index(es) carrying index-builder's mark are no longer in the registry: public.idx_old. " +
          'Left in place: set the prune input to true to drop them (restore.sql keeps the statements that recreate them).',
      ],
    ]);
  });

  it('speaks of what would happen in a dry run', () => {
    const report = reportOf([
      indexResult({
        name: 'idx_a',
        status: 'failed',
        critical: true,
        error: { message: 'missing, and table nope does not exist: would fail', blockers: [] },
      }),
      indexResult({ name: 'idx_b', status: 'rebuilt' }),
    ]);
    expect(reportAnnotations(report, { dryRun: true }).map((a) => a.title)).toEqual([
      'Critical index idx_a would fail',
      'Index idx_b would be rebuilt',
    ]);
  });
});

describe('capAnnotations', () => {
  const many = (level: Annotation['level'], count: number) =>
    Array.from({ length: count }, (_, i): Annotation => ({ level, title: `${level} ${i}`, message: 'm' }));

  it('keeps the first 10 of each kind, in order, and counts the rest', () => {
    const { shown, omitted } = capAnnotations([...many('error', 12), ...many('warning', 3), ...many('notice', 11)]);
    expect(shown.filter((a) => a.level === 'error').map((a) => a.title)).toEqual(many('error', 10).map((a) => a.title));
    expect(shown.filter((a) => a.level === 'warning')).toHaveLength(3);
    expect(shown.filter((a) => a.level === 'notice')).toHaveLength(10);
    expect(omitted).toEqual({ error: 2, warning: 0, notice: 1 });
  });

  it('leaves room for the step failure message when asked', () => {
    expect(capAnnotations(many('error', 10), 1).omitted.error).toBe(1);
  });
});

describe('problemAnnotations', () => {
  it('points each registry problem at its line', () => {
    const problems = [
      {
        code: 'missing-concurrently' as const,
        field: 'sql',
        location: { file: 'db/indexes.ts', line: 7 },
        message: 'idx_a: sql lacks CONCURRENTLY',
        fix: 'write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (...)',
      },
    ];
    expect(problemAnnotations(problems)).toEqual([
      {
        level: 'error',
        title: 'Invalid index registry: missing-concurrently',
        message: 'idx_a: sql lacks CONCURRENTLY; write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (...)',
        file: 'db/indexes.ts',
        startLine: 7,
      },
    ]);
  });
});
