// Starts a throwaway PostgreSQL and prints its URL; stops it on Ctrl-C. Handy while developing.
import { startEmbeddedServer } from './embedded-server.mjs';

const server = await startEmbeddedServer();
console.log(server.url);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
