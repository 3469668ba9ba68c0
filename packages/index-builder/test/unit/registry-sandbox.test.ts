// A .ts/.js registry runs in a worker thread (src/registry/sandbox.ts): what a hostile or broken registry gets back,
// loaded from the sources as the library does. The same through the bundled CLI and a real server:
// test/registry-sandbox.test.ts.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadRegistry } from '../../src/registry/load.ts';
import { RegistryLoadStopped } from '../../src/registry/sandbox.ts';
import { MAX_YAML_ALIASES } from '../../src/registry/yaml-registry.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-sandbox-'));
});

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const shown = (path: string) => relative(process.cwd(), path);
const sql = (name: string) => `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON t (a)`;

describe('a .ts/.js registry that does not finish', () => {
  it('is stopped at the deadline, as a load-timeout problem', async () => {
    const path = await write('pending.ts', 'await new Promise(() => setInterval(() => {}, 1000));\nexport default [];\n');
    const registry = await loadRegistry(path, { timeoutMs: 3000 });
    expect(registry.problems).toEqual([
      {
        code: 'load-timeout',
        location: { file: shown(path), line: 1 },
        message: 'the registry did not finish loading within 3 s',
        fix: 'make it finish (no promise that never settles, no endless loop), or raise --registry-timeout',
      },
    ]);
  });

  it('is stopped in an endless loop, at the deadline', async () => {
    const path = await write('loop.mjs', 'for (;;) {}\n');
    const registry = await loadRegistry(path, { timeoutMs: 3000 });
    expect(registry.problems.map((problem) => problem.code)).toEqual(['load-timeout']);
  });

  it('says at once when its top-level await can never settle', async () => {
    const path = await write('never.ts', 'await new Promise(() => {});\nexport default [];\n');
    const registry = await loadRegistry(path, { timeoutMs: 60_000 });
    expect(registry.problems).toEqual([
      {
        code: 'load-failed',
        location: { file: shown(path), line: 1 },
        message: "the registry's top-level await never settles (nothing is left that could settle it)",
      },
    ]);
  });

  it('reports process.exit() as a registry problem, and the run goes on', async () => {
    const path = await write('exit.ts', "console.log('leaving');\nprocess.exit(0);\nexport default [];\n");
    const registry = await loadRegistry(path);
    expect(registry.problems).toEqual([
      { code: 'load-failed', location: { file: shown(path), line: 1 }, message: 'the registry called process.exit(0) while loading' },
    ]);
  });

  it('stops loading when the run is cancelled, even in an endless loop', async () => {
    const path = await write('spin.mjs', 'for (;;) {}\n');
    const cancel = new AbortController();
    const loading = loadRegistry(path, { timeoutMs: 60_000, signal: cancel.signal });
    setTimeout(() => cancel.abort('SIGTERM'), 200);
    const stopped = await loading.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(RegistryLoadStopped);
    expect((stopped as RegistryLoadStopped).signalName).toBe('SIGTERM');
    expect((stopped as Error).message).toBe('stopped by SIGTERM while loading the registry');
  });
});

describe('what a registry exports', () => {
  it('names an entry field holding a function, symbol or bigint, and still validates the other entries', async () => {
    const path = await write(
      'functions.ts',
      [
        'export default [',
        `  { name: 'idx_a', sql: () => '${sql('idx_a')}' },`,
        `  { name: 'idx_b', sql: '${sql('idx_b')}', description: Symbol('b') },`,
        `  { name: 'idx_c', sql: 'CREATE INDEX idx_c ON t (a)' },`,
        `  { name: 'idx_d', sql: '${sql('idx_d')}', critical: 1n },`,
        '];',
        '',
      ].join('\n'),
    );
    const registry = await loadRegistry(path);
    expect(registry.problems.map(({ code, field, location, message }) => ({ code, field, line: location.line, message }))).toEqual([
      { code: 'not-plain-data', field: 'sql', line: 2, message: 'idx_a: "sql" is a function; a registry exports plain data' },
      { code: 'not-plain-data', field: 'description', line: 3, message: 'idx_b: "description" is a symbol; a registry exports plain data' },
      { code: 'missing-concurrently', field: 'sql', line: 4, message: 'idx_c: sql lacks CONCURRENTLY, so the build would block writes to t' },
      { code: 'missing-if-not-exists', field: 'sql', line: 4, message: 'idx_c: sql lacks IF NOT EXISTS, so a second run would fail' },
      { code: 'not-plain-data', field: 'critical', line: 5, message: 'idx_d: "critical" is a bigint; a registry exports plain data' },
    ]);
  });

  it('reads a class instance entry by its own properties', async () => {
    const path = await write(
      'classes.ts',
      [
        'class Index {',
        '  constructor(readonly name: string, readonly sql: string) {}',
        '}',
        `export default [new Index('idx_a', '${sql('idx_a')}')];`,
        '',
      ].join('\n'),
    );
    const registry = await loadRegistry(path);
    expect(registry.problems).toEqual([]);
    expect(registry.entries.map((entry) => entry.name)).toEqual(['idx_a']);
  });

  it('says what a registry exported instead of an array, even a function', async () => {
    const path = await write('function.ts', 'export default () => [];\n');
    const registry = await loadRegistry(path);
    expect(registry.problems.map((problem) => [problem.code, problem.message])).toEqual([
      ['not-an-array', 'the registry must be an array of index definitions, found function'],
    ]);
  });

  it("prints the registry's console.log and finds each entry's line among many", async () => {
    const entries = Array.from({ length: 2000 }, (_, i) => `  { name: 'idx_${i}', sql: '${sql(`idx_${i}`)}' },`);
    // The last entry is invalid: its line is found by its name.
    entries.push("  { name: 'idx_bad', sql: 'CREATE INDEX idx_bad ON t (a)', ...{} },");
    const path = await write('many.ts', `console.log('from the registry');\nexport default [\n${entries.join('\n')}\n];\n`);
    const registry = await loadRegistry(path);
    expect(registry.entries).toHaveLength(2000);
    expect(registry.problems.map((problem) => [problem.code, problem.location.line])).toEqual([
      ['missing-concurrently', 2003],
      ['missing-if-not-exists', 2003],
    ]);
  });
});

describe('a YAML registry', () => {
  it('refuses an alias bomb with a problem at its first alias', async () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const previous = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const path = await write('bomb.yaml', `- name: idx_a\n  sql: x\n  lol:\n${levels.map((line) => `    ${line}`).join('\n')}\n`);
    const registry = await loadRegistry(path);
    expect(registry.problems).toEqual([
      {
        code: 'too-many-aliases',
        location: { file: shown(path), line: 5 },
        message: `the YAML expands its aliases more than ${MAX_YAML_ALIASES.toLocaleString('en-US')} times (a "billion laughs" document), starting with *a`,
        fix: 'write the entries out, with fewer aliases',
      },
    ]);
  });

  it('still takes an anchor used by hundreds of entries', async () => {
    const entries = Array.from(
      { length: 300 },
      (_, i) => `- name: idx_${i}\n  sql: ${sql(`idx_${i}`)}\n  critical: ${i === 0 ? '&yes true' : '*yes'}`,
    );
    const registry = await loadRegistry(await write('anchors.yaml', `${entries.join('\n')}\n`));
    expect(registry.problems).toEqual([]);
    expect(registry.entries.filter((entry) => entry.critical)).toHaveLength(300);
  });
});
