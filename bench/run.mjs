#!/usr/bin/env node
// `npm run bench`: the benchmarks of index-builder against a real PostgreSQL (embedded, or BENCH_DATABASE_URL).
// Writes latest.json, write-latency.svg and latest.md into bench/.data/results/ (ignored by git);
// `npm run bench -- --save` writes them into bench/results/ instead, the committed figures the docs cite.
//   BENCH_SCALE=small       smaller sizes for development (results go to bench/.data/results-small/; not with --save)
//   BENCH_ONLY=write,lint   run only some sections (write, overhead, registry, lint, action, fleet, fresh, steady, replica)
//   BENCH_ROWS=2000000      table size for write availability and overhead (default 5,000,000)
//   BENCH_RESULTS_DIR=dir   where to write the results
// Benchmarks report; they assert nothing. The exit code is 1 only when a section could not run at all.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureActionStart } from './action-start.mjs';
import { measureFleet } from './fleet.mjs';
import { measureFreshBuild, measureSteadyState, measureThrottledReplica } from './health.mjs';
import { renderWriteLatencyChart } from './chart.mjs';
import { readConfig } from './lib/config.mjs';
import { describeMachine, EMBEDDED_FLAGS, openServer, withClient } from './lib/db.mjs';
import { renderMarkdown } from './lib/markdown.mjs';
import { createOrdersTable, TABLE } from './lib/orders-table.mjs';
import { nowMs, run } from './lib/proc.mjs';
import { round } from './lib/stats.mjs';
import { measureLint } from './lint.mjs';
import { measureOverhead } from './overhead.mjs';
import { dropRegistrySchema, measureRegistryScale } from './registry-scale.mjs';
import { measureWriteAvailability } from './write-availability.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const started = nowMs();
const log = (line) => console.log(`[${String(round((nowMs() - started) / 1000, 1)).padStart(6)} s] ${line}`);

const { scale, only } = readConfig();
const save = process.argv.slice(2).includes('--save');
if (save && scale.name !== 'full') {
  console.error('npm run bench: --save keeps only full-scale runs; run it without BENCH_SCALE');
  process.exit(2);
}
const resultsDir =
  process.env.BENCH_RESULTS_DIR || (save ? here('./results') : scale.name === 'full' ? here('./.data/results') : here('./.data/results-small'));
const workDir = here('./.data/work');
await rm(workDir, { recursive: true, force: true });
await mkdir(workDir, { recursive: true });
await mkdir(resultsDir, { recursive: true });

log(`index-builder benchmarks, scale ${scale.name}: ${only.join(', ')}`);
const server = await openServer();
log(`PostgreSQL: ${server.source}`);
const results = { generatedAt: new Date().toISOString(), command: 'npm run bench', scale, machine: null, sectionSeconds: {} };
const failures = [];

/** Which build of the product was measured: the commit, and the bundles as they were on disk. */
async function describeProduct() {
  const sha = async (file) =>
    createHash('sha256')
      .update(await readFile(here(file)))
      .digest('hex')
      .slice(0, 16);
  const commit = await run('git', ['rev-parse', 'HEAD'], { cwd: here('..') }).catch(() => null);
  return {
    gitCommit: commit?.code === 0 ? commit.stdout.trim() : null,
    distCliSha256: await sha('../packages/index-builder/dist/cli.js').catch(() => null),
    distIndexSha256: await sha('../packages/index-builder/dist/index.js').catch(() => null),
    eslintPluginSha256: await sha('../packages/eslint-plugin/dist/index.js').catch(() => null),
  };
}

async function section(key, title, fn) {
  if (!only.includes(key)) return undefined;
  log(`${title}...`);
  const t = nowMs();
  try {
    return await fn();
  } catch (error) {
    failures.push(key);
    log(`  ${title} FAILED: ${error instanceof Error ? error.stack : error}`);
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    results.sectionSeconds[key] = round((nowMs() - t) / 1000);
  }
}

try {
  results.machine = await describeMachine(server.url, server);
  results.machine.serverFlags = server.flags;
  results.machine.loadAverageAtStart = loadavg().map((v) => round(v, 2));
  results.product = await describeProduct();
  log(`${results.machine.cpu}, ${results.machine.cores} cores, PostgreSQL ${results.machine.postgres.version}`);

  let table;
  if (only.includes('write') || only.includes('overhead')) {
    const t = nowMs();
    log(`loading ${scale.rows.toLocaleString('en-US')} rows into ${TABLE}...`);
    table = await withClient(server.url, (c) => createOrdersTable(c, scale.rows));
    results.sectionSeconds.load = round((nowMs() - t) / 1000);
    log(`  ${table.rows.toLocaleString('en-US')} rows, ${table.sizeMiB} MiB`);
  }
  const context = { url: server.url, table, scale, workDir, log };

  const write = await section('write', '1. write availability', () => measureWriteAvailability(context));
  if (write) {
    results.writeAvailability = write.error ? write : write.figures;
    if (!write.error) {
      await writeFile(join(resultsDir, 'write-latency.svg'), renderWriteLatencyChart(write.raw, write.figures));
      log(`  wrote ${join(resultsDir, 'write-latency.svg')}`);
    }
  }
  results.overhead = await section('overhead', '2. overhead against a bare client', () => measureOverhead(context));
  results.registryScale = await section('registry', '3. registry scale', () => measureRegistryScale(context));
  results.lint = await section('lint', '4. lint throughput', () => measureLint(context));
  results.actionStart = await section('action', '5. Action start', () => measureActionStart(context));
  results.fleet = await section('fleet', '6. fleet', () => measureFleet(context));
  results.freshBuild = await section('fresh', '7. fresh build of 40 indexes, --parallel 1, 2, 4', () => measureFreshBuild(context));
  results.steadyState = await section('steady', '8. steady state: build of 100 existing indexes', () => measureSteadyState(context));
  results.throttledReplica = await section('replica', '9. a replica with throttled replay, --max-replica-lag', () => withReplicaPrimary(context));

  if (process.env.BENCH_DATABASE_URL) {
    // Leave another server as we found it.
    await withClient(server.url, (c) => c.query(`DROP TABLE IF EXISTS ${TABLE}`));
    await dropRegistrySchema(server.url);
  }
} finally {
  await server.stop();
}

/** The replica bench needs a primary of its own whose data directory it can copy: always an embedded server. */
async function withReplicaPrimary(context) {
  const { startEmbeddedServer } = await import('../tools/embedded-server.mjs');
  const { createJiti } = await import('jiti');
  const { startStandby } = await createJiti(import.meta.url).import('../packages/index-builder/test/support/standby.ts');
  const primary = await startEmbeddedServer({ postgresFlags: EMBEDDED_FLAGS });
  try {
    return await measureThrottledReplica({ ...context, url: primary.url, primary, startStandby });
  } finally {
    await primary.stop();
  }
}

results.totalSeconds = round((nowMs() - started) / 1000);
if (results.machine) results.machine.loadAverageAtEnd = loadavg().map((v) => round(v, 2));
if (failures.length) results.failedSections = failures;
await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
const markdown = renderMarkdown(results);
await writeFile(join(resultsDir, 'latest.md'), markdown);
console.log(`\n${markdown}`);
log(`done in ${results.totalSeconds} s; results in ${resultsDir}`);
if (failures.length) {
  log(`sections that could not run: ${failures.join(', ')}`);
  process.exitCode = 1;
}
