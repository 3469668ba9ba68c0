// Starts a throwaway PostgreSQL and prints its URL; stops it on Ctrl-C. Handy while developing.
import { startEmbeddedServer } from './embedded-server.mjs';

const server = await startEmbeddedServer();
console.log(server.url);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
// A signal handler's returned promise would be dropped: say so, and report a failed stop instead of losing it.
const onSignal = () =>
  void stop().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
setInterval(() => {}, 1 << 30);
