export default async function globalTeardown() {
  await globalThis.__INDEX_BUILDER_TEST_SERVER__?.stop();
}
