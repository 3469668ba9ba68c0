// The table the write-availability and overhead measurements share: `bench_orders`, an orders table of N rows, and
// the index both builds create on it.
import { writeFile } from 'node:fs/promises';

export const TABLE = 'bench_orders';
export const INDEX = 'idx_bench_orders_customer_created';
const COLUMNS = '(customer_id, created_at)';

/** What a migration would run: a plain CREATE INDEX (SHARE lock: writes wait for the whole build). */
export const PLAIN_SQL = `CREATE INDEX ${INDEX} ON ${TABLE} ${COLUMNS}`;
/** The registry's statement, which the builder runs and the bare client sends as is. */
export const CONCURRENT_SQL = `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${INDEX} ON ${TABLE} ${COLUMNS}`;

export const UPDATE_SQL = `UPDATE ${TABLE} SET amount = amount + 1, updated_at = now() WHERE id = $1`;
export const INSERT_SQL = `INSERT INTO ${TABLE} (customer_id, status, email, amount, created_at, updated_at)
  VALUES ($1, 'new', $2, $3, now(), now())`;

/** Creates and fills the table, then VACUUM ANALYZE and CHECKPOINT so that every measurement starts from rest. */
export async function createOrdersTable(client, rows) {
  await client.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await client.query(`CREATE TABLE ${TABLE} (
    id          bigserial PRIMARY KEY,
    customer_id integer     NOT NULL,
    status      text        NOT NULL,
    email       text        NOT NULL,
    amount      numeric(12,2) NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
  )`);
  await client.query(
    `INSERT INTO ${TABLE} (customer_id, status, email, amount, created_at, updated_at)
     SELECT (random() * 100000)::int,
            (ARRAY['new', 'paid', 'shipped', 'cancelled'])[1 + floor(random() * 4)::int],
            'customer' || g || '@example.com',
            round((random() * 1000)::numeric, 2),
            now() - random() * interval '730 days',
            now() - random() * interval '30 days'
     FROM generate_series(1, $1::int) AS g`,
    [rows],
  );
  await client.query(`VACUUM (ANALYZE) ${TABLE}`);
  await client.query('CHECKPOINT');
  const {
    rows: [info],
  } = await client.query(`SELECT max(id)::bigint AS max_id, count(*)::bigint AS n, pg_total_relation_size($1::regclass) AS bytes FROM ${TABLE}`, [
    TABLE,
  ]);
  return { rows: Number(info.n), maxId: Number(info.max_id), sizeMiB: Math.round(Number(info.bytes) / 2 ** 20) };
}

/** Back to the state createOrdersTable left: no index, none of the rows the writers inserted, vacuumed, checkpointed. */
export async function resetOrdersTable(client, maxId) {
  await client.query(`DROP INDEX IF EXISTS ${INDEX}`);
  await client.query(`DELETE FROM ${TABLE} WHERE id > $1`, [maxId]);
  await client.query(`VACUUM (ANALYZE) ${TABLE}`);
  await client.query('CHECKPOINT');
}

/** Drops the index between timed builds, then CHECKPOINT so that no run pays for the previous one's writes. */
export async function dropIndex(client) {
  await client.query(`DROP INDEX IF EXISTS ${INDEX}`);
  await client.query('CHECKPOINT');
}

/** A one-entry JSON registry declaring the index. */
export async function writeOneEntryRegistry(file) {
  const entry = { name: INDEX, sql: CONCURRENT_SQL, critical: false, description: 'bench: orders by customer and date' };
  await writeFile(file, `${JSON.stringify([entry], null, 2)}\n`);
}

/** Vacuum and analyze counters of the table, to tell whether autovacuum ran during a measurement. */
export async function maintenanceCounters(client) {
  const { rows } = await client.query(
    `SELECT autovacuum_count::int AS autovacuum, autoanalyze_count::int AS autoanalyze FROM pg_stat_user_tables WHERE relname = $1`,
    [TABLE],
  );
  return rows[0] ?? { autovacuum: 0, autoanalyze: 0 };
}
