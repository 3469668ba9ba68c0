// The problem codes and outcomes are a contract: every one is documented on the docs site, in tables generated from
// the code (tools/docs), so the docs cannot drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODE_LIST, PROBLEM_CODES } from '@index-builder/sql-core/registry';
import { RUN_OUTCOMES } from '../../src/builder/result.ts';
import { OUTCOME_DOCS } from '../../../../tools/docs/outcomes.ts';
import { renderOutcomes, renderProblemCodes } from '../../../../tools/docs/render.ts';
import { ROOT } from '../support/cli.ts';

/** The first column of each row of a Markdown table. */
function tableKeys(markdown: string): string[] {
  return [...markdown.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]!);
}

const page = (name: string) => readFileSync(join(ROOT, 'docs', name), 'utf8');

describe('the docs site', () => {
  it('lists every registry problem code, once, in the order of PROBLEM_CODES, with its problem and fix', () => {
    const markdown = renderProblemCodes(PROBLEM_CODE_LIST, PROBLEM_CODES);
    expect(tableKeys(markdown)).toEqual(PROBLEM_CODE_LIST);
    expect(markdown).toContain(`| \`missing-concurrently\` | ${PROBLEM_CODES['missing-concurrently'].problem} |`);
    expect(page('problem-codes.md')).toContain('<!--@include: ./generated/problem-codes.md-->');
  });

  it('lists every run outcome, each with its meaning and what to do', () => {
    expect(tableKeys(renderOutcomes(RUN_OUTCOMES, OUTCOME_DOCS))).toEqual([...RUN_OUTCOMES]);
    expect(page('outcomes.md')).toContain('<!--@include: ./generated/outcomes.md-->');
  });

  it('refuses to render outcomes that the code does not have, or to leave one out', () => {
    expect(() => renderOutcomes([...RUN_OUTCOMES, 'vanished'], OUTCOME_DOCS)).toThrow(/undocumented vanished/);
    expect(() => renderOutcomes(RUN_OUTCOMES.slice(1), OUTCOME_DOCS)).toThrow(/unknown completed/);
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
