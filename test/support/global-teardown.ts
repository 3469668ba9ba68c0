import type { TestServer } from './server.ts';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __TEST_SERVER__?: TestServer }).__TEST_SERVER__;
  await server?.stop();
}
