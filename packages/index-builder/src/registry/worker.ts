// The worker thread a .ts/.js registry runs in (started by sandbox.ts; bundled as dist/registry-worker.js). It runs
// the module, copies its export to plain data and posts it back. `process.exit()` in a worker ends only this thread:
// the call is recorded first, so the loader can say the registry called it rather than guess.
import { parentPort } from 'node:worker_threads';
import { enableCompileCache } from '../util/compile-cache.ts';
import { plainExport } from './plain-data.ts';
import { prepareForTypeScript, runRegistryScript } from './run-script.ts';

enableCompileCache();

export interface WorkerInput {
  file: string;
  /** Int32Array [called, code]: set when the registry calls process.exit(). */
  exitCall: SharedArrayBuffer;
}

export type WorkerResult = { ok: true; result: ReturnType<typeof plainExport> } | { ok: false; name: string; message: string; stack: string };

prepareForTypeScript();

// What to load comes as a message, not as workerData: the thread can start before the registry's path is known.
parentPort!.once('message', ({ file, exitCall }: WorkerInput) => {
  const exitRecord = new Int32Array(exitCall);
  const exit = process.exit.bind(process);
  process.exit = (code?: number | string | null) => {
    Atomics.store(exitRecord, 1, Number(code ?? process.exitCode ?? 0) | 0);
    Atomics.store(exitRecord, 0, 1);
    return exit(code);
  };
  // When a registry's own await never settles, nothing is left to run and this thread just ends.
  runRegistryScript(file).then(
    async (exported) => post({ ok: true, result: plainExport(exported) }),
    async (error: unknown) => post(failure(error)),
  );
});

/** Posts the result once what the registry printed has reached the main thread: the thread ends right after. */
async function post(result: WorkerResult): Promise<void> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
  parentPort!.postMessage(result);
}

function failure(error: unknown): WorkerResult {
  return error instanceof Error
    ? { ok: false, name: String(error.name), message: String(error.message), stack: String(error.stack ?? '') }
    : { ok: false, name: 'Error', message: String(error), stack: '' };
}
