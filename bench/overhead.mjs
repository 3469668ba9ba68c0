// Measurement 2 — overhead. The builder's wall time for the index (`node dist/cli.js build`, a one-entry registry,
// spawn to exit) against the same CREATE INDEX CONCURRENTLY sent by a bare client (one pg connection: connect,
// SET lock_timeout, the statement). Runs alternate A B A B ..., the index is dropped (and a CHECKPOINT taken) before
// each run, and one untimed build first warms the caches. No write load: this isolates the builder's own cost.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { startCpuSampler } from './lib/cpu-sampler.mjs';
import { withClient } from './lib/db.mjs';
import { CONCURRENT_SQL, dropIndex, writeOneEntryRegistry } from './lib/orders-table.mjs';
import { nowMs, runNode, tail } from './lib/proc.mjs';
import { max, median, round } from './lib/stats.mjs';
import { CLI } from './write-availability.mjs';

async function bareClient(url) {
  const start = nowMs();
  const client = new pg.Client({ connectionString: url, application_name: 'bench-bare-client' });
  await client.connect();
  await client.query("SET lock_timeout = '5min'");
  await client.query(CONCURRENT_SQL);
  const wallMs = nowMs() - start;
  await client.end();
  return { wallMs };
}

async function builder(url, registry, reportFile) {
  const result = await runNode([CLI, 'build', '--registry', registry, '--database-url', url, '--json', reportFile], { timeoutMs: 600_000 });
  if (result.code !== 0) throw new Error(`index-builder build exited ${result.code}:\n${tail(result.stdout + result.stderr)}`);
  const report = JSON.parse(await readFile(reportFile, 'utf8'));
  if (report.indexes[0]?.status !== 'created') throw new Error(`the builder did not create the index: ${JSON.stringify(report.indexes[0])}`);
  return { wallMs: result.wallMs, runDurationMs: report.durationMs, indexDurationMs: report.indexes[0].durationMs };
}

/** `node -e 0`: what any Node CLI pays to start, for reading the builder's fixed cost. */
async function nodeStartMs(runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i += 1) times.push((await runNode(['-e', '0'])).wallMs);
  return median(times);
}

export async function measureOverhead({ url, scale, workDir, log }) {
  const registry = join(workDir, 'registry-one.json');
  const reportFile = join(workDir, 'report-overhead.json');
  await writeOneEntryRegistry(registry);
  await withClient(url, dropIndex);
  await bareClient(url); // warm-up, untimed
  await withClient(url, dropIndex);

  const pairs = [];
  const cpu = startCpuSampler();
  for (let i = 0; i < scale.pairs; i += 1) {
    // A B, then B A on the next pair would also be fair; A B A B as the issue asks.
    const bare = await bareClient(url);
    await withClient(url, dropIndex);
    const built = await builder(url, registry, reportFile);
    await withClient(url, dropIndex);
    const pair = {
      bareClientMs: round(bare.wallMs),
      builderProcessMs: round(built.wallMs),
      builderReportedRunMs: built.runDurationMs,
      builderReportedIndexMs: built.indexDurationMs,
      ratio: round(built.wallMs / bare.wallMs, 3),
      ratioReported: round(built.runDurationMs / bare.wallMs, 3),
    };
    pairs.push(pair);
    log(
      `    pair ${i + 1}/${scale.pairs}: bare ${pair.bareClientMs} ms, builder ${pair.builderProcessMs} ms (reported ${pair.builderReportedRunMs} ms), ratio ${pair.ratio}`,
    );
  }
  const otherPrograms = cpu.stop();
  const nodeStart = await nodeStartMs();
  const medianRatio = median(pairs.map((p) => p.ratio));
  const bareMedian = median(pairs.map((p) => p.bareClientMs));
  const builderMedian = median(pairs.map((p) => p.builderProcessMs));
  return {
    statement: CONCURRENT_SQL,
    pairs: pairs.length,
    order: 'A (bare client) then B (builder), repeated; index dropped and CHECKPOINT before every run; one untimed warm-up build first',
    medianRatio: round(medianRatio, 3),
    medianRatioOfReportedDuration: round(median(pairs.map((p) => p.ratioReported)), 3),
    overheadPercent: round((medianRatio - 1) * 100),
    medianBareClientMs: round(bareMedian),
    medianBuilderProcessMs: round(builderMedian),
    medianBuilderReportedRunMs: round(median(pairs.map((p) => p.builderReportedRunMs))),
    medianBuilderFixedCostMs: round(median(pairs.map((p) => p.builderProcessMs - p.bareClientMs))),
    medianProcessStartupMs: round(median(pairs.map((p) => p.builderProcessMs - p.builderReportedRunMs))),
    nodeEmptyScriptStartMs: round(nodeStart),
    slowestBareClientMs: round(max(pairs.map((p) => p.bareClientMs))),
    cpuDuringPairs: otherPrograms,
    perPair: pairs,
  };
}
