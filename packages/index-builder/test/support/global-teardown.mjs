// Stops the run's PostgreSQL (the db and e2e projects each call this; the first call stops it).
export default async function globalTeardown() {
  const server = globalThis.__INDEX_BUILDER_TEST_SERVER__;
  globalThis.__INDEX_BUILDER_TEST_SERVER__ = undefined;
  await server?.stop();
}
