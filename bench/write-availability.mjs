// Measurement 1 — write availability. 4 clients write continuously (single-row UPDATEs and INSERTs) while the same
// index is built (a) with a plain CREATE INDEX, as a migration would, (b) by `index-builder build`, and (c) by
// `index-builder build` with PostgreSQL's parallel maintenance workers turned off for its session (PGOPTIONS).
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startCpuSampler } from './lib/cpu-sampler.mjs';
import { withClient } from './lib/db.mjs';
import { CONCURRENT_SQL, INDEX, maintenanceCounters, PLAIN_SQL, resetOrdersTable, writeOneEntryRegistry } from './lib/orders-table.mjs';
import { nowMs, runNode, tail } from './lib/proc.mjs';
import { longestGap, max, quantile, round } from './lib/stats.mjs';

const WRITERS = fileURLToPath(new URL('./lib/writers.mjs', import.meta.url));
export const CLI = fileURLToPath(new URL('../packages/index-builder/dist/cli.js', import.meta.url));

/** Starts the writer process and its connections; resolves once they are connected. */
async function startWriters(url, clients) {
  const child = fork(WRITERS, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (m) => m.type === type && (child.off('message', onMessage), resolve(m));
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`the writer process exited (${code}) before "${type}"`)));
    });
  child.send({ cmd: 'init', url, clients });
  await next('ready');
  return {
    start: (maxId) => child.send({ cmd: 'start', maxId }),
    stop: async () => {
      const done = next('done');
      child.send({ cmd: 'stop' });
      return done;
    },
  };
}

/** The build of scenario (a): the statement a migration would run, on an already open connection. */
async function plainBuild(url) {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-migration' });
  await client.connect();
  try {
    const start = nowMs();
    await client.query(PLAIN_SQL);
    return { start, end: nowMs() };
  } finally {
    await client.end();
  }
}

/** The build of scenario (b): `node dist/cli.js build` as a child process, timed from spawn to exit. */
async function builderBuild(url, workDir, env = {}) {
  const registry = join(workDir, 'registry-one.json');
  const reportFile = join(workDir, 'report-write-availability.json');
  await writeOneEntryRegistry(registry);
  const result = await runNode([CLI, 'build', '--registry', registry, '--database-url', url, '--json', reportFile], { timeoutMs: 600_000, env });
  if (result.code !== 0) throw new Error(`index-builder build exited ${result.code}:\n${tail(result.stdout + result.stderr)}`);
  const report = JSON.parse(await readFile(reportFile, 'utf8'));
  const index = report.indexes[0];
  if (index?.status !== 'created') throw new Error(`index-builder build did not create the index: ${JSON.stringify(index)}`);
  return {
    start: result.startedAt,
    end: result.endedAt,
    builder: { runDurationMs: report.durationMs, indexDurationMs: index.durationMs, status: index.status, attempts: index.attempts },
  };
}

const SCENARIOS = {
  plain: { letter: 'a', title: 'with a plain CREATE INDEX', method: 'plain CREATE INDEX (as a migration would run it)' },
  builder: { letter: 'b', title: 'with index-builder build', method: 'index-builder build (node dist/cli.js, CREATE INDEX CONCURRENTLY)' },
  serial: {
    letter: 'c',
    title: 'with index-builder build, no parallel maintenance workers',
    method: "index-builder build with PGOPTIONS='-c max_parallel_maintenance_workers=0' (the build uses one core)",
    env: { PGOPTIONS: '-c max_parallel_maintenance_workers=0' },
  },
};

/** One scenario: reset, writers warm up, the build, writers go on for a while, then the figures. */
async function scenario(kind, { url, table, scale, workDir, log }) {
  await withClient(url, (c) => resetOrdersTable(c, table.maxId));
  const countersBefore = await withClient(url, maintenanceCounters);
  const writers = await startWriters(url, scale.writers);
  const cpu = startCpuSampler();
  const runStart = nowMs();
  writers.start(table.maxId);
  await sleep(scale.warmupMs);
  const { letter, title, env } = SCENARIOS[kind];
  log(`    (${letter}) building ${INDEX} ${title}, under write load...`);
  const build = kind === 'plain' ? await plainBuild(url) : await builderBuild(url, workDir, env);
  await sleep(scale.tailMs);
  const runEnd = nowMs();
  const data = await writers.stop();
  const otherPrograms = cpu.stop();
  const countersAfter = await withClient(url, maintenanceCounters);
  const indexValid = await withClient(
    url,
    async (c) => (await c.query('SELECT bool_and(indisvalid) AS v FROM pg_index WHERE indexrelid = to_regclass($1)', [INDEX])).rows[0].v,
  );
  return summarise(kind, data, build, { runStart, runEnd, indexValid, countersBefore, countersAfter, otherPrograms });
}

