// Measurement 6 — a fleet. N databases (100 in the full run) on the one server, each a copy of a template holding
// an `orders` table, and a 5-index registry. `index-builder build --targets` runs as a child process (dist/cli.js)
// at concurrency 1, 4 and 8 (per-host set to the same value: every database is on this one server), from no index
// built each time. Reported: wall time, the most connections the builder held at once (pg_stat_activity sampled
// every 20 ms, application_name index-builder), the bound the limits imply, and the builder's peak RSS.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withClient } from './lib/db.mjs';
import { runNode, tail } from './lib/proc.mjs';
import { round } from './lib/stats.mjs';
import { CLI } from './write-availability.mjs';

const PREFIX = 'bench_fleet_';
const TEMPLATE = `${PREFIX}template`;
const CONCURRENCIES = [1, 4, 8];
const CONNECTIONS_PER_DATABASE = 3; // packages/index-builder/src/fleet/limits.ts
const INDEXES = [
  ['idx_fleet_customer', '(customer_id)'],
  ['idx_fleet_status', '(status)'],
  ['idx_fleet_created', '(created_at DESC)'],
  ['idx_fleet_customer_created', '(customer_id, created_at)'],
  ['idx_fleet_amount_paid', "(amount) WHERE status = 'paid'"],
];

const databaseName = (i) => `${PREFIX}${String(i).padStart(3, '0')}`;

function urlFor(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function dropAll(url, count) {
  await withClient(url, async (client) => {
    for (let i = 0; i < count; i += 1) await client.query(`DROP DATABASE IF EXISTS ${databaseName(i)} WITH (FORCE)`);
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  });
}

async function createFleet(url, count, rows) {
  await dropAll(url, count);
  await withClient(url, (client) => client.query(`CREATE DATABASE ${TEMPLATE}`));
  await withClient(urlFor(url, TEMPLATE), async (client) => {
    await client.query(`
      CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id int, status text, created_at timestamptz, amount numeric);
      INSERT INTO orders (customer_id, status, created_at, amount)
        SELECT g % 997, (ARRAY['new','paid','shipped'])[1 + g % 3], now() - g * interval '1 minute', g % 500
        FROM generate_series(1, ${rows}) g;`);
    await client.query('VACUUM ANALYZE orders');
  });
  await withClient(url, async (client) => {
    for (let i = 0; i < count; i += 1) await client.query(`CREATE DATABASE ${databaseName(i)} TEMPLATE ${TEMPLATE}`);
  });
}

async function dropIndexes(url, count) {
  for (let i = 0; i < count; i += 1) {
    await withClient(urlFor(url, databaseName(i)), (client) => client.query(`DROP INDEX IF EXISTS ${INDEXES.map(([name]) => name).join(', ')}`));
  }
}

/** Samples how many connections the builder holds, until `stop()`; resolves to the peak. */
function sampleConnections(url) {
  let running = true;
  const done = withClient(url, async (client) => {
    let peak = 0;
    while (running) {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'index-builder'");
      peak = Math.max(peak, rows[0].n);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return peak;
  });
  return { stop: () => ((running = false), done) };
}

export async function measureFleet({ url, scale, workDir, log }) {
  const count = scale.fleetDatabases;
  log(`  creating ${count} databases (${scale.fleetRows.toLocaleString('en-US')} orders each)...`);
  await createFleet(url, count, scale.fleetRows);
  const registry = join(workDir, 'fleet-indexes.json');
  await writeFile(
    registry,
    JSON.stringify(
      INDEXES.map(([name, on]) => ({ name, sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON orders ${on}` })),
      null,
      2,
    ),
  );
  const targets = join(workDir, 'fleet-targets.json');
  await writeFile(
    targets,
    JSON.stringify({ targets: Array.from({ length: count }, (_, i) => ({ name: databaseName(i), url: urlFor(url, databaseName(i)) })) }, null, 2),
  );
  const runs = [];
  try {
    for (const concurrency of CONCURRENCIES) {
      await dropIndexes(url, count);
      const sampler = sampleConnections(url);
      const report = join(workDir, `fleet-report-${concurrency}.json`);
      const args = [
        CLI,
        'build',
        '--registry',
        registry,
        '--targets',
        targets,
        '--concurrency',
        String(concurrency),
        '--per-host',
        String(concurrency),
        '--json',
        report,
      ];
      const result = await runNode(args, { peakRss: true });
      const peakConnections = await sampler.stop();
      if (result.code !== 0) throw new Error(`build --targets exited ${result.code}:\n${tail(result.stdout + result.stderr)}`);
      const fleet = JSON.parse(await readFile(report, 'utf8'));
      const figures = {
        concurrency,
        wallMs: round(result.wallMs),
        peakConnections,
        connectionBound: Math.min(concurrency, count) * CONNECTIONS_PER_DATABASE,
        peakRssMiB: round(result.peakRssMiB, 1),
        created: fleet.totals.created,
        failed: fleet.totals.failed,
      };
      log(
        `  concurrency ${concurrency}: ${round(result.wallMs / 1000, 2)} s, peak ${peakConnections} connections (bound ${figures.connectionBound}), peak RSS ${figures.peakRssMiB} MiB, ${figures.created} created`,
      );
      runs.push(figures);
    }
  } finally {
    // Each DROP DATABASE waits for a checkpoint: only worth it on a server that outlives the bench.
    if (process.env.BENCH_DATABASE_URL) await dropAll(url, count);
  }
  return { databases: count, rowsPerDatabase: scale.fleetRows, indexes: INDEXES.length, runs };
}
