// The registry's per-entry build settings: maintenanceWorkMem, maxParallelMaintenanceWorkers, ignoreWindow.
import { describe, expect, it } from '@jest/globals';
import { problemText } from '@index-builder/sql-core/registry';
import { validateEntry } from '@index-builder/sql-core/registry';

const sql = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (b)';
const validate = (extra: Record<string, unknown>) => validateEntry({ name: 'idx_a', sql, ...extra }, 0, { file: 'db/indexes.ts', line: 1 });

describe('build settings in the registry', () => {
  it('are read onto the entry', () => {
    expect(validate({ maintenanceWorkMem: '2GB', maxParallelMaintenanceWorkers: 4, ignoreWindow: true })).toMatchObject({
      maintenanceWorkMem: '2GB',
      maxParallelMaintenanceWorkers: 4,
      ignoreWindow: true,
    });
    expect(validate({})).not.toHaveProperty('ignoreWindow');
  });

  it('of the wrong kind are problems naming the key and what to write', () => {
    const problems = validate({ maintenanceWorkMem: '2 gb', maxParallelMaintenanceWorkers: -1, ignoreWindow: 'yes' });
    expect(Array.isArray(problems)).toBe(true);
    expect((problems as { code: string; field: string }[]).map((p) => [p.code, p.field])).toEqual([
      ['invalid-build-setting', 'maintenanceWorkMem'],
      ['invalid-build-setting', 'maxParallelMaintenanceWorkers'],
      ['invalid-build-setting', 'ignoreWindow'],
    ]);
    expect((problems as Parameters<typeof problemText>[0][]).map(problemText)).toEqual([
      `idx_a: "maintenanceWorkMem": "2 gb" is not a memory size (e.g. '1GB', '256MB'); write maintenanceWorkMem: '1GB'`,
      'idx_a: "maxParallelMaintenanceWorkers": -1 is not a whole number from 0 to 1024; write maxParallelMaintenanceWorkers: 2',
      'idx_a: "ignoreWindow" must be true or false, found "yes"; write ignoreWindow: true',
    ]);
  });
});
