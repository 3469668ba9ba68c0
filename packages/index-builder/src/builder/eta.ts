// How long a build should take: the table's size over the speed of earlier builds on this database (bytes of table
// per second, recorded in the marks of the indexes the builder built, marker.ts), and of this run's builds as they
// finish. With no speed known yet (a fresh database, first build) there is no estimate; from the second build on
// there is one. The estimate shows as an ETA in progress lines and in `plan`, and keeps the time budget from
// starting a build expected to end after it.
import type pg from 'pg';

const SPEED_QUERY = `
SELECT substring(d.description FROM '\\[index-builder [0-9a-f]{16} built [0-9a-f]{12} ([0-9]+)B/s\\]')::float8 AS speed
FROM pg_description d
WHERE d.classoid = 'pg_class'::regclass AND d.objsubid = 0 AND d.description LIKE '%B/s]%'`;

/** The speeds recorded in this database's marks (any role may read comments). */
export async function readRecordedSpeeds(client: pg.Client): Promise<number[]> {
  const { rows } = await client.query<{ speed: number | null }>(SPEED_QUERY);
  return rows.map((row) => row.speed).filter((speed): speed is number => speed !== null && speed > 0);
}

/** The bytes each entry's build reads: its table's, or for a partitioned table its partitions' together; 0 if missing. */
export async function readTableBytes(
  client: pg.Client,
  tables: readonly { tableSchema: string | undefined; tableName: string }[],
): Promise<number[]> {
  const { rows } = await client.query<{ bytes: string | null }>(
    `SELECT CASE WHEN t.relkind = 'p' THEN (SELECT sum(pg_table_size(p.relid)) FROM pg_partition_tree(t.oid) p) ELSE pg_table_size(t.oid) END AS bytes
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS w(table_schema, table_name, ord)
     LEFT JOIN pg_class t ON t.oid = CASE WHEN w.table_schema IS NULL THEN to_regclass(quote_ident(w.table_name))
       ELSE (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = w.table_schema AND c.relname = w.table_name) END
     ORDER BY w.ord`,
    [tables.map((t) => t.tableSchema ?? null), tables.map((t) => t.tableName)],
  );
  return rows.map((row) => Number(row.bytes ?? 0));
}

/** The speeds known so far: the median of them is the estimate's (one slow outlier does not skew it). */
export class BuildSpeeds {
  private readonly speeds: number[];

  constructor(recorded: readonly number[] = []) {
    this.speeds = [...recorded];
  }

  add(bytesPerSecond: number): void {
    if (bytesPerSecond > 0) this.speeds.push(bytesPerSecond);
  }

  get known(): boolean {
    return this.speeds.length > 0;
  }

  /** Milliseconds a build over `bytes` should take, or undefined without any speed known. */
  estimateMs(bytes: number): number | undefined {
    if (this.speeds.length === 0 || bytes <= 0) return undefined;
    const sorted = [...this.speeds].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    return Math.round((bytes / median) * 1000);
  }
}

/** `under 1 s`, `45 s`, `14 min`, `2 h 05 min`: a rough duration for an estimate (it is one). */
export function roughDuration(ms: number): string {
  if (ms < 1000) return 'under 1 s';
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Why the time budget does not start a build: it is expected to end after the budget, or undefined when it fits. */
export function overBudget(estimateMs: number | undefined, deadline: number | undefined, now: number): string | undefined {
  if (estimateMs === undefined || deadline === undefined) return undefined;
  const left = deadline - now;
  if (now + estimateMs <= deadline) return undefined;
  return `estimated ${roughDuration(estimateMs)}, ${roughDuration(left)} of budget left: not started, the next run builds it`;
}
