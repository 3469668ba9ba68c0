// Running the product (and the tools compared with it) as child processes, the way users run them, with timing.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PEAK_RSS_HOOK = pathToFileURL(fileURLToPath(new URL('./peak-rss-hook.mjs', import.meta.url))).href;

/** Wall-clock now in epoch milliseconds with sub-millisecond precision, comparable across processes. */
export const nowMs = () => performance.timeOrigin + performance.now();

/**
 * Runs `command args` and resolves (never rejects for a non-zero exit) to its exit code, output and wall time,
 * measured from just before spawn to the 'close' event.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string,string|undefined>, timeoutMs?: number }} [options]
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const startedAt = nowMs();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    let timer;
    if (options.timeoutMs) timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const endedAt = nowMs();
      resolve({
        code,
        signal,
        startedAt,
        endedAt,
        wallMs: endedAt - startedAt,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/**
 * Runs a Node script in a child `node` process (this one's Node, or the binary `options.node`); with `peakRss`, also
 * reports the child's peak RSS in MiB.
 */
export async function runNode(args, options = {}) {
  const node = options.node ?? process.execPath;
  if (!options.peakRss) return run(node, args, options);
  const file = join(tmpdir(), `index-builder-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const result = await run(node, ['--import', PEAK_RSS_HOOK, ...args], {
    ...options,
    env: { ...options.env, BENCH_PEAK_RSS_FILE: file },
  });
  try {
    result.peakRssMiB = JSON.parse(await readFile(file, 'utf8')).maxRssKiB / 1024;
  } catch {
    result.peakRssMiB = null;
  }
  await rm(file, { force: true });
  return result;
}

/** The last lines of a child's output, for error messages. */
export function tail(text, lines = 15) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
