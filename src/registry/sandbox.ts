// Runs a .ts/.js registry in a worker thread that can be stopped: a deadline, a memory limit, and SIGINT/SIGTERM
// (through `signal`) end it without waiting on the registry. A promise that never settles, an endless loop or a
// `process.exit()` in a registry thus becomes a registry problem, not a hung or silently finished run.
// A worker rather than a child process: it starts in a fraction of the time, shares stdout/stderr (a registry's
// console.log still shows), and `terminate()` stops even a busy loop.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlainExport } from './plain-data.ts';
import type { WorkerInput, WorkerResult } from './worker.ts';

/** The old-generation heap a registry may use while it loads (a 50,000-entry registry needs about 100 MB). */
export const REGISTRY_MEMORY_LIMIT_MB = 1024;

export type SandboxOutcome =
  | { loaded: PlainExport }
  /** The registry threw: its error, for its message and the line its stack names. */
  | { threw: { name: string; message: string; stack: string } }
  /** It did not finish: why, in a sentence about the registry. */
  | { stopped: string; timedOut?: boolean };

/** The run was stopped by a signal while the registry loaded. */
export class RegistryLoadStopped extends Error {
  constructor(readonly signalName: string) {
    super(`stopped by ${signalName} while loading the registry`);
    this.name = 'RegistryLoadStopped';
  }
}

export interface SandboxOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export function runInSandbox(absolute: string, { timeoutMs, signal }: SandboxOptions): Promise<SandboxOutcome> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new RegistryLoadStopped(String(signal.reason)));
    const exitCall = new SharedArrayBuffer(8);
    const input: WorkerInput = { file: absolute, exitCall };
    const worker = startWorker(input);
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      // Whatever the registry left running (timers, sockets) ends with the thread.
      void worker.terminate();
      settle();
    };
    const onAbort = () => finish(() => reject(new RegistryLoadStopped(String(signal?.reason))));
    signal?.addEventListener('abort', onAbort, { once: true });
    const deadline =
      timeoutMs > 0
        ? setTimeout(
            () => finish(() => resolve({ stopped: `the registry did not finish loading within ${seconds(timeoutMs)}`, timedOut: true })),
            timeoutMs,
          )
        : undefined;
    worker.on('message', (message: WorkerResult) => finish(() => resolve(message.ok ? { loaded: message.result } : { threw: message })));
    worker.on('error', (error: Error & { code?: string }) =>
      finish(() =>
        resolve(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { stopped: `the registry used more than ${REGISTRY_MEMORY_LIMIT_MB} MB of memory while loading` }
            : { threw: { name: String(error.name), message: String(error.message), stack: String(error.stack ?? '') } },
        ),
      ),
    );
    worker.on('exit', (code) => {
      const [called, calledWith] = new Int32Array(exitCall);
      finish(() =>
        resolve({
          stopped: called
            ? `the registry called process.exit(${calledWith}) while loading`
            : code === 0 || code === 13
              ? "the registry's top-level await never settles (nothing is left that could settle it)"
              : `the registry's thread exited with code ${code} while loading`,
        }),
      );
    });
  });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function startWorker(input: WorkerInput): Worker {
  const options = { workerData: input, resourceLimits: { maxOldGenerationSizeMb: REGISTRY_MEMORY_LIMIT_MB } };
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'registry-worker.js');
  if (existsSync(bundled)) return new Worker(pathToFileURL(bundled), options);
  // From the TypeScript sources (tests): jiti compiles the worker and what it imports.
  const source = join(here, 'worker.ts');
  const jiti = createRequire(import.meta.url).resolve('jiti');
  const bootstrap = `require(${JSON.stringify(jiti)}).createJiti(${JSON.stringify(source)}).import(${JSON.stringify(source)})`;
  return new Worker(bootstrap, { ...options, eval: true });
}
