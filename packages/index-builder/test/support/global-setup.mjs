// Starts one real PostgreSQL for the whole run, unless TEST_DATABASE_URL names a server to use instead (the db and
// e2e projects each call this: the first starts the server and sets TEST_DATABASE_URL, the second finds it set).
import { startEmbeddedServer } from '../../../../tools/embedded-server.mjs';

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startEmbeddedServer();
  process.env.TEST_DATABASE_URL = server.url;
  globalThis.__INDEX_BUILDER_TEST_SERVER__ = server;
}
