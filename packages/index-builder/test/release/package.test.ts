// What npm users get: both packages packed as `npm pack` makes them, checked by publint and arethetypeswrong, then
// installed from the tarballs into a strict TypeScript project (moduleResolution nodenext, then bundler) that
// imports defineIndexes/IndexDef and the plugin's default export.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROOT } from '../support/cli.ts';

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const run = (command: string, args: string[], cwd = ROOT) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

const CONSUMER = `
import { defineIndexes, type IndexDef, type Report, type RunOutcome } from 'index-builder';
import indexBuilder from 'eslint-plugin-index-builder';

export const indexes = defineIndexes([
  { name: 'users_email_idx', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email)', critical: true },
]);
export const first: IndexDef = indexes[0];
export const outcome: RunOutcome = 'completed' satisfies Report['outcome'];
export const eslintConfig = [...indexBuilder.configs.recommended];
export const ruleNames: string[] = Object.keys(indexBuilder.rules);

// @ts-expect-error an entry needs its sql
defineIndexes([{ name: 'no_sql_idx' }]);
`;

let work: string;
const tarballs: Record<'builder' | 'plugin', string> = { builder: '', plugin: '' };

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ib-pack-'));
  run('npm', ['pack', '--pack-destination', work, '--workspace', 'packages/index-builder', '--workspace', 'packages/eslint-plugin']);
  for (const file of readdirSync(work)) {
    if (file.startsWith('index-builder-')) tarballs.builder = join(work, file);
    if (file.startsWith('eslint-plugin-index-builder-')) tarballs.plugin = join(work, file);
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

it.each(['builder', 'plugin'] as const)(
  'the %s tarball passes publint and arethetypeswrong',
  (which) => {
    expect(run(bin('publint'), [tarballs[which], '--strict'])).toContain('All good!');
    // ESM-only packages (CommonJS loads them through require(esm) or import()): the esm-only profile.
    run(bin('attw'), [tarballs[which], '--profile', 'esm-only', '--format', 'table-flipped']);
  },
  120_000,
);

it('installs nothing else: neither package has dependencies; the plugin needs TypeScript only for .ts migrations', () => {
  const manifest = (tarball: string) => JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'])) as Record<string, unknown>;
  expect(manifest(tarballs.builder).dependencies).toBeUndefined();
  expect(manifest(tarballs.plugin).dependencies).toBeUndefined();
  expect(manifest(tarballs.plugin).peerDependencies).toEqual({
    eslint: expect.any(String),
    '@typescript-eslint/parser': expect.any(String),
    typescript: expect.any(String),
  });
  expect(manifest(tarballs.plugin).peerDependenciesMeta).toEqual({ '@typescript-eslint/parser': { optional: true }, typescript: { optional: true } });
});

describe.each([
  { module: 'nodenext', moduleResolution: 'nodenext' },
  { module: 'esnext', moduleResolution: 'bundler' },
])('a strict consumer with moduleResolution $moduleResolution', (settings) => {
  it('type-checks against the installed tarballs', () => {
    const consumer = join(work, `consumer-${settings.moduleResolution}`);
    const modules = join(consumer, 'node_modules');
    for (const [name, tarball] of [
      ['index-builder', tarballs.builder],
      ['eslint-plugin-index-builder', tarballs.plugin],
    ] as const) {
      mkdirSync(join(modules, name), { recursive: true });
      run('tar', ['-xzf', tarball, '-C', join(modules, name), '--strip-components=1']);
    }
    // The plugin's types name ESLint's, from the peer dependency the consumer installs.
    symlinkSync(join(ROOT, 'node_modules/eslint'), join(modules, 'eslint'));
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(join(consumer, 'index.ts'), CONSUMER);
    const compilerOptions = { ...settings, target: 'es2022', strict: true, noEmit: true, types: [], exactOptionalPropertyTypes: true };
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['index.ts'] }));
    let output = '';
    try {
      run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', consumer], consumer);
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    expect(output).toBe('');
  }, 120_000);
});
