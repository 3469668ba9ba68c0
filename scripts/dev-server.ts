// Starts a throwaway PostgreSQL and prints its URL; stops it on Ctrl-C. Handy while developing.
import { startTestServer } from '../test/support/server.ts';

const server = await startTestServer();
console.log(server.url);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
