// Measurement 4 — lint throughput. The plugin's recommended config over N generated migrations (half .ts, half .sql),
// ESLint run as a child process with TIMING=1 (the rules' share) and --stats (parse vs rules time per file). Then the
// .sql half alone through ESLint and through squawk (squawk-cli from npm, installed outside the repository at bench
// time), as a ratio of wall times.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startCpuSampler } from './lib/cpu-sampler.mjs';
import { run, runNode, tail } from './lib/proc.mjs';
import { measureSqlLintCosts } from './lib/sql-lint-costs.mjs';
import { round } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const ESLINT_BIN = join(dirname(require.resolve('eslint/package.json')), require('eslint/package.json').bin.eslint);
const ESLINT_VERSION = require('eslint/package.json').version;
const SQUAWK_DIR = join(tmpdir(), 'index-builder-bench-squawk');
const PLUGIN_GENERATOR = fileURLToPath(new URL('../packages/eslint-plugin/scripts/generate-corpus.mjs', import.meta.url));
const REAL_WORLD = new URL('../packages/eslint-plugin/test/corpus/', import.meta.url);

/** The migrations to lint, from the ESLint plugin's own corpus generator (knex, node-pg-migrate, Sequelize, TypeORM, Kysely, .sql). */
async function generate(cwd, count) {
  const { generateCorpus } = await import(pathToFileURL(PLUGIN_GENERATOR).href);
  const withIndexes = await generateCorpus(cwd, count);
  const generator = 'packages/eslint-plugin/scripts/generate-corpus.mjs';
  const files = (await readdir(join(cwd, 'migrations'), { recursive: true })).map((f) => join(cwd, 'migrations', f)).filter((f) => extname(f));
  const byExtension = {};
  for (const f of files) byExtension[extname(f).slice(1)] = (byExtension[extname(f).slice(1)] ?? 0) + 1;
  return { generator, withIndexes, files, byExtension, sql: files.filter((f) => f.endsWith('.sql')) };
}

const CONFIG = `// The setup the plugin's README asks for: its recommended config, nothing else.
import indexBuilder from 'eslint-plugin-index-builder';

export default [...indexBuilder.configs.recommended];
`;

/** ESLint's TIMING=1 table: "rule | Time (ms) | Relative" rows. */
function parseTiming(stdout) {
  const rules = {};
  for (const line of stdout.split('\n')) {
    const m = /^(\S+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)%/.exec(line.trim());
    if (m) rules[m[1]] = Number(m[2]);
  }
  return rules;
}

/** Sums ESLint's --stats per-file times (parse, rules, total) by file extension, and counts the problems. */
function readStats(results) {
  const byKind = {};
  const problems = {};
  let fatal = 0;
  for (const result of results) {
    const kind = extname(result.filePath).slice(1);
    const k = (byKind[kind] ??= { files: 0, parseMs: 0, rulesMs: 0, lintMs: 0 });
    k.files += 1;
    for (const pass of result.stats?.times?.passes ?? []) {
      k.parseMs += pass.parse?.total ?? 0;
      k.lintMs += pass.total ?? 0;
      for (const rule of Object.values(pass.rules ?? {})) k.rulesMs += rule.total ?? 0;
    }
    for (const message of result.messages) {
      if (message.fatal) fatal += 1;
      const id = message.ruleId ?? (message.fatal ? 'fatal' : '(no rule: e.g. an unused eslint-disable directive)');
      problems[id] = (problems[id] ?? 0) + 1;
    }
  }
  for (const k of Object.values(byKind)) for (const key of ['parseMs', 'rulesMs', 'lintMs']) k[key] = round(k[key]);
  return { byKind, problems, fatal };
}

async function eslint(cwd, patterns, outFile) {
  const result = await runNode([ESLINT_BIN, '--config', 'eslint.config.mjs', '--stats', '--format', 'json', '--output-file', outFile, ...patterns], {
    cwd,
    env: { TIMING: '1' },
  });
  // 0: no problems, 1: problems found (expected: the generated files include index creations), 2: ESLint failed.
  if (result.code !== 0 && result.code !== 1) throw new Error(`eslint exited ${result.code}:\n${tail(result.stdout + result.stderr)}`);
  const results = JSON.parse(await readFile(join(cwd, outFile), 'utf8'));
  return { wallMs: result.wallMs, timing: parseTiming(result.stdout), ...readStats(results) };
}

