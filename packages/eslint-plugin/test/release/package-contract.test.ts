// What package.json and index.d.ts promise, checked against the plugin itself: index.d.ts names every
// rule, language and config of the plugin object, and `engines` covers only Node versions whose require() loads an
// ES module (the plugin is one; CommonJS eslint.config.js files require() it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import plugin from '../../src/index.ts';
import { PLUGIN } from '../support/paths.ts';

const declarations = readFileSync(join(PLUGIN, 'index.d.ts'), 'utf8');
const manifest = JSON.parse(readFileSync(join(PLUGIN, 'package.json'), 'utf8')) as { engines: { node: string } };

/** The string literals of a union type alias or `Record<...>` key in index.d.ts. */
const literals = (pattern: RegExp): string[] => [...(pattern.exec(declarations)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!).sort();

it('index.d.ts names every rule of the plugin, and no other', () => {
  expect(literals(/export type RuleName =([^;]+);/)).toEqual(Object.keys(plugin.rules).sort());
  expect(declarations).toMatch(/rules: Record<RuleName,/);
});

it('index.d.ts names the languages and configs of the plugin', () => {
  expect(literals(/languages: Record<([^,]+),/)).toEqual(Object.keys(plugin.languages).sort());
  expect([...(/configs: \{([^}]+)\}/.exec(declarations)?.[1] ?? '').matchAll(/(\w+):/g)].map((m) => m[1])).toEqual(Object.keys(plugin.configs));
  expect(declarations).toMatch(/migrationConfigs\(layout:/);
});

// Node's require() loads an ES module without a flag from 20.19.0, 22.12.0 and 23.0.0 (Node's release notes); 21.x never.
const REQUIRE_ESM_FROM_MINOR: Record<string, number> = { '20': 19, '22': 12 };

it('engines admits no Node version whose require() cannot load the plugin', () => {
  const ranges = manifest.engines.node.split('||').map((part) => part.trim());
  const problems = ranges.flatMap((range) => {
    const [, operator, major, minor] = /^(\^|>=)(\d+)\.(\d+)\.\d+$/.exec(range) ?? [];
    if (operator === '^' && major! in REQUIRE_ESM_FROM_MINOR && Number(minor) >= REQUIRE_ESM_FROM_MINOR[major!]!) return [];
    if (operator === '>=' && Number(major) >= 23) return [];
    return [range];
  });
  expect(problems).toEqual([]);
  expect(ranges).toHaveLength(3);
});

it('the README states the same Node versions', () => {
  expect(readFileSync(join(PLUGIN, 'README.md'), 'utf8')).toContain('Node 20.19+, 22.12+ or 23+');
});
