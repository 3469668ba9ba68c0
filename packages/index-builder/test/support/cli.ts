// Runs the committed, bundled CLI the way a user does: `node dist/cli.js ...` in a child process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root (action.yml, examples/, node_modules/). */
export const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
/** The index-builder package (its dist/ and scripts/). */
export const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, DATABASE_URL: '', NODE_OPTIONS: '', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
