// Benchmark: ESLint with configs.recommended over a generated corpus of migrations (default 5,000 files, mixed
// .ts/.js/.sql), run the way a user runs it (`eslint .` with TIMING=1). Prints wall time, ms per file, and the
// plugin's rules' share as ESLint's TIMING table measures it.
//   node packages/eslint-plugin/scripts/bench.mjs [--count 5000] [--out DIR]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.mjs';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const { values } = parseArgs({ options: { count: { type: 'string', default: '5000' }, out: { type: 'string' } } });
const count = Number(values.count);
const out = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'ib-eslint-corpus-'));

const withIndexes = await generateCorpus(out, count);
const eslintBin = join(repoRoot, 'node_modules/eslint/bin/eslint.js');
const started = process.hrtime.bigint();
const run = spawnSync(process.execPath, [eslintBin, '.', '--format', 'json', '--output-file', join(out, 'report.json')], {
  cwd: out,
  env: { ...process.env, TIMING: '1' },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
if (run.status !== 1 && run.status !== 0) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);

const timing = run.stdout;
const ruleMs = (rule) => Number(new RegExp(`^${rule.replace(/[/-]/g, '\\$&')}\\s*\\|\\s*([\\d.]+)`, 'm').exec(timing)?.[1] ?? 0);
const noIndex = ruleMs('index-builder/no-index-in-migration');
const registry = ruleMs('index-builder/valid-registry');
const { readFileSync } = await import('node:fs');
const reports = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).reduce((sum, file) => sum + file.errorCount, 0);

console.log(timing.trim());
console.log('');
console.log(`files:                ${count} (${withIndexes} create an index; ${reports} reports)`);
console.log(`wall time:            ${(wallMs / 1000).toFixed(2)} s (node startup, config, parsing and rules)`);
console.log(`ms per file:          ${(wallMs / count).toFixed(2)}`);
console.log(
  `no-index-in-migration: ${noIndex.toFixed(0)} ms = ${(noIndex / count).toFixed(3)} ms per file, ${((100 * noIndex) / wallMs).toFixed(1)}% of wall time`,
);
if (registry) console.log(`valid-registry:       ${registry.toFixed(0)} ms`);
if (!values.out) rmSync(out, { recursive: true, force: true });
