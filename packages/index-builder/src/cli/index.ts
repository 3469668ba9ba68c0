#!/usr/bin/env node
import { safeLine } from '../render/safe-text.ts';
import { secretsFromEnv } from '../db/secrets.ts';
import { enableCompileCache } from '../util/compile-cache.ts';
import { ExitCode } from './io.ts';
import { lineWriterTolerantOfClose } from './closed-stdout.ts';

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
    if (controller.signal.aborted) process.exit(ExitCode.SIGINT);
    controller.abort(signal);
  });
}

// main adds the URLs it is given. An error thrown where nothing awaits it (a registry's timer, a stray promise)
// ends the run with one line without them, not Node's stack trace.
const secrets = secretsFromEnv(process.env);
const err = (line: string) => process.stderr.write(`${line}\n`);
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    err(safeLine(secrets.redact(`index-builder stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`)));
    process.exit(ExitCode.FAILED);
  });
}

process.exitCode = await main(process.argv.slice(2), {
  out: lineWriterTolerantOfClose(process.stdout),
  err,
  env: process.env,
  signal: controller.signal,
  secrets,
});
