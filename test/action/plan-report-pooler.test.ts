import { describe, expect, it } from '@jest/globals';
import { planToReport } from '../../src/action/plan-report.ts';
import { reportAnnotations } from '../../src/action/annotations.ts';
import { entries, index } from '../support/registry.ts';

describe('planToReport', () => {
  const registry = entries(index('idx_a', 'leads (a)', { critical: true }), index('idx_b', 'leads (b)'));

  it('turns a plan that build would refuse (a transaction pooler) into the pooler outcome, one annotation', () => {
    const error = 'db:6432/app is reached through a connection pooler in transaction pooling mode: nothing was done.';
    const { report } = planToReport({ indexes: [], lines: [], error, outcome: 'pooler' }, registry, 5);
    expect(report.outcome).toBe('pooler');
    expect(report.notice).toBe(`build would refuse: ${error}`);
    expect(report.indexes.map((i) => [i.name, i.status, i.error?.message])).toEqual([
      ['idx_a', 'failed', report.notice],
      ['idx_b', 'failed', report.notice],
    ]);
    expect(reportAnnotations(report, { dryRun: true })).toEqual([{ level: 'error', title: 'No index was built', message: report.notice }]);
  });

  it('keeps an unreachable database unreachable', () => {
    const { report } = planToReport({ indexes: [], lines: [], error: 'connection refused', outcome: 'unreachable' }, registry, 5);
    expect(report).toMatchObject({ outcome: 'unreachable', notice: 'could not start: connection refused' });
  });
});
