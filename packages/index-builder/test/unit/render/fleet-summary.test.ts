// The fleet's job summary as text: one row per database, and within GitHub's 1 MiB however large the fleet.
import { describe, expect, it } from '@jest/globals';
import { fleetAnnotations } from '../../../src/action/fleet.ts';
import { renderFleetSummary, SUMMARY_LIMIT_BYTES } from '../../../src/render/fleet-summary.ts';
import { capAnnotations } from '../../../src/render/annotations.ts';
import { notRunReport } from '../../../src/fleet/not-run.ts';
import { fleetTotals } from '../../../src/fleet/report.ts';
import type { FleetReport, FleetTargetResult } from '../../../src/fleet/types.ts';
import { entries, index } from '../../support/registry.ts';

const registry = entries(index('idx_a', 'leads (a)', { critical: true }), index('idx_b', 'leads (b)'));

function fleetOf(count: number): FleetReport {
  const targets: FleetTargetResult[] = Array.from({ length: count }, (_, i) => {
    const report = notRunReport(registry, i % 3 === 0 ? 'unreachable' : 'deferred', `reason for database ${i}`);
    return { name: `tenant-${i}`, outcome: report.outcome, report };
  });
  return { targets, totals: fleetTotals(targets), durationMs: 1234 };
}

describe('renderFleetSummary', () => {
  it('has one row per database of a small fleet', () => {
    const markdown = renderFleetSummary({ fleet: fleetOf(4) });
    // An unreachable database's indexes were not attempted: they are not counted as failed.
    expect(markdown).toMatch(/^## ❌ Index build across 4 database\(s\): 8 not attempted \(2 database\(s\) with failures\)\n/);
    expect(markdown.match(/^\| `tenant-\d+` \|/gm)).toHaveLength(4);
    expect(markdown).toContain('| `tenant-0` | ❌ unreachable<br><sub>0ms</sub> | 2 not attempted |');
    expect(markdown).toContain('- `tenant-0`: reason for database 0');
    // Three narrow columns, so that nothing is squeezed or clipped at GitHub's width; the notes below them.
    expect(markdown).toContain('| Database | State | Indexes |\n| --- | --- | --- |');
    expect(markdown).not.toContain('more database(s) are not shown');
  });

  it('stays within 1 MiB for 20,000 databases and says how many rows it left out', () => {
    const markdown = renderFleetSummary({ fleet: fleetOf(20_000) });
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    const shown = markdown.match(/^\| `tenant-\d+` \|/gm)!.length;
    expect(shown).toBeGreaterThan(1000);
    expect(markdown).toContain(`ℹ️ ${20_000 - shown} more database(s) are not shown: a job summary holds at most 1 MiB.`);
  });
});

describe('a database with a failed critical index', () => {
  it('never reads "completed", nor does the fleet', () => {
    const built = notRunReport(registry, 'unreachable', 'x');
    const failed = {
      ...built,
      outcome: 'completed' as const,
      notice: undefined,
      indexes: built.indexes.map((i) => ({ ...i, attempts: 1, error: { sqlstate: '23505', message: 'duplicate', blockers: [] } })),
    };
    const targets: FleetTargetResult[] = [{ name: 'canary', outcome: 'completed', report: failed }];
    const markdown = renderFleetSummary({ fleet: { targets, totals: fleetTotals(targets), durationMs: 1 } });
    expect(markdown).toMatch(/^## ❌ /);
    expect(markdown).toContain('| `canary` | ❌ critical failed');
    expect(markdown).not.toContain('completed');
  });
});

describe('fleetAnnotations', () => {
  it('names the database in each title, errors first across the fleet, within the caps', () => {
    const annotations = fleetAnnotations(fleetOf(40), (file) => file);
    expect(annotations[0]).toMatchObject({ level: 'error', title: '[tenant-0] No index was built' });
    const levels = annotations.map((a) => a.level);
    expect(levels.lastIndexOf('error')).toBeLessThan(levels.indexOf('notice'));
    const capped = capAnnotations(annotations);
    expect(capped.shown).toHaveLength(20);
    expect(capped.omitted).toEqual({ error: 4, warning: 0, notice: 16 });
  });
});