function summarise(kind, data, build, { runStart, runEnd, indexValid, countersBefore, countersAfter, otherPrograms }) {
  const { starts, ends } = data;
  const n = ends.length;
  const latencies = new Float64Array(n);
  for (let i = 0; i < n; i += 1) latencies[i] = ends[i] - starts[i];
  // A write counts toward the build when it overlaps the build window (started before its end, finished after its start).
  const during = [];
  const warm = [];
  for (let i = 0; i < n; i += 1) {
    if (starts[i] < build.end && ends[i] > build.start) during.push(latencies[i]);
    else if (ends[i] < build.start) warm.push(latencies[i]);
  }
  const count = (from, to) => {
    let c = 0;
    for (let i = 0; i < n; i += 1) if (ends[i] >= from && ends[i] < to) c += 1;
    return c;
  };
  const buildMs = build.end - build.start;
  const warmStart = runStart + 500; // the first half second is connection warm-up
  const perSecond = [];
  for (let t = runStart; t + 1000 <= runEnd; t += 1000) perSecond.push({ t: round((t - build.start) / 1000, 2), writes: count(t, t + 1000) });
  let minOneSecond = null;
  if (buildMs >= 1000) {
    for (let t = build.start; t + 1000 <= build.end; t += 100) {
      const c = count(t, t + 1000);
      if (minOneSecond === null || c < minOneSecond) minOneSecond = c;
    }
  }
  const gap = longestGap(Array.from(ends), build.start, build.end);
  return {
    figures: {
      method: SCENARIOS[kind].method,
      buildMs: round(buildMs),
      ...(build.builder ? { builderReport: build.builder } : {}),
      indexValid,
      writes: n,
      writeErrors: data.errors,
      ...(data.lastError ? { lastWriteError: data.lastError } : {}),
      throughputPerSecond: {
        beforeBuild: round(count(warmStart, build.start) / ((build.start - warmStart) / 1000)),
        duringBuild: round(count(build.start, build.end) / (buildMs / 1000)),
        afterBuild: round(count(build.end, runEnd) / ((runEnd - build.end) / 1000)),
        wholeRun: round(n / ((runEnd - runStart) / 1000)),
        lowestOneSecondDuringBuild: minOneSecond,
        perSecond,
      },
      latencyDuringBuildMs: {
        writes: during.length,
        p50: round(quantile(during, 0.5), 2),
        p99: round(quantile(during, 0.99), 2),
        max: round(max(during), 1),
      },
      latencyBeforeBuildMs: {
        writes: warm.length,
        p50: round(quantile(warm, 0.5), 2),
        p99: round(quantile(warm, 0.99), 2),
        max: round(max(warm), 1),
      },
      longestZeroWriteIntervalMs: round(gap.ms),
      longestZeroWriteIntervalStartsAtMs: round(gap.start - build.start),
      writerEventLoopDelayMs: { p99: round(data.eventLoopDelayMs.p99, 2), max: round(data.eventLoopDelayMs.max, 1) },
      cpuDuringRun: otherPrograms,
      autovacuumRanDuringRun: countersAfter.autovacuum > countersBefore.autovacuum || countersAfter.autoanalyze > countersBefore.autoanalyze,
    },
    // Raw points for the chart, relative to the build start (ms).
    raw: {
      ends: Array.from(ends, (e) => e - build.start),
      latencies: Array.from(latencies),
      buildEndMs: buildMs,
      runStartMs: runStart - build.start,
      runEndMs: runEnd - build.start,
    },
  };
}

export async function measureWriteAvailability({ url, table, scale, workDir, log }) {
  const plain = await scenario('plain', { url, table, scale, workDir, log });
  const builder = await scenario('builder', { url, table, scale, workDir, log });
  // (c) is not in the issue: it shows what the drop in write throughput during (b) is made of on a small server
  // (CREATE INDEX's parallel workers taking every core), and what one session setting does about it.
  const serial = await scenario('serial', { url, table, scale, workDir, log });
  return {
    figures: {
      table: { name: 'bench_orders', rows: table.rows, sizeMiB: table.sizeMiB },
      index: CONCURRENT_SQL,
      writers: {
        clients: scale.writers,
        process: `a separate Node process (${scale.writers} pg connections, async loops)`,
        mix: 'alternating single-row UPDATE by random id and single-row INSERT, each autocommit',
      },
      warmupMs: scale.warmupMs,
      afterBuildMs: scale.tailMs,
      plainCreateIndex: plain.figures,
      indexBuilder: builder.figures,
      indexBuilderWithoutParallelWorkers: serial.figures,
    },
    raw: { plain: plain.raw, builder: builder.raw },
  };
}
