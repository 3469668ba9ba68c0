// The problem codes and outcomes are a contract: every one is documented in the README, so the docs cannot drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODE_LIST, PROBLEM_CODES } from '@index-builder/sql-core/registry';
import { RUN_OUTCOMES } from '../../src/builder/result.ts';
import { ROOT } from '../support/cli.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The first column of each row of the Markdown table under `heading`. */
function tableKeys(heading: string): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`README has no "${heading}" section`);
  const section = readme.slice(start + heading.length + 2).split(/\n#{2,3} /)[0]!;
  return [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((match) => match[1]!);
}

describe('README', () => {
  it('lists every registry problem code, once, in the order of PROBLEM_CODES', () => {
    expect(tableKeys('### Problem codes')).toEqual(PROBLEM_CODE_LIST);
  });

  it('lists every run outcome', () => {
    expect(tableKeys('### Outcomes')).toEqual([...RUN_OUTCOMES]);
  });
});

describe('PROBLEM_CODES', () => {
  it('gives each code kebab-case and a one-line problem and fix', () => {
    for (const code of PROBLEM_CODE_LIST) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      const { problem, fix } = PROBLEM_CODES[code];
      expect(problem).toMatch(/^\S.*\.$/);
      expect(fix).toMatch(/^\S.*\.$/);
      expect(`${problem}${fix}`).not.toContain('\n');
    }
  });
});
