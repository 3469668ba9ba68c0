// src/action/main.ts run() in-process, with @actions/core mocked (jest.unstable_mockModule) and a real PostgreSQL:
// the inputs it reads, the outputs it sets through core.setOutput, and the index in the database.
// (e2e/action/action.test.ts runs the bundled dist/index.js as the runner does; this runs the sources.)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it, jest } from '@jest/globals';
import { indexState, useTestDatabase } from '../support/db.ts';

const inputs: Record<string, string> = {};
const outputs: Record<string, string> = {};
const failures: string[] = [];
const noop = () => undefined;

jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => inputs[name] ?? '',
  setOutput: (name: string, value: unknown) => {
    outputs[name] = String(value);
  },
  setFailed: (message: string) => failures.push(message),
  setSecret: noop,
  saveState: noop,
  getState: () => '',
  info: noop,
  warning: noop,
  error: noop,
  notice: noop,
  debug: noop,
  startGroup: noop,
  endGroup: noop,
  summary: { addRaw: () => ({ write: () => Promise.resolve() }) },
}));
const { run } = await import('../../src/action/main.ts');

const db = useTestDatabase({ setup: 'CREATE TABLE inproc_orders (id serial PRIMARY KEY, created_at timestamptz DEFAULT now())' });
let dir: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-action-main-'));
  await writeFile(
    join(dir, 'indexes.json'),
    JSON.stringify([{ name: 'inproc_created_idx', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS inproc_created_idx ON inproc_orders (created_at)' }]),
  );
});
afterAll(async () => {
  process.env = savedEnv;
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  for (const record of [inputs, outputs]) for (const key of Object.keys(record)) delete record[key];
  failures.length = 0;
  // A GitHub-like environment: outputs go to the runner; the JSON report under RUNNER_TEMP.
  process.env = { ...savedEnv, GITHUB_OUTPUT: join(dir, 'output'), RUNNER_TEMP: dir, GITHUB_ACTION: 'inproc' };
});

it('builds the registry and sets every output through core.setOutput', async () => {
  Object.assign(inputs, { 'database-url': db.url, registry: join(dir, 'indexes.json') });
  await run();
  expect(failures).toEqual([]);
  expect(outputs).toMatchObject({ created: '1', rebuilt: '0', skipped: '0', failed: '0', deferred: '0', 'critical-failed': 'false' });
  expect(outputs.report).toBe(join(dir, 'index-builder-report-inproc.json'));
  expect(await indexState(db, 'inproc_created_idx')).toEqual({ valid: true });

  await run();
  expect(outputs).toMatchObject({ created: '0', skipped: '1' });
});

it('fails the step on a bad input, naming it, before touching the database, and still sets every output', async () => {
  Object.assign(inputs, { 'database-url': db.url, registry: join(dir, 'indexes.json'), 'lock-timeout': 'soon' });
  await run();
  expect(failures).toEqual([expect.stringMatching(/^index-builder: Invalid input "lock-timeout": /)]);
  // A workflow that reads the outputs finds them: the outcome says why nothing ran.
  expect(outputs).toMatchObject({ outcome: 'invalid-input', created: '0', failed: '0', 'dry-run': 'false', 'critical-failed': 'false', report: '' });
});
