// The outcome model: per index and per run, the state and the one sentence of what happens next, by failure class.
import { describe, expect, it } from '@jest/globals';
import { indexOutcome } from '../../../src/outcome/index-outcome.ts';
import { databaseState, runView, stepFailureOf } from '../../../src/outcome/run-outcome.ts';
import { consoleEvents, summaryLines } from '../../../src/render/console.ts';
import { indexResult, lockTimeout, reportOf } from '../../e2e/action/fixtures.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';

const failed = (sqlstate: string, message: string, extra = {}) =>
  indexResult({ name: 'i', status: 'failed', error: { sqlstate, message, blockers: [], ...extra } });

describe('failure classes', () => {
  it('a lock, a deadlock or a cancel is transient: the next run retries it', () => {
    for (const sqlstate of ['55P03', '40P01', '57014']) {
      expect(indexOutcome(failed(sqlstate, 'x'))).toMatchObject({ failureClass: 'transient', nextStep: 'Transient: the next run retries it.' });
    }
  });

  it('a missing column, a duplicate key or a permission needs a human: the next run fails the same way until it is fixed', () => {
    expect(indexOutcome(failed('42703', 'column "a" does not exist')).nextStep).toBe(
      'Needs a fix: the next run will fail the same way until the column exists (add it in a migration, or correct the registry entry).',
    );
    const duplicate = indexOutcome(failed('23505', 'could not create unique index', { detail: 'Key (email)=(a) is duplicated.' }));
    expect(duplicate.failureClass).toBe('needs-human');
    expect(duplicate.facts).toEqual(['[23505] could not create unique index', 'DETAIL: Key (email)=(a) is duplicated.']);
    expect(indexOutcome(failed('42501', 'must be owner of table t')).nextStep).toMatch(/until the builder's role owns the table/);
  });

  it('an index of a run that never started is not attempted, with the real reason and no retry promise it cannot keep', () => {
    const index = indexResult({ name: 'i', status: 'failed', attempts: 0, error: { message: 'refused', blockers: [] } });
    expect(indexOutcome(index, { runOutcome: 'unreachable' })).toMatchObject({ label: 'not attempted', failureClass: 'not-attempted' });
    expect(indexOutcome(index, { runOutcome: 'pooler', surface: 'cli' }).nextStep).toMatch(/point --database-url at the server or a session pooler/);
    expect(indexOutcome(index, { runOutcome: 'read-only', surface: 'action' }).nextStep).toMatch(/point the database-url input at the primary/);
  });

  it('a deferred entry says its own reason; without one, the run says why (never a time budget there was not)', () => {
    const held = indexResult({ name: 'i', status: 'deferred', attempts: 0 });
    expect(indexOutcome(held, { runOutcome: 'another-builder' }).nextStep).toMatch(/another index-builder run holds this database/);
    expect(indexOutcome(held, { runOutcome: 'cancelled' }).nextStep).toMatch(/the run was cancelled/);
    expect(JSON.stringify(indexOutcome(held, { runOutcome: 'another-builder' }))).not.toContain('budget');
  });
});

describe('drift advice', () => {
  const drift = { database: 'CREATE INDEX i ON t (a)', registry: 'CREATE INDEX i ON t (b)' };
  it('suggests on-drift rebuild only when it would swap the index', () => {
    expect(indexOutcome(indexResult({ name: 'i', status: 'drifted', drift }), { surface: 'cli' }).nextStep).toBe(
      'Left as it is: to replace it without blocking writes, run with --on-drift rebuild.',
    );
    const partitioned = indexResult({
      name: 'i',
      status: 'drifted',
      drift: { ...drift, kept: 'an index on a partitioned table is not swapped: drop it' },
    });
    const advice = indexOutcome(partitioned, { surface: 'cli' }).nextStep!;
    expect(advice).toBe('Left as it is, even with on-drift rebuild: an index on a partitioned table is not swapped: drop it.');
    expect(advice).not.toContain('--on-drift rebuild');
  });
});

describe('the run', () => {
  it('celebrates only a clean run: not beside drift, nor after a prune', () => {
    expect(runView(reportOf([indexResult({ name: 'a', status: 'created' })])).sentence).toBe('All indexes processed successfully!');
    const drifted = reportOf([indexResult({ name: 'a', status: 'drifted' })]);
    expect(summaryLines(drifted).join('\n')).not.toContain('🎉');
    const pruned = reportOf([indexResult({ name: 'a', status: 'skipped' })], { orphans: [{ name: 'o', table: 't', dropped: true }] });
    expect(summaryLines(pruned).join('\n')).not.toContain('🎉');
    expect(runView(pruned).sentence).toMatch(/1 index\(es\) no longer in the registry were dropped/);
  });

  it('does not say the deploy went on when fail-on failed the step', () => {
    const report = reportOf([indexResult({ name: 'a', status: 'failed', critical: true, error: lockTimeout })]);
    expect(runView(report).sentence).toContain('the deploy went on');
    expect(runView(report, { stepFailed: true }).sentence).not.toContain('the deploy went on');
    const lines: string[] = [];
    consoleEvents((line) => lines.push(line), undefined, { failOn: 'critical' }).runFinished(report);
    expect(lines.at(-1)).toMatch(/the step failed \(fail-on\)/);
  });

  it('fail-on names a critical index that was not attempted as such', () => {
    const index = indexResult({ name: 'a', status: 'failed', critical: true, attempts: 0, error: { message: 'x', blockers: [] } });
    const report = reportOf([index], { outcome: 'unreachable', notice: 'could not connect' });
    expect(stepFailureOf(runView(report), 'critical', false)).toBe('fail-on is "critical" and 1 critical index(es) could not be attempted: a');
  });

  it('a dry run says what would happen', () => {
    const view = runView(
      reportOf([indexResult({ name: 'a', status: 'created' }), indexResult({ name: 'b', status: 'failed', error: lockTimeout })]),
      { dryRun: true },
    );
    expect(view.counts.map((c) => c.label)).toEqual(['would fail', 'to create']);
    expect(view.indexes.map((i) => i.outcome.label)).toEqual(['would create', 'would fail']);
  });

  it('a database with a failed critical index is never "completed"', () => {
    expect(databaseState(reportOf([indexResult({ name: 'a', status: 'failed', critical: true, error: lockTimeout })]))).toEqual({
      emoji: '❌',
      label: 'critical failed',
    });
    expect(databaseState(reportOf([indexResult({ name: 'a', status: 'created' })]))).toEqual({ emoji: '✅', label: 'completed' });
  });
});

describe('the console', () => {
  it('a drift rebuild says it swaps the new definition in, not that it drops an invalid leftover', () => {
    const lines: string[] = [];
    consoleEvents((line) => lines.push(line)).building({ name: 'i' } as RegistryEntry, 'replace');
    expect(lines[0]).toContain("building the registry's new definition beside the old index, then swapping it in");
    expect(lines[0]).not.toContain('invalid index');
  });
});
