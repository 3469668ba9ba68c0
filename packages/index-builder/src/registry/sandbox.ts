// Runs a .ts/.js registry in a worker thread that can be stopped: a deadline, a memory limit, and SIGINT/SIGTERM
// (through `signal`) end it without waiting on the registry. A promise that never settles, an endless loop or a
// `process.exit()` in a registry thus becomes a registry problem, not a hung or silently finished run.
// A worker rather than a child process: it starts in a fraction of the time, shares stdout/stderr (a registry's
// console.log still shows), and `terminate()` stops even a busy loop.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { finished } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { SETTING_DEFAULTS } from '../defaults.ts';
import type { PlainExport } from './plain-data.ts';
import type { WorkerInput, WorkerResult } from './worker.ts';

/** The old-generation heap a registry may use while it loads (a 50,000-entry registry needs about 100 MB). */
const REGISTRY_MEMORY_LIMIT_MB = 1024;

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
    const worker = spare ?? startWorker();
    spare = undefined;
    worker.ref();
    worker.stdout.pipe(process.stdout, { end: false });
    worker.stderr.pipe(process.stderr, { end: false });
    worker.postMessage({ file: absolute, exitCall } satisfies WorkerInput);
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      // Whatever the registry left running (timers, sockets) ends with the thread, and its memory is given back
      // before validation needs its own. What it printed is all written out before anything of ours follows.
      const printed = Promise.all([worker.stdout, worker.stderr].map((stream) => finished(stream).catch(() => {})));
      worker
        .terminate()
        .then(() => printed)
        .then(settle, settle);
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

let spare: Worker | undefined;

/**
 * Starts the registry's thread ahead of need (the CLI does, before it loads its commands), so that Node's start-up
 * of the thread overlaps the rest of the CLI's. It does not keep the process alive and is never used twice.
 */
export function prestartRegistryWorker(): void {
  spare ??= startWorker();
  spare.unref();
}

/** Whether these CLI arguments load a .ts/.js registry (check, plan or build, with --registry or its default). */
export function loadsScriptRegistry(argv: readonly string[]): boolean {
  if (!['check', 'plan', 'build'].includes(argv[0] ?? '')) return false;
  let registry: string = SETTING_DEFAULTS.registry;
  argv.forEach((arg, i) => {
    if (arg === '-r' || arg === '--registry') registry = argv[i + 1] ?? registry;
    else if (arg.startsWith('--registry=')) registry = arg.slice('--registry='.length);
  });
  return /\.[mc]?[jt]s$/i.test(registry);
}

function startWorker(): Worker {
  // The thread's stdout and stderr come to us as streams (piped on once the thread is used: a pipe would keep an idle
  // thread's process alive): they end only once all that the registry printed has arrived, which the result (posted
  // on another port) may overtake.
  const options = { resourceLimits: { maxOldGenerationSizeMb: REGISTRY_MEMORY_LIMIT_MB }, stdout: true, stderr: true };
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'registry-worker.js');
  const source = join(here, 'worker.ts');
  // From the TypeScript sources (tests): jiti compiles the worker and what it imports.
  const worker = existsSync(bundled)
    ? new Worker(pathToFileURL(bundled), options)
    : new Worker(
        `require(${JSON.stringify(createRequire(import.meta.url).resolve('jiti'))}).createJiti(${JSON.stringify(source)}).import(${JSON.stringify(source)})`,
        { ...options, eval: true },
      );
  return worker;
}
