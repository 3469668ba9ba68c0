// The golden scenario matrix: every channel of every scenario kept as a reviewed file under golden/<scenario>/. A
// change to what the tool says shows up as a diff of these files; UPDATE_GOLDEN=1 rewrites them for review.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderChannels, scenarios } from '../../support/scenarios.ts';
import { renderSummary, SUMMARY_LIMIT_BYTES } from '../../../src/render/summary.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FILES = { console: 'console.txt', json: 'report.json', outputs: 'outputs.txt', annotations: 'annotations.txt', summary: 'summary.md' } as const;
/** Too large to keep as files: checked by size and content instead. */
const LARGE = new Set(['10000-entries']);

describe('golden scenarios', () => {
  for (const scenario of scenarios().filter((s) => !LARGE.has(s.name))) {
    it(`${scenario.name}: every channel matches its reviewed file`, () => {
      const channels = renderChannels(scenario);
      for (const [channel, file] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
        const path = join(here, scenario.name, file);
        if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, channels[channel]);
        }
        expect(`${file}:\n${channels[channel]}`).toBe(`${file}:\n${readFileSync(path, 'utf8')}`);
      }
    });
  }

  it('10,000 entries: the summary stays within 1 MiB, failures first, the rest counted', () => {
    const scenario = scenarios().find((s) => s.name === '10000-entries')!;
    const { summary, outputs } = renderChannels(scenario);
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(summary).toMatch(/^## ❌ Index build: 20 failed, 40 created, 9940 up to date · `db.internal:5432\/app`\n/);
    // The failures come before anything else; the up-to-date ones are folded away.
    expect(summary.indexOf('❌ failed')).toBeLessThan(summary.indexOf('✅ created'));
    expect(summary.indexOf('✅ created')).toBeLessThan(summary.indexOf('<details><summary>9940 index(es) already up to date</summary>'));
    expect(outputs).toContain('failed=20\n');
  });

  it('a summary over its limit keeps its failures and counts what it left out', () => {
    const scenario = scenarios().find((s) => s.name === '10000-entries')!;
    if ('fleet' in scenario) throw new Error('a single database');
    const summary = renderSummary({ report: scenario.report, database: scenario.database, limitBytes: 64 * 1024 });
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(64 * 1024);
    expect(summary.match(/❌ failed/g)).toHaveLength(10);
    expect(summary).toMatch(
      /ℹ️ \d+ more index\(es\) are not shown: a job summary holds at most 1 MiB\. The JSON report \(output `report`\) lists every index\./,
    );
  });
});
