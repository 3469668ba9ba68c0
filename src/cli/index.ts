#!/usr/bin/env node
import { enableCompileCache } from '../util/compile-cache.ts';

enableCompileCache();
// A .ts/.js registry runs in a worker thread: it starts now, while the commands load.
const sandbox = await import('../registry/sandbox.ts');
if (sandbox.loadsScriptRegistry(process.argv.slice(2))) sandbox.prestartRegistryWorker();
const { main } = await import('./main.ts');

// SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) stop the run cleanly: the running build is cancelled on the
// server, its leftover dropped, and the partial report printed. A second signal exits at once.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(signal);
  });
}

process.exitCode = await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  signal: controller.signal,
});
