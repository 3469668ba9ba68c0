// Measurements 7–9 — builds that respect the database's health.
//  7. Fresh build: 40 indexes on 8 tables (1,000,000 rows each at full scale) with `--parallel 1, 2, 4`, against a
//     plain script sending the same CREATE INDEX CONCURRENTLY statements one after another on one connection; under
//     the write load of write-availability.mjs (writers.mjs, spread over the 8 tables): wall time, the longest
//     interval without a completed write during the build, and the peak of the builder's connections.
//  8. Steady state, what every deploy pays: a 100-entry registry whose indexes all exist; wall time of `build`
//     (node dist/cli.js, spawn to exit).
//  9. A streaming replica whose replay is throttled (paused and resumed in turns): `build --max-replica-lag`; the
//     replay lag sampled on the primary against the bound, at each build's start and overall, and how long the
//     builder waited.
import { fork } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { withClient } from './lib/db.mjs';
import { nowMs, runNode, tail } from './lib/proc.mjs';
import { longestGap, max, median, round } from './lib/stats.mjs';
import { CLI } from './write-availability.mjs';

const WRITERS = fileURLToPath(new URL('./lib/writers.mjs', import.meta.url));
const TABLES = Array.from({ length: 8 }, (_, i) => `bench_fresh_${i + 1}`);
/** Five indexes per table: 40 in all. */
const COLUMNS = ['(customer_id)', '(status, created_at)', '(email)', '(amount)', '(created_at DESC)'];

function freshEntries() {
  return TABLES.flatMap((table, t) =>
    COLUMNS.map((columns, c) => ({
      name: `idx_${table}_${c + 1}`,
      sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_${table}_${c + 1} ON ${table} ${columns}`,
      // One critical index per table: they go first.
      ...(c === 0 ? { critical: true } : {}),
      ...(t === 0 && c === 0 ? { description: 'Orders by customer' } : {}),
    })),
  );
}

async function createFreshTables(url, rows, log) {
  await withClient(url, async (client) => {
    for (const table of TABLES) {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      await client.query(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, email text NOT NULL,
                            amount numeric(12,2) NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)`);
      await client.query(
        `INSERT INTO ${table} (customer_id, status, email, amount, created_at, updated_at)
         SELECT (g::bigint * 7919) % 100000, (ARRAY['new','paid','shipped','cancelled'])[1 + g % 4], 'c' || (g % 100000) || '@example.com',
                (g % 100000) / 100.0, timestamptz '2024-01-01' + g * interval '1 second', now()
         FROM generate_series(1, $1) g`,
        [rows],
      );
      await client.query(`VACUUM ANALYZE ${table}`);
      log(`    loaded ${table}`);
    }
  });
}

async function dropFreshIndexes(url) {
  await withClient(url, async (client) => {
    for (const entry of freshEntries()) await client.query(`DROP INDEX IF EXISTS ${entry.name}`);
    await client.query('CHECKPOINT');
  });
}

/** The write load of write-availability.mjs, over the given tables. */
async function startWriters(url, clients, tables) {
  const child = fork(WRITERS, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (m) => m.type === type && (child.off('message', onMessage), resolve(m));
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`the writer process exited (${code}) before "${type}"`)));
    });
  child.send({ cmd: 'init', url, clients, tables });
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

/**
 * Samples the builder's connections (client backends of application_name index-builder) until stopped, and apart
 * from them the parallel workers its builds use (they carry the leader's application_name but are no connections).
 */
function sampleConnections(url) {
  const peak = { connections: 0, workers: 0 };
  let running = true;
  const done = withClient(url, async (client) => {
    while (running) {
      const { rows } = await client.query(
        `SELECT count(*) FILTER (WHERE backend_type = 'client backend')::int AS connections,
                count(*) FILTER (WHERE backend_type = 'parallel worker')::int AS workers
         FROM pg_stat_activity WHERE application_name = 'index-builder'`,
      );
      peak.connections = Math.max(peak.connections, rows[0].connections);
      peak.workers = Math.max(peak.workers, rows[0].workers);
      await sleep(25);
    }
  });
  return {
    stop: async () => {
      running = false;
      await done;
      return peak;
    },
  };
}

/** The same statements as a plain script: one connection, one after another (what `psql -f` would send). */
async function plainScript(url) {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-plain-script' });
  await client.connect();
  try {
    for (const entry of freshEntries()) await client.query(entry.sql);
  } finally {
    await client.end();
  }
}

async function builderRun(url, registry, reportFile, extraArgs) {
  const result = await runNode([CLI, 'build', '--registry', registry, '--database-url', url, '--json', reportFile, ...extraArgs], {
    timeoutMs: 3_600_000,
  });
  if (result.code !== 0) throw new Error(`index-builder build exited ${result.code}:\n${tail(result.stdout + result.stderr)}`);
  const report = JSON.parse(await readFile(reportFile, 'utf8'));
  return { report, stdout: result.stdout };
}

