// Reports as the builder produces them, for the rendering tests.
import { countTotals, type IndexResult, type Report } from '../../../src/builder/result.ts';

let line = 4;

export function indexResult(overrides: Partial<IndexResult> & Pick<IndexResult, 'name' | 'status'>): IndexResult {
  line += 7;
  return {
    table: 'leads',
    critical: false,
    attempts: overrides.status === 'skipped' ? 0 : 1,
    durationMs: 1200,
    registry: { file: 'db/indexes.ts', line },
    ...overrides,
  };
}

export function reportOf(indexes: IndexResult[], extra: Partial<Report> = {}): Report {
  return { outcome: 'completed', indexes, totals: countTotals(indexes), durationMs: 4321, ...extra };
}

export const lockTimeout = {
  sqlstate: '55P03',
  message: 'canceling statement due to lock timeout',
  blockers: [{ pid: 4242, state: 'idle in transaction', transactionAgeSeconds: 312, query: 'UPDATE leads SET name = $1 WHERE id = $2' }],
};

export const missingTable = { sqlstate: '42P01', message: 'relation "nope" does not exist', blockers: [] };
