// src/cli/main.ts in-process: every line it prints, and every JSON file it writes, hides the run's database
// password and holds no text that a GitHub runner would take for a workflow command, whatever produced it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ExitCode, type Io } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-cli-output-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PASSWORD = 'S3cr|t<pw>';
const URL = `postgres://app:${encodeURIComponent(PASSWORD)}@db.invalid:5432/app`;

async function runMain(argv: string[], env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const io: Io = { out: (line) => lines.push(line), err: (line) => lines.push(line), env };
  return { code: await main(argv, io), lines };
}

it('check: a registry error quoting $DATABASE_URL is printed and written without its password', async () => {
  const registry = join(dir, 'leak.ts');
  const json = join(dir, 'problems.json');
  // In-process the registry sees jest's environment, so it holds the text it throws.
  await writeFile(registry, `throw new Error(${JSON.stringify(`${URL} / ${PASSWORD}`)});\n`);
  const { code, lines } = await runMain(['check', '--registry', registry, '--json', json], { DATABASE_URL: URL });
  expect(code).toBe(ExitCode.FAILED);
  expect(lines.join('\n')).toContain('cannot load the registry: postgres://app:***@db.invalid:5432/app / ***');
  const written = await readFile(json, 'utf8');
  for (const text of [lines.join('\n'), written]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
  }
});

it('a URL given as an argument is hidden too, however the argument is written', async () => {
  const registry = join(dir, 'argv.ts');
  await writeFile(registry, `throw new Error(${JSON.stringify(`${URL} / ${PASSWORD}`)});\n`);
  for (const argv of [['-d', URL], [`--database-url=${URL}`], [`-d${URL}`]]) {
    const { lines } = await runMain(['plan', '--registry', registry, ...argv], {});
    expect(lines.join('\n')).toContain('cannot load the registry: postgres://app:***@db.invalid:5432/app / ***');
  }
});

it('prints a registry problem quoting a hostile name as one line that starts no workflow command', async () => {
  const registry = join(dir, 'hostile.json');
  await writeFile(registry, JSON.stringify([{ name: 'idx\n::error file=x,line=1::forged', sql: 'DROP TABLE users' }]));
  const { lines } = await runMain(['check', '--registry', registry], {});
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(line.trimStart()).not.toMatch(/^::/);
  }
  expect(lines.join('\n')).toContain('idx\\n::error file=x,line=1::forged');
});
