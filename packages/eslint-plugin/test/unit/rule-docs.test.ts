// Every rule has a docs page with the same shape (Problem, Solution, Examples with incorrect and correct code), and
// its meta.docs.url points at that page, as typescript-eslint checks for its own rules.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import plugin from '../../src/index.ts';
import { DOCS } from '../support/paths.ts';

const rules = Object.entries(plugin.rules) as [string, { meta?: { docs?: { url?: string; description?: string } } }][];

/** The headings a page must have, in this order. */
const SECTIONS = ['## Problem', '## Solution', '## Examples', '### ❌ Incorrect', '### ✅ Correct'];

describe.each(rules)('%s', (name, rule) => {
  const page = join(DOCS, `${name}.md`);

  it('has a docs page titled with its name', () => {
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8').split('\n')[0]).toBe(`# ${name}`);
  });

  it('has Problem, Solution and Examples (incorrect, then correct) sections, each with content', () => {
    const lines = readFileSync(page, 'utf8').split('\n');
    const at = SECTIONS.map((heading) => lines.indexOf(heading));
    expect(SECTIONS.filter((_, i) => at[i] === -1)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const body = (i: number) => lines.slice(at[i]! + 1, at[i + 1] ?? lines.findIndex((line, n) => n > at[i]! && line.startsWith('## ')));
    for (const i of [0, 1, 3, 4])
      expect({ section: SECTIONS[i], empty: body(i).join('').trim() === '' }).toEqual({ section: SECTIONS[i], empty: false });
    expect(body(3).join('\n')).toContain('```');
    expect(body(4).join('\n')).toContain('```');
  });

  it('points meta.docs.url at that page', () => {
    expect(rule.meta?.docs?.url).toBe(`https://index-builder.github.io/index-builder/rules/${name}.html`);
    expect(rule.meta?.docs?.description).toBeTruthy();
  });
});

it('has no docs page for a rule that does not exist', () => {
  const pages = readdirSync(DOCS)
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.slice(0, -3));
  expect(pages.sort()).toEqual(rules.map(([name]) => name).sort());
});