/** squawk-cli from npm, installed once into the system temp directory (outside the repository). */
async function squawkBinary(log) {
  const bin = join(SQUAWK_DIR, 'node_modules', '.bin', 'squawk');
  if (existsSync(bin)) return { bin, installedNow: false };
  log('    installing squawk-cli from npm into the temp directory...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = await run(npm, ['install', '--prefix', SQUAWK_DIR, '--no-audit', '--no-fund', '--no-save', 'squawk-cli'], { timeoutMs: 180_000 });
  if (install.code !== 0 || !existsSync(bin)) {
    const reason = tail(install.stderr || install.stdout, 5) || `npm install exited ${install.code}`;
    throw Object.assign(new Error(reason), { squawkUnavailable: true });
  }
  return { bin, installedNow: true };
}

async function squawk(cwd, files, log) {
  let binary;
  try {
    binary = await squawkBinary(log);
  } catch (error) {
    return { available: false, reason: `squawk-cli could not be installed: ${error.message}` };
  }
  const version = (await run(binary.bin, ['--version'])).stdout.trim();
  const result = await run(binary.bin, ['--reporter', 'gcc', ...files.map((f) => relative(cwd, f))], { cwd });
  const lines = result.stdout.split('\n').filter((l) => /:\d+:\d+: /.test(l));
  const byRule = {};
  for (const line of lines) {
    const rule = /(?:warning|error):?\s+([a-z0-9-]+)/.exec(line)?.[1] ?? 'other';
    byRule[rule] = (byRule[rule] ?? 0) + 1;
  }
  if (result.code !== 0 && lines.length === 0) return { available: false, reason: `squawk exited ${result.code}: ${tail(result.stderr, 3)}` };
  return {
    available: true,
    bin: binary.bin,
    version,
    wallMs: round(result.wallMs),
    problems: lines.length,
    problemsByRule: byRule,
    installedThisRun: binary.installedNow,
  };
}

/**
 * The real-world corpus of the recall test (packages/eslint-plugin/test/corpus: real migrations from npm packages, fetched into
 * node_modules/.cache), linted by the ESLint CLI with the recommended config, TIMING=1 and --stats.
 */
export async function measureRealWorld(log) {
  const { ensureCorpus } = await import(new URL('fetch.mjs', REAL_WORLD).href);
  const { writeCorpusConfig } = await import(new URL('lint-corpus.mjs', REAL_WORLD).href);
  let corpus;
  try {
    corpus = await ensureCorpus({ log });
  } catch (error) {
    return { available: false, reason: error.message };
  }
  await writeCorpusConfig(corpus.root, corpus.manifest);
  const files = corpus.manifest.packages.reduce((n, p) => n + p.files.length, 0);
  log(`    eslint over the real-world corpus (${files} files from ${corpus.manifest.packages.length} packages)...`);
  const run = await eslint(corpus.root, ['.'], 'eslint-real-world.json');
  const rulesMs = Object.values(run.timing).reduce((a, b) => a + b, 0);
  const lintMs = Object.values(run.byKind).reduce((a, k) => a + k.lintMs, 0);
  return {
    available: true,
    files,
    packages: corpus.manifest.packages.map((p) => `${p.name}@${p.version}`),
    wallMs: round(run.wallMs),
    msPerFile: round(run.wallMs / files, 2),
    rulesMsFromTiming: round(rulesMs),
    rulesShareOfWallPercent: round((rulesMs / run.wallMs) * 100),
    rulesShareOfLintPercent: round((rulesMs / lintMs) * 100),
    timing: run.timing,
    statsByKind: run.byKind,
    problems: run.problems,
    fatalParseErrors: run.fatal,
  };
}

export async function measureLint({ scale, workDir, log }) {
  const cwd = join(workDir, 'lint');
  await rm(cwd, { recursive: true, force: true });
  await mkdir(cwd, { recursive: true });
  log(`    generating ${scale.lintFiles} migration files...`);
  const corpus = await generate(cwd, scale.lintFiles);
  await writeFile(join(cwd, 'eslint.config.mjs'), CONFIG);
  const total = corpus.files.length;

  log(`    eslint over ${total} files (TIMING=1, --stats)...`);
  const cpu = startCpuSampler();
  const all = await eslint(cwd, ['migrations'], 'eslint-all.json');
  const otherPrograms = cpu.stop();
  const rulesMs = Object.values(all.timing).reduce((a, b) => a + b, 0);
  const lintMs = Object.values(all.byKind).reduce((a, k) => a + k.lintMs, 0);

  log(`    eslint over the ${corpus.sql.length} .sql files alone, then squawk over the same files...`);
  const sqlOnly = await eslint(cwd, ['migrations/**/*.sql'], 'eslint-sql.json');
  const squawkResult = await squawk(cwd, corpus.sql, log);
  log(`    fixed and per-file costs: ESLint + plugin, ESLint alone, squawk (one file, all files; medians of alternated runs)...`);
  const sqlCosts = await measureSqlLintCosts({ cwd, eslintBin: ESLINT_BIN, squawkBin: squawkResult.bin, sqlFiles: corpus.sql });
  const realWorld = await measureRealWorld(log);

  return {
    eslintVersion: ESLINT_VERSION,
    generator: corpus.generator,
    files: { total, byExtension: corpus.byExtension, withIndexCreation: corpus.withIndexes },
    config:
      "[...indexBuilder.configs.recommended]: no-index-in-migration on .js/.cjs/.ts (TypeScript through @typescript-eslint/parser) and on .sql through the plugin's SQL language",
    all: {
      wallMs: round(all.wallMs),
      msPerFile: round(all.wallMs / total, 2),
      filesPerSecond: round(total / (all.wallMs / 1000)),
      rulesMsFromTiming: round(rulesMs),
      rulesShareOfWallPercent: round((rulesMs / all.wallMs) * 100),
      rulesShareOfLintPercent: round((rulesMs / lintMs) * 100),
      timing: all.timing,
      statsByKind: all.byKind,
      problems: all.problems,
      fatalParseErrors: all.fatal,
      cpuDuringRun: otherPrograms,
    },
    sqlOnly: {
      files: corpus.sql.length,
      wallMs: round(sqlOnly.wallMs),
      msPerFile: round(sqlOnly.wallMs / corpus.sql.length, 2),
      problems: sqlOnly.problems,
      statsByKind: sqlOnly.byKind,
    },
    sqlCosts,
    realWorld,
    squawk: squawkResult.available
      ? { ...withoutBin(squawkResult), files: corpus.sql.length, eslintToSquawkWallRatio: round(sqlOnly.wallMs / squawkResult.wallMs, 2) }
      : squawkResult,
  };
}

/** The squawk result without its binary's path (a temp directory, not a figure). */
function withoutBin({ bin: _bin, ...rest }) {
  return rest;
}
