// Test databases on the run's PostgreSQL server: each test file gets its own, so files can run in parallel without
// sharing tables or the builder's advisory lock. `useTestDatabase()` owns one's whole life inside a test file.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach } from '@jest/globals';
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
  /** Opens a connection the test may keep (e.g. to hold a lock): it is closed after the test that opened it. */
  connect(): Promise<pg.Client>;
}

export interface TestDatabaseOptions {
  /** SQL run once, when the database has been created (tables or functions every test of the file reads). */
  setup?: string;
  /** SQL run before every test, so each starts from the same tables. */
  reset?: string;
}

export interface TestDatabaseHandle extends TestDatabase {
  /** Registers work to run before the database is dropped (stop a pooler, end a session), last registered first. */
  cleanup(step: () => unknown): void;
}

/** Runs SQL on the server's own database (CREATE/DROP DATABASE, roles, pg_stat_activity of every database). */
export async function serverSql<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await client.query<R>(text, params);
  } finally {
    await client.end();
  }
}

async function createDatabase(): Promise<TestDatabase & { drop(): Promise<void> }> {
  const name = `ib_test_${randomBytes(5).toString('hex')}`;
  await serverSql(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const database = {
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
      await serverSql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
  return database;
}

interface Session {
  pid: number;
  application_name: string;
  state: string | null;
  query: string;
}

/** How long sessions of a finished client (a killed child, a pool being emptied) get to leave before they count as leaked. */
const LEAK_GRACE_MS = 3_000;

/** The sessions still connected to the database once the grace period is over. */
async function lingeringSessions(name: string): Promise<Session[]> {
  const deadline = Date.now() + LEAK_GRACE_MS;
  for (;;) {
    const { rows } = await serverSql<Session>(
      `SELECT pid, application_name, state, query FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() ORDER BY pid`,
      [name],
    );
    if (rows.length === 0 || Date.now() >= deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function describeLeak(name: string, sessions: Session[]): string {
  const lines = sessions.map(
    (s) =>
      `  pid ${s.pid}${s.application_name ? ` (${s.application_name})` : ''}, ${s.state ?? 'no state'}: ${s.query.replace(/\s+/g, ' ').slice(0, 200)}`,
  );
  return [`${sessions.length} connection(s) to the test database ${name} were left open after its tests:`, ...lines].join('\n');
}

/**
 * A database for the tests of the enclosing file or describe block: created before them, dropped after them even when
 * one fails. Every client opened through `connect()` is closed after the test (or, if opened outside a test, after the
 * block); a connection still open when the block ends, whoever opened it, fails the block with its pid and query.
 * The handle's fields can be read only inside tests and hooks.
 */
export function useTestDatabase(options: TestDatabaseOptions = {}): TestDatabaseHandle {
  let database: (TestDatabase & { drop(): Promise<void> }) | undefined;
  let inTest = false;
  const blockClients = new Set<pg.Client>();
  const testClients = new Set<pg.Client>();
  const cleanups: (() => unknown)[] = [];

  const current = () => {
    if (!database) throw new Error('useTestDatabase(): the database exists only inside tests and hooks');
    return database;
  };
  const closeAll = async (clients: Set<pg.Client>) => {
    const closing = [...clients].map((client) => client.end().catch(() => {}));
    clients.clear();
    await Promise.all(closing);
  };

  beforeAll(async () => {
    database = await createDatabase();
    if (options.setup) await database.sql(options.setup);
  });
  beforeEach(async () => {
    inTest = true;
    if (options.reset) await current().sql(options.reset);
  });
  afterEach(async () => {
    inTest = false;
    await closeAll(testClients);
  });
  afterAll(async () => {
    const finished = database;
    if (!finished) return;
    try {
      for (const step of cleanups.splice(0).reverse()) await step();
      await closeAll(blockClients);
      const leaked = await lingeringSessions(finished.name);
      if (leaked.length > 0) throw new Error(describeLeak(finished.name, leaked));
    } finally {
      database = undefined;
      await finished.drop();
    }
  });

  return {
    get url() {
      return current().url;
    },
    get name() {
      return current().name;
    },
    sql<R extends pg.QueryResultRow>(text: string, params?: unknown[]) {
      return current().sql<R>(text, params);
    },
    async connect() {
      const client = await current().connect();
      const owner = inTest ? testClients : blockClients;
      owner.add(client);
      client.once('end', () => owner.delete(client));
      return client;
    },
    cleanup(step) {
      cleanups.push(step);
    },
  };
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
