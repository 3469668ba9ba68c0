// Where ESLint's time on the .sql files goes, beside the whole-process ratio with squawk: each tool on one file (its
// fixed cost: process start, loading, config) and on all files, so that (all - one) / (files - 1) is the cost of one
// more file. "ESLint alone" is ESLint with a SQL language that parses nothing and a rule that does nothing: the part
// of ESLint's time that no plugin can remove. Plain runs (no TIMING, no --stats), alternated, median of RUNS.
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { run, runNode } from './proc.mjs';
import { median, round } from './stats.mjs';

const RUNS = 5;

const FLOOR_CONFIG = `// ESLint's own cost on .sql files: a language that parses nothing, one rule that visits the root.
import { TextSourceCodeBase } from '@eslint/plugin-kit';

class Code extends TextSourceCodeBase {
  traverse() {
    return [];
  }
}
const language = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 1,
  nodeTypeKey: 'type',
  visitorKeys: { Root: [] },
  defaultLanguageOptions: {},
  validateLanguageOptions() {},
  parse(file) {
    const loc = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    return { ok: true, ast: { type: 'Root', range: [0, file.body.length], loc } };
  },
  createSourceCode(file, input) {
    return new Code({ text: file.body, ast: input.ast });
  },
};
const rule = { meta: { type: 'problem', languages: ['floor/sql'] }, create: () => ({ Root() {} }) };
export default [
  { files: ['**/*.sql'], plugins: { floor: { languages: { sql: language }, rules: { r: rule } } }, language: 'floor/sql', rules: { 'floor/r': 'error' } },
];
`;

/** Fixed and per-file costs of ESLint + plugin, ESLint alone and squawk over the same .sql files. */
export async function measureSqlLintCosts({ cwd, eslintBin, squawkBin, sqlFiles }) {
  await writeFile(join(cwd, 'eslint-floor.config.mjs'), FLOOR_CONFIG);
  const one = relative(cwd, sqlFiles[0]);
  const all = sqlFiles.map((f) => relative(cwd, f));
  const eslint = (config, files) => () =>
    runNode([eslintBin, '--config', config, '--format', 'json', '--output-file', 'eslint-costs.json', ...files], { cwd });
  const commands = {
    pluginOne: eslint('eslint.config.mjs', [one]),
    pluginAll: eslint('eslint.config.mjs', ['migrations/**/*.sql']),
    floorOne: eslint('eslint-floor.config.mjs', [one]),
    floorAll: eslint('eslint-floor.config.mjs', ['migrations/**/*.sql']),
    ...(squawkBin && {
      squawkOne: () => run(squawkBin, ['--reporter', 'gcc', one], { cwd }),
      squawkAll: () => run(squawkBin, ['--reporter', 'gcc', ...all], { cwd }),
    }),
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, command] of Object.entries(commands)) {
      const result = await command();
      if (name.startsWith('eslint') && result.code !== 0 && result.code !== 1) throw new Error(`${name}: eslint exited ${result.code}`);
      times[name].push(result.wallMs);
    }
  }
  const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, round(median(v))]));
  const perFile = (oneMs, allMs) => round((allMs - oneMs) / (sqlFiles.length - 1), 3);
  const costs = {
    runs: RUNS,
    files: sqlFiles.length,
    eslintPlugin: { oneFileMs: ms.pluginOne, allFilesMs: ms.pluginAll, perFileMs: perFile(ms.pluginOne, ms.pluginAll) },
    eslintAlone: { oneFileMs: ms.floorOne, allFilesMs: ms.floorAll, perFileMs: perFile(ms.floorOne, ms.floorAll) },
  };
  costs.plugin = {
    fixedMs: round(ms.pluginOne - ms.floorOne),
    perFileMs: round(costs.eslintPlugin.perFileMs - costs.eslintAlone.perFileMs, 3),
  };
  if (squawkBin) {
    costs.squawk = { oneFileMs: ms.squawkOne, allFilesMs: ms.squawkAll, perFileMs: perFile(ms.squawkOne, ms.squawkAll) };
    costs.wholeProcessRatio = round(ms.pluginAll / ms.squawkAll, 2);
    costs.perFileRatio = round(costs.eslintPlugin.perFileMs / costs.squawk.perFileMs, 2);
    costs.eslintAloneToSquawkRatio = round(ms.floorAll / ms.squawkAll, 2);
  }
  return costs;
}