export async function measureFreshBuild({ url, scale, workDir, log }) {
  const rows = scale.freshRows;
  log(`    loading 8 tables of ${rows.toLocaleString('en-US')} rows...`);
  await createFreshTables(url, rows, log);
  const registry = join(workDir, 'registry-fresh.json');
  const reportFile = join(workDir, 'report-fresh.json');
  await writeFile(registry, JSON.stringify(freshEntries(), null, 2));
  const tableMiB = await withClient(url, async (c) =>
    round(Number((await c.query(`SELECT sum(pg_table_size(t::regclass)) AS b FROM unnest($1::text[]) t`, [TABLES])).rows[0].b) / 1024 ** 2),
  );
  const modes = [{ mode: 'plain script (one connection, in order)', run: () => plainScript(url) }];
  for (const parallel of [1, 2, 4]) {
    modes.push({
      mode: `index-builder --parallel ${parallel}`,
      parallel,
      run: async () => {
        const { report } = await builderRun(url, registry, reportFile, ['--parallel', String(parallel), '--progress-interval', '10min']);
        if (report.totals.created !== 40)
          throw new Error(`--parallel ${parallel} created ${report.totals.created} of 40: ${JSON.stringify(report.totals)}`);
        return report;
      },
    });
  }
  const results = [];
  for (const mode of modes) {
    await dropFreshIndexes(url);
    // The writers update rows 1..rows of every table; none of them is new, so every run builds over the same rows.
    const writers = await startWriters(url, scale.writers, TABLES);
    const connections = sampleConnections(url);
    writers.start(rows);
    await sleep(1000);
    log(`    ${mode.mode}...`);
    const start = nowMs();
    await mode.run();
    const end = nowMs();
    await sleep(500);
    const peakConnections = await connections.stop();
    const data = await writers.stop();
    const result = {
      mode: mode.mode,
      wallSeconds: round((end - start) / 1000, 1),
      longestZeroWriteMs: round(longestGap([...data.ends], start, end).ms, 1),
      writes: [...data.ends].filter((t) => t >= start && t <= end).length,
      writeErrors: data.errors,
      peakBuilderConnections: mode.parallel ? peakConnections.connections : null,
      connectionBound: mode.parallel ? 1 + 2 * mode.parallel : null,
      peakParallelWorkers: mode.parallel ? peakConnections.workers : null,
    };
    results.push(result);
    log(
      `      ${result.wallSeconds} s, longest zero-write ${result.longestZeroWriteMs} ms, peak connections ${result.peakBuilderConnections ?? '-'}`,
    );
  }
  await withClient(url, async (c) => {
    for (const table of TABLES) await c.query(`DROP TABLE IF EXISTS ${table}`);
  });
  return { tables: TABLES.length, indexes: 40, rowsPerTable: rows, tablesMiB: tableMiB, writers: scale.writers, results };
}

