// Nothing a run prints or writes may hold the database password: not the log, the summary, the outputs or the report.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useTestDatabase } from '../../support/db.ts';
import { commands, createRunner, MAIN_JS, registry, runStep, type StepResult } from './run-action.ts';

const db = useTestDatabase({ setup: 'CREATE TABLE leads (id serial PRIMARY KEY)' });

describe('the password never appears', () => {
  const role = `ib_secret_${process.pid}`;
  // '@' and '/' must be percent-encoded in a URL: both the encoded and the decoded forms must stay hidden.
  const password = 'Zx9-vault@Key/42';
  const encoded = encodeURIComponent(password);
  let url: string;

  beforeAll(async () => {
    await db.sql(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`);
    const parsed = new URL(db.url);
    url = `postgres://${role}:${encoded}@${parsed.host}${parsed.pathname}`;
  });

  afterAll(async () => {
    await db.sql(`DROP ROLE IF EXISTS ${role}`);
  });

  async function everything(result: StepResult): Promise<string> {
    const report = result.outputs.report ? await readFile(result.outputs.report, 'utf8') : '';
    // ::add-mask:: is how the runner learns what to mask; it consumes those lines and never shows them.
    const stdout = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    return [stdout, result.stderr, result.summary, JSON.stringify(result.outputs), report].join('\n');
  }

  it('masks the URL and every form of its password before printing anything', async () => {
    const runner = await createRunner(registry([{ name: 'idx_e2e_secret', on: 'leads (id)' }]));
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': url } });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3).every((line) => line.startsWith('::add-mask::'))).toBe(true);
    expect(lines.slice(3).some((line) => line.startsWith('::add-mask::'))).toBe(false);
    expect(
      commands(result.stdout, 'add-mask')
        .map((c) => c.message)
        .sort(),
    ).toEqual([encoded, password, url].sort());
  });

  it.each([
    ['a critical failure under fail-on: critical', (u: string) => u, 'no_such_table (x)'],
    ['a wrong password', (u: string) => u.replace(encoded, encodeURIComponent(`${password}-wrong`)), 'leads (id)'],
    ['an unreachable server', (u: string) => u.replace(/:\d+\//, ':1/'), 'leads (id)'],
    ['a malformed URL', (u: string) => u.replace('postgres://', 'postgres//'), 'leads (id)'],
  ])('in any output of %s', async (_what, makeUrl, on) => {
    const runner = await createRunner(registry([{ name: 'idx_e2e_secret_fail', on, critical: true }]));
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': makeUrl(url), 'fail-on': 'critical' } });
    expect(result.code).toBe(1);
    const output = await everything(result);
    expect(output).toMatch(/\S/);
    for (const secret of [password, encoded, `${password}-wrong`, role + ':']) expect(output).not.toContain(secret);
  });
});
