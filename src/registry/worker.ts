// The worker thread a .ts/.js registry runs in (started by sandbox.ts; bundled as dist/registry-worker.js). It runs
// the module, copies its export to plain data and posts it back. `process.exit()` in a worker ends only this thread:
// the call is recorded first, so the loader can say the registry called it rather than guess.
import { parentPort, workerData } from 'node:worker_threads';
import { plainExport } from './plain-data.ts';
import { runRegistryScript } from './run-script.ts';

export interface WorkerInput {
  file: string;
  /** Int32Array [called, code]: set when the registry calls process.exit(). */
  exitCall: SharedArrayBuffer;
}

export type WorkerResult = { ok: true; result: ReturnType<typeof plainExport> } | { ok: false; name: string; message: string; stack: string };

const { file, exitCall } = workerData as WorkerInput;
const exitRecord = new Int32Array(exitCall);
const exit = process.exit.bind(process);
process.exit = ((code?: number | string | null) => {
  Atomics.store(exitRecord, 1, Number(code ?? process.exitCode ?? 0) | 0);
  Atomics.store(exitRecord, 0, 1);
  return exit(code as number);
}) as typeof process.exit;

// Not a top-level await: when a registry's own await never settles, this thread just ends (Node would otherwise print
// a warning quoting this bundled file).
runRegistryScript(file).then(
  (exported) => parentPort!.postMessage({ ok: true, result: plainExport(exported) } satisfies WorkerResult),
  (error: unknown) => parentPort!.postMessage(failure(error)),
);

function failure(error: unknown): WorkerResult {
  return error instanceof Error
    ? { ok: false, name: String(error.name), message: String(error.message), stack: String(error.stack ?? '') }
    : { ok: false, name: 'Error', message: String(error), stack: '' };
}
