// Each test file gets its own database on the run's PostgreSQL server, so files can run in parallel without
// sharing tables or the builder's advisory lock.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the jest global setup starts a server and sets it');
  return url;
}

export interface TestDatabase {
  url: string;
  name: string;
  /** Runs SQL on a short-lived connection. */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Opens a connection the test manages itself (e.g. to hold a lock). */
  connect(): Promise<pg.Client>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `ib_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const database: TestDatabase = {
    url: url.toString(),
    name,
    async sql<R extends pg.QueryResultRow>(text: string, params?: unknown[]) {
      const client = await database.connect();
      try {
        return await client.query<R>(text, params);
      } finally {
        await client.end();
      }
    },
    async connect() {
      const client = new pg.Client({ connectionString: database.url });
      client.on('error', () => {});
      await client.connect();
      return client;
    },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
  return database;
}

/** The catalog state of an index: undefined when missing. */
export async function indexState(db: TestDatabase, name: string): Promise<{ valid: boolean } | undefined> {
  const { rows } = await db.sql<{ valid: boolean }>(
    `SELECT x.indisvalid AS valid FROM pg_class i JOIN pg_index x ON x.indexrelid = i.oid WHERE i.relname = $1`,
    [name],
  );
  return rows[0];
}

/** Polls `check` until it is true or `timeoutMs` passes. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The server process id behind a connection. */
export async function pidOf(client: pg.Client): Promise<number> {
  return (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
}
