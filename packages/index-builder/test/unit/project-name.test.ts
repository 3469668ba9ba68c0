// The project has one public name: GitHub index-builder/index-builder, the npm packages index-builder and
// eslint-plugin-index-builder, the docs at index-builder.github.io/index-builder. No placeholder or other spelling of
// it may come back into a tracked file.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/cli.ts';

const REPOSITORY = 'index-builder/index-builder';
// Written in pieces, so that this file does not hold the strings it looks for.
const PLACEHOLDERS: [string, RegExp][] = [
  ['the placeholder owner "org"', new RegExp(`\\b${'or'}g/index-builder\\b`)],
  ['an owner placeholder in angle brackets', new RegExp(`<${'owner'}>|<${'OWNER'}>|\\b${'your'}-org\\b|\\bOWNER/${'index-builder'}`)],
  ['a GitHub owner other than index-builder', new RegExp(`github\\.com/(?!${REPOSITORY}\\b)[\\w.-]+/${'index-builder'}\\b`)],
  ['the Action under another name', new RegExp(`uses: (?!${REPOSITORY}@)[\\w.-]+/${'index-builder'}@`)],
  ['another docs site', new RegExp(`(?<!index-builder)\\.github\\.io/${'index-builder'}`)],
];

/** Tracked text files, without the committed bundles (rebuilt from the sources this test reads). */
function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && !/^packages\/[^/]+\/dist\//.test(file) && !/\.(wasm|png|svg|ico)$/.test(file));
}

it('no tracked file names the project with a placeholder or another owner', () => {
  const found: string[] = [];
  for (const file of trackedFiles()) {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const [what, pattern] of PLACEHOLDERS) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
    });
  }
  expect(found).toEqual([]);
});

it('finds each placeholder when it is there', () => {
  const samples = [
    'uses: or' + 'g/index-builder@v1',
    'https://github.com/<' + 'owner>/index-builder',
    'https://github.com/acme/index-' + 'builder/issues',
    'uses: acme/index-' + 'builder@v1',
    'https://acme.github.io/index-' + 'builder/',
  ];
  expect(samples.map((sample) => PLACEHOLDERS.filter(([, pattern]) => pattern.test(sample)).length > 0)).toEqual(samples.map(() => true));
});
