// The write load, run in its own process (forked by write-availability.mjs) so that nothing the orchestrator does —
// spawning the builder, waiting on a CREATE INDEX — can delay a writer's callbacks and inflate its latencies.
// N clients each loop: UPDATE one random existing row, INSERT one row, each its own autocommit transaction.
// With `tables` (health.mjs), each write is an UPDATE of a random row of one of those tables, in turn.
// Every write's start and completion are recorded (epoch ms, sub-millisecond precision) and sent back on 'stop'.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { INSERT_SQL, UPDATE_SQL } from './orders-table.mjs';

const nowMs = () => performance.timeOrigin + performance.now();

let clients = [];
let tables = null;
let running = false;
const starts = [];
const ends = [];
const kinds = []; // 0 update, 1 insert
let errors = 0;
let lastError;
const loopDelay = monitorEventLoopDelay({ resolution: 5 });

async function writerLoop(client, maxId, seed) {
  let n = seed;
  while (running) {
    const update = n % 2 === 0;
    n += 1;
    const started = nowMs();
    try {
      if (tables) {
        const table = tables[n % tables.length];
        await client.query({
          name: `u_${table}`,
          text: `UPDATE ${table} SET amount = amount + 1, updated_at = now() WHERE id = $1`,
          values: [1 + Math.floor(Math.random() * maxId)],
        });
      } else if (update) {
        await client.query({ name: 'u', text: UPDATE_SQL, values: [1 + Math.floor(Math.random() * maxId)] });
      } else {
        const customer = Math.floor(Math.random() * 100000);
        await client.query({ name: 'i', text: INSERT_SQL, values: [customer, `new${customer}@example.com`, (Math.random() * 1000).toFixed(2)] });
      }
      starts.push(started);
      ends.push(nowMs());
      kinds.push(update ? 0 : 1);
    } catch (error) {
      errors += 1;
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
}

let loops = [];
process.on('message', async (message) => {
  if (message.cmd === 'init') {
    tables = message.tables ?? null;
    clients = await Promise.all(
      Array.from({ length: message.clients }, async () => {
        const client = new pg.Client({ connectionString: message.url, application_name: 'bench-writer' });
        client.on('error', () => {});
        await client.connect();
        return client;
      }),
    );
    process.send({ type: 'ready' });
  } else if (message.cmd === 'start') {
    running = true;
    loopDelay.enable();
    loops = clients.map((client, i) => writerLoop(client, message.maxId, i));
  } else if (message.cmd === 'stop') {
    running = false;
    await Promise.all(loops);
    loopDelay.disable();
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
    process.send(
      {
        type: 'done',
        starts: Float64Array.from(starts),
        ends: Float64Array.from(ends),
        kinds: Uint8Array.from(kinds),
        errors,
        lastError,
        eventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      },
      () => process.disconnect(),
    );
  }
});
