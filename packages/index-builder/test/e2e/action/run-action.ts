// Runs the committed Action bundle the way the GitHub runner does: `node dist/index.js` (or post.js) in a child
// process, inputs as INPUT_* variables, file commands in GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE files,
// and RUNNER_TEMP; the post step gets the main step's saved state as STATE_* variables.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE } from '../../support/cli.ts';

export const MAIN_JS = join(PACKAGE, 'dist/index.js');
export const POST_JS = join(PACKAGE, 'dist/post.js');

export interface Runner {
  /** The repository checkout; the step's working directory. */
  workspace: string;
  runnerTemp: string;
  files: { output: string; summary: string; state: string };
}

export interface Entry {
  name: string;
  on: string;
  critical?: boolean;
}

/** A registry as users write it: TypeScript, importing defineIndexes from 'index-builder'. */
export function registry(entries: Entry[]): string {
  const items = entries.map(
    (e) => `  {
    name: '${e.name}',
    sql: \`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${e.name}
          ON ${e.on}\`,
    critical: ${e.critical ?? false},
    description: 'Index ${e.name}',
  },`,
  );
  return `import { defineIndexes } from 'index-builder';\n\nexport default defineIndexes([\n${items.join('\n')}\n]);\n`;
}

/** A fresh workspace with `db/indexes.ts` (or `registryPath`) holding `registry`. */
export async function createRunner(registry: string, registryPath = 'db/indexes.ts'): Promise<Runner> {
  const root = await mkdtemp(join(tmpdir(), 'ib-action-'));
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'runner-temp');
  await mkdir(join(workspace, dirname(registryPath)), { recursive: true });
  await mkdir(runnerTemp, { recursive: true });
  await writeFile(join(workspace, registryPath), registry);
  const files = { output: join(root, 'output.txt'), summary: join(root, 'summary.md'), state: join(root, 'state.txt') };
  return { workspace, runnerTemp, files };
}

export interface StepOptions {
  inputs: Record<string, string>;
  /** STATE_* variables for the post step. */
  state?: Record<string, string>;
  /** false: run as outside GitHub, with no GITHUB_* files. */
  github?: boolean;
  /** More environment for the step (a workflow's `env:`), e.g. the variables a targets file's urlEnv names. */
  env?: Record<string, string>;
}

export interface StepResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  savedState: Record<string, string>;
}

/** Starts a step; `result` resolves when it exits. Each start begins with empty GITHUB_* files. */
export async function startStep(runner: Runner, script: string, options: StepOptions): Promise<{ child: ChildProcess; result: Promise<StepResult> }> {
  const github = options.github !== false;
  if (github) for (const file of Object.values(runner.files)) await writeFile(file, '');
  const env: NodeJS.ProcessEnv = {
    ...inheritedEnv(),
    ...options.env,
    NODE_OPTIONS: '',
    RUNNER_TEMP: runner.runnerTemp,
    GITHUB_WORKSPACE: runner.workspace,
  };
  if (github) {
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION: '__org_index-builder',
      GITHUB_OUTPUT: runner.files.output,
      GITHUB_STEP_SUMMARY: runner.files.summary,
      GITHUB_STATE: runner.files.state,
    });
  }
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  const child = spawn(process.execPath, [script], { cwd: runner.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<StepResult>((resolve, reject) => {
    child.on('error', reject);
    // A listener's promise would be dropped: a failed read must reject the result, not hang it.
    child.on('close', (code, signal) => {
      const read = async (file: string) => (github ? readFile(file, 'utf8') : '');
      Promise.all([read(runner.files.output), read(runner.files.summary), read(runner.files.state)]).then(
        ([output, summary, state]) =>
          resolve({ code, signal, stdout, stderr, outputs: parseFileCommands(output), summary, savedState: parseFileCommands(state) }),
        reject,
      );
    });
  });
  return { child, result };
}

export async function runStep(runner: Runner, script: string, options: StepOptions): Promise<StepResult> {
  return (await startStep(runner, script, options)).result;
}

/** `name<<ghadelimiter_UUID\nvalue\nghadelimiter_UUID` blocks, as @actions/core writes them. */
function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of text.matchAll(/^([^\n<]+)<<(ghadelimiter_[\w-]+)\r?\n([\s\S]*?)\r?\n\2\r?$/gm)) values[match[1]!] = match[3]!;
  return values;
}

/** Workflow commands of one kind (`error`, `warning`, `notice`) in stdout, with their properties. */
export function commands(stdout: string, kind: string): { properties: Record<string, string>; message: string }[] {
  const found = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = new RegExp(`^::${kind}(?: ([^:]*))?::(.*)$`).exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[1] ?? '').split(',').filter(Boolean)) {
      const [key, ...rest] = pair.split('=');
      properties[key!] = unescapeProperty(rest.join('='));
    }
    found.push({ properties, message: unescapeData(match[2]!) });
  }
  return found;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** The parent's environment without anything a real runner (when the tests run in CI) would leak into the step. */
function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(INPUT_|STATE_|GITHUB_|RUNNER_)/.test(name) && name !== 'DATABASE_URL'),
  );
}
