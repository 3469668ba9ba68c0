// Starts one real PostgreSQL for the whole run, unless TEST_DATABASE_URL names a server to use instead.
import { startEmbeddedServer } from '../../scripts/embedded-server.mjs';

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startEmbeddedServer();
  process.env.TEST_DATABASE_URL = server.url;
  globalThis.__INDEX_BUILDER_TEST_SERVER__ = server;
}