export async function measureSteadyState({ url, scale, workDir, log }) {
  const tables = Array.from({ length: 10 }, (_, i) => `bench_steady_${i + 1}`);
  await withClient(url, async (client) => {
    for (const table of tables) {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      await client.query(`CREATE TABLE ${table} (id bigserial PRIMARY KEY, ${Array.from({ length: 10 }, (_, c) => `c${c} int`).join(', ')})`);
      await client.query(`INSERT INTO ${table} (c0) SELECT g FROM generate_series(1, 1000) g`);
    }
  });
  const entries = tables.flatMap((table) =>
    Array.from({ length: 10 }, (_, c) => ({
      name: `idx_${table}_c${c}`,
      sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_${table}_c${c} ON ${table} (c${c})`,
    })),
  );
  const registry = join(workDir, 'registry-steady.json');
  await writeFile(registry, JSON.stringify(entries, null, 2));
  const build = () => runNode([CLI, 'build', '--registry', registry, '--database-url', url]);
  const first = await build();
  if (first.code !== 0) throw new Error(`the first build exited ${first.code}:\n${tail(first.stdout + first.stderr)}`);
  const times = [];
  for (let i = 0; i < scale.steadyRuns; i += 1) {
    const result = await build();
    if (result.code !== 0 || !result.stdout.includes('Skipped:        100'))
      throw new Error(`a steady-state build did not skip all 100:\n${tail(result.stdout)}`);
    times.push(result.wallMs);
  }
  const node = [];
  for (let i = 0; i < 5; i += 1) node.push((await runNode(['-e', '0'])).wallMs);
  log(`    build of 100 existing indexes: median ${round(median(times))} ms over ${times.length} runs (node -e 0: ${round(median(node))} ms)`);
  await withClient(url, async (client) => {
    for (const table of tables) await client.query(`DROP TABLE IF EXISTS ${table}`);
  });
  return { entries: 100, runs: times.length, medianMs: round(median(times)), maxMs: round(max(times)), nodeStartMs: round(median(node)) };
}

/** Pauses and resumes replay on the standby in turns (`pausedMs` of every `periodMs`) until stopped. */
function throttleReplay(standbyUrl, pausedMs, periodMs) {
  let running = true;
  const done = withClient(standbyUrl, async (client) => {
    while (running) {
      await client.query('SELECT pg_wal_replay_pause()');
      await sleep(pausedMs);
      await client.query('SELECT pg_wal_replay_resume()');
      await sleep(periodMs - pausedMs);
    }
  });
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/**
 * Samples the largest replay lag on the primary every 50 ms, and the indexes being built: the lag at a build's
 * start is the last sample before its index first shows in pg_stat_progress_create_index.
 */
function sampleLag(url) {
  const samples = [];
  const atStarts = [];
  const seen = new Set();
  let running = true;
  const done = withClient(url, async (client) => {
    let previousLag = 0;
    while (running) {
      const { rows } = await client.query(
        // As the gate reads it: a replica that has replayed all the WAL there is has no lag, whatever replay_lag
        // still shows (PostgreSQL keeps its last measure for a while once no new WAL comes).
        `SELECT coalesce((SELECT max(CASE WHEN pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) <= 0 THEN 0
                                          ELSE extract(epoch FROM replay_lag) * 1000 END) FROM pg_stat_replication), 0)::float8 AS lag,
                (SELECT coalesce(array_agg(index_relid::int), '{}') FROM pg_stat_progress_create_index WHERE index_relid <> 0) AS building`,
      );
      const { lag, building } = rows[0];
      for (const index of building) {
        if (seen.has(index)) continue;
        seen.add(index);
        atStarts.push(previousLag);
      }
      samples.push({ at: nowMs(), lagMs: lag });
      previousLag = lag;
      await sleep(50);
    }
  });
  return {
    samples,
    atStarts,
    stop: async () => {
      running = false;
      await done;
      return samples;
    },
  };
}

export async function measureThrottledReplica({ url, scale, workDir, log, startStandby, primary }) {
  const standby = await startStandby(primary);
  try {
    const rows = scale.replicaRows;
    await withClient(url, async (client) => {
      await client.query('DROP TABLE IF EXISTS bench_replica');
      await client.query('CREATE TABLE bench_replica (id bigserial PRIMARY KEY, a int, b int, c text)');
      await client.query('INSERT INTO bench_replica (a, b, c) SELECT g % 1000, g % 77, md5(g::text) FROM generate_series(1, $1) g', [rows]);
    });
    await standby.waitForReplay(120_000);
    const entries = ['a', 'b', 'c', 'a, b', 'b, c', 'c, a'].map((columns, i) => ({
      name: `idx_bench_replica_${i + 1}`,
      sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_bench_replica_${i + 1} ON bench_replica (${columns})`,
    }));
    const registry = join(workDir, 'registry-replica.json');
    const reportFile = join(workDir, 'report-replica.json');
    await writeFile(registry, JSON.stringify(entries, null, 2));
    const boundMs = scale.replicaBoundMs;
    log(`    replay paused ${scale.replicaPausedMs} ms of every ${scale.replicaPeriodMs} ms; build --max-replica-lag ${boundMs}ms...`);
    const throttle = throttleReplay(standby.url, scale.replicaPausedMs, scale.replicaPeriodMs);
    const lag = sampleLag(url);
    const start = nowMs();
    const result = await runNode(
      [
        CLI,
        'build',
        '--registry',
        registry,
        '--database-url',
        url,
        '--json',
        reportFile,
        '--max-replica-lag',
        `${boundMs}ms`,
        '--progress-interval',
        '1s',
      ],
      { timeoutMs: 1_800_000 },
    );
    const end = nowMs();
    const samples = await lag.stop();
    await throttle.stop();
    if (result.code !== 0) throw new Error(`index-builder build exited ${result.code}:\n${tail(result.stdout + result.stderr)}`);
    const report = JSON.parse(await readFile(reportFile, 'utf8'));
    const waitedMs = report.indexes.reduce((sum, index) => sum + (index.heldBack?.waitedMs ?? 0), 0);
    const during = samples.filter((s) => s.at >= start && s.at <= end);
    await writeFile(join(workDir, 'replica-build.log'), result.stdout);
    const figures = {
      rows,
      indexes: entries.length,
      boundMs,
      throttle: `replay paused ${scale.replicaPausedMs} ms of every ${scale.replicaPeriodMs} ms`,
      wallSeconds: round((end - start) / 1000, 1),
      created: report.totals.created,
      heldBackIndexes: report.indexes.filter((index) => index.heldBack).length,
      builderWaitedSeconds: round(waitedMs / 1000, 1),
      maxLagAtBuildStartMs: round(max(lag.atStarts) ?? 0),
      buildStartsSeen: lag.atStarts.length,
      maxLagObservedMs: round(max(during.map((s) => s.lagMs)) ?? 0),
      medianLagObservedMs: round(median(during.map((s) => s.lagMs)) ?? 0),
      lagSamples: during.length,
    };
    log(
      `      ${figures.wallSeconds} s, waited ${figures.builderWaitedSeconds} s, lag at build starts max ${figures.maxLagAtBuildStartMs} ms, overall max ${figures.maxLagObservedMs} ms (bound ${boundMs} ms), ${figures.created} created`,
    );
    await withClient(url, (c) => c.query('DROP TABLE IF EXISTS bench_replica'));
    return figures;
  } finally {
    await standby.stop();
  }
}
