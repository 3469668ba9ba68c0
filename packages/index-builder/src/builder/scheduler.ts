// Runs a run's entries up to `parallel` at a time, in their order (critical first), but never two whose tables
// overlap: two builds on one table, or on one partitioned table's parts, would only queue on PostgreSQL's lock (and
// two concurrent builds on one table can deadlock). An entry whose table is busy waits while later entries on other
// tables go ahead. Each task is given its slot (0 to parallel - 1): slot 0 uses the run's build session.
import type pg from 'pg';

/**
 * Runs `task(i, slot)` for every i < count; `keysOf(i)` are the tables entry i locks (no two tasks sharing a key run
 * at once). Resolves once every task has settled; a task must not throw.
 */
export async function runScheduled(
  count: number,
  parallel: number,
  keysOf: (i: number) => readonly string[],
  task: (i: number, slot: number) => Promise<void>,
): Promise<void> {
  const pending = Array.from({ length: count }, (_, i) => i);
  const busy = new Set<string>();
  const freeSlots = Array.from({ length: Math.max(1, parallel) }, (_, slot) => slot).reverse();
  const running = new Set<Promise<void>>();
  while (pending.length > 0 || running.size > 0) {
    let started = false;
    while (freeSlots.length > 0) {
      const at = pending.findIndex((i) => keysOf(i).every((key) => !busy.has(key)));
      if (at === -1) break;
      const [i] = pending.splice(at, 1) as [number];
      const slot = freeSlots.pop()!;
      const keys = keysOf(i);
      for (const key of keys) busy.add(key);
      const run: Promise<void> = task(i, slot).finally(() => {
        for (const key of keys) busy.delete(key);
        freeSlots.push(slot);
        freeSlots.sort((a, b) => b - a);
        running.delete(run);
      });
      running.add(run);
      started = true;
    }
    if (running.size === 0 && !started) break; // unreachable: an idle scheduler has every key free
    if (running.size > 0) await Promise.race(running);
  }
}

/**
 * The tables each entry's build locks: its table and every partitioned table above it (by oid). A table that does not
 * exist locks only its name. Looked up by name as catalog.ts does (to_regclass on a schema the role may not use raises).
 */
export async function tableLockKeys(
  client: pg.Client,
  tables: readonly { tableSchema: string | undefined; tableName: string }[],
): Promise<string[][]> {
  const { rows } = await client.query<{ keys: string[] | null }>(
    `SELECT (SELECT array_agg(a.relid::oid::text) FROM pg_partition_ancestors(t.oid) a) AS keys
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(table_schema, table_name, ord)
     LEFT JOIN pg_class t ON t.oid = CASE WHEN w.table_schema IS NULL THEN to_regclass(quote_ident(w.table_name))
       ELSE (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = w.table_schema AND c.relname = w.table_name) END
     ORDER BY w.ord`,
    [tables.map((t) => t.tableSchema ?? null), tables.map((t) => t.tableName)],
  );
  return rows.map((row, i) => row.keys ?? [`name:${tables[i]!.tableSchema ?? ''}.${tables[i]!.tableName}`]);
}

const SERIALIZED = Symbol('index-builder serialized queries');

/**
 * Makes the client send one query at a time, each after the previous has settled: the control session is shared by
 * the watchers of every build in flight, and pg deprecates queuing queries on a busy client. Idempotent.
 */
export function serializeQueries(client: pg.Client): pg.Client {
  const marked = client as pg.Client & { [SERIALIZED]?: true };
  if (marked[SERIALIZED]) return client;
  marked[SERIALIZED] = true;
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let last: Promise<unknown> = Promise.resolve();
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const next = last.then(
      () => query(...args),
      () => query(...args),
    );
    last = next.catch(() => {});
    return next;
  };
  return client;
}
