// Every example in every rule's docs page, linted under configs.recommended (typescript-eslint lints its
// docs' examples the same way): each block under "❌ Incorrect" gets a report of that page's rule, each block
// under "✅ Correct" gets no report of any index-builder rule, and no block fails to parse. A block whose first line
// is a comment naming a file (`// migrations/2024..._leads.js`) is linted as that file; others as a migration of
// their language (or, on the valid-registry page, as db/indexes.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import plugin from '../../src/index.ts';
import { DOCS } from '../support/paths.ts';

const PROJECT = '/project';
const linter = new Linter({ cwd: PROJECT });

interface Example {
  kind: 'incorrect' | 'correct';
  language: string;
  code: string;
  line: number;
}

function examples(page: string): Example[] {
  const lines = readFileSync(join(DOCS, `${page}.md`), 'utf8').split('\n');
  const found: Example[] = [];
  let kind: Example['kind'] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) kind = line === '### ❌ Incorrect' ? 'incorrect' : line === '### ✅ Correct' ? 'correct' : undefined;
    const fence = /^```(js|ts|sql)$/.exec(line);
    if (!kind || !fence) continue;
    const end = lines.indexOf('```', i + 1);
    found.push({ kind, language: fence[1]!, code: lines.slice(i + 1, end).join('\n') + '\n', line: i + 2 });
    i = end;
  }
  return found;
}

function filenameOf(page: string, example: Example): string {
  const named = /^(?:\/\/|--) ([\w./-]+\.(?:js|cjs|mjs|ts|sql))\b/.exec(example.code)?.[1];
  if (named) return named;
  if (page === 'valid-registry') return 'db/indexes.ts';
  return `migrations/20260101000000_example.${example.language}`;
}

const pages = Object.keys(plugin.rules);
const cases = pages.flatMap((page) => examples(page).map((example) => [page, example.kind, example.line, example] as const));

it('finds examples of both kinds on every page', () => {
  for (const page of pages) expect([...new Set(examples(page).map((e) => e.kind))].sort()).toEqual(['correct', 'incorrect']);
});

describe.each(cases)('%s: %s example at line %i', (page, kind, _line, example) => {
  it(kind === 'incorrect' ? `is reported by ${page}` : 'gets no report from the recommended config', () => {
    const filename = join(PROJECT, filenameOf(page, example));
    const messages = linter.verify(example.code, plugin.configs.recommended, filename);
    const fatal = messages.filter((m) => m.fatal).map((m) => m.message);
    const ours = messages.filter((m) => m.ruleId?.startsWith('index-builder/')).map((m) => `${m.line}: ${m.ruleId}`);
    expect({ filename: filenameOf(page, example), fatal }).toEqual({ filename: filenameOf(page, example), fatal: [] });
    if (kind === 'incorrect') expect(ours.filter((m) => m.endsWith(`index-builder/${page}`)).length).toBeGreaterThan(0);
    else expect(ours).toEqual([]);
  });
});
