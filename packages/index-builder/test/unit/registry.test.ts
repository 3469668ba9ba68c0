import { mkdtemp, writeFile } from 'node:fs/promises';
import { expect } from '@jest/globals';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { syntaxError } from '../../src/registry/json-registry.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { problemText, type EntryProblem } from '@index-builder/sql-core/registry';
import { validateEntry } from '@index-builder/sql-core/registry';

const at = { file: 'db/indexes.ts', line: 7 };
const good = {
  name: 'idx_leads_status',
  sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status)',
  critical: false,
  description: 'Filtering leads by status',
};

function entryProblems(raw: unknown): EntryProblem[] {
  const result = validateEntry(raw, 0, at);
  if (!Array.isArray(result)) throw new Error(`expected a problem, got a valid entry for ${JSON.stringify(raw)}`);
  return result;
}

/** The entry's one problem (it has exactly one). */
function entryProblem(raw: unknown): EntryProblem {
  const [only, ...more] = entryProblems(raw);
  expect(more).toEqual([]);
  return only!;
}

/** The problem as printed: message, then the fix. */
function problem(raw: unknown): string {
  return problemText(entryProblem(raw));
}

describe('validateEntry', () => {
  it('accepts a concurrent, idempotent, named CREATE INDEX and reads what the builder needs', () => {
    const entry = validateEntry({ ...good, sql: good.sql.replace('ON leads', 'ON crm.leads') }, 0, at);
    expect(entry).toEqual({
      name: 'idx_leads_status',
      sql: good.sql.replace('ON leads', 'ON crm.leads'),
      critical: false,
      description: 'Filtering leads by status',
      schema: 'crm',
      indexName: 'idx_leads_status',
      tableSchema: 'crm',
      tableName: 'leads',
      unique: false,
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      location: at,
    });
  });

  it('accepts UNIQUE, partial and expression indexes, and defaults critical to false', () => {
    const entry = validateEntry(
      { name: 'idx_u', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_u ON users (lower(email)) WHERE deleted_at IS NULL' },
      0,
      at,
    );
    expect(entry).toMatchObject({ unique: true, critical: false, description: undefined });
  });

  it.each([
    [
      'a second statement',
      `${good.sql}; DROP TABLE leads`,
      'multiple-statements',
      'sql holds 2 statements (CREATE INDEX, DROP); an entry holds exactly one CREATE INDEX',
    ],
    ['a DROP', 'DROP INDEX CONCURRENTLY IF EXISTS idx_leads_status', 'not-create-index', 'sql is DROP, not CREATE INDEX'],
    [
      'a syntax error',
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status',
      'sql-syntax-error',
      'sql does not parse: syntax error at end of input (sql line 1)',
    ],
    ['no statement', '-- nothing', 'no-statement', 'sql holds no statement'],
    [
      'no CONCURRENTLY',
      'CREATE INDEX IF NOT EXISTS idx_leads_status ON leads (status)',
      'missing-concurrently',
      'sql lacks CONCURRENTLY, so the build would block writes to leads; write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (...)',
    ],
    ['no IF NOT EXISTS', 'CREATE INDEX CONCURRENTLY idx_leads_status ON leads (status)', 'missing-if-not-exists', 'sql lacks IF NOT EXISTS'],
    [
      'no index name',
      'CREATE INDEX CONCURRENTLY ON leads (status)',
      'missing-if-not-exists',
      'sql lacks IF NOT EXISTS, so a second run would fail; write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (...)',
    ],
    [
      'another name',
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_other ON leads (status)',
      'name-mismatch',
      'name "idx_leads_status" differs from the index name in sql, "idx_other"',
    ],
    [
      'now() in a predicate',
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status) WHERE created_at > now()',
      'non-immutable',
      'sql calls now()',
    ],
  ])('rejects %s', (_what, sql, code, message) => {
    expect(entryProblem({ ...good, sql }).code).toBe(code);
    expect(problem({ ...good, sql })).toContain(`idx_leads_status: ${message}`);
  });

  it('splits a problem into what is wrong, the field it concerns, and the exact fix', () => {
    expect(entryProblems({ ...good, sql: 'CREATE INDEX idx_leads_status ON crm.leads (status)' })).toEqual([
      {
        code: 'missing-concurrently',
        field: 'sql',
        message: 'idx_leads_status: sql lacks CONCURRENTLY, so the build would block writes to leads',
        fix: 'write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON crm.leads (...)',
      },
      {
        code: 'missing-if-not-exists',
        field: 'sql',
        message: 'idx_leads_status: sql lacks IF NOT EXISTS, so a second run would fail',
        fix: 'write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON crm.leads (...)',
      },
    ]);
  });

  it.each([
    ['a schema-qualified function', 'ON musicbrainz.place USING gist (public.ll_to_earth(coordinates[0], coordinates[1]))'],
    ['a schema-qualified operator', 'ON musicbrainz.place USING btree (id) WHERE ((pos OPERATOR(public.<->) point(0, 0)) < 10)'],
    ['a schema-qualified type', "ON app.items USING btree (id) WHERE (state = 'done'::public.item_state)"],
  ])('accepts %s, as import writes it', (_what, rest) => {
    const entry = validateEntry({ name: 'idx_q', sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_q ${rest}` }, 0, at);
    expect(Array.isArray(entry) ? entry.map(problemText) : []).toEqual([]);
  });

  it('reports every problem of an entry, each with its field, not only the first', () => {
    const raw = { name: 'idx_a', sql: 'CREATE INDEX idx_b ON leads (status) WHERE created_at > now()', critical: 'yes', critcal: true };
    expect(entryProblems(raw).map((p) => [p.code, p.field])).toEqual([
      ['unknown-key', 'critcal'],
      ['invalid-critical', 'critical'],
      ['missing-concurrently', 'sql'],
      ['missing-if-not-exists', 'sql'],
      ['name-mismatch', 'name'],
      ['non-immutable', 'sql'],
    ]);
    expect(entryProblems({ critical: 1 }).map((p) => p.code)).toEqual(['missing-name', 'missing-sql', 'invalid-critical']);
  });

  it('explains case folding when the names differ only by case', () => {
    expect(problem({ ...good, name: 'IDX_Leads', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_Leads ON leads (status)' })).toBe(
      'IDX_Leads: name "IDX_Leads" differs from the index name in sql, "idx_leads" (PostgreSQL folds unquoted names to lower case); ' +
        'write name: \'idx_leads\', or quote "IDX_Leads" in sql',
    );
  });

  it('rejects names longer than 63 bytes, counting bytes not characters', () => {
    const name = `idx_${'é'.repeat(30)}`; // 4 + 60 bytes
    const found = entryProblem({ ...good, name, sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS "${name}" ON leads (status)` });
    expect(found).toMatchObject({ code: 'name-too-long', field: 'name', message: `${name}: name "${name}" is 64 bytes; PostgreSQL keeps only 63` });
  });

  it.each([
    [
      { ...good, critical: 'yes' },
      'invalid-critical',
      'critical',
      'idx_leads_status: "critical" must be true or false, found "yes"; write critical: true or critical: false',
    ],
    [
      { ...good, description: 42 },
      'invalid-description',
      'description',
      'idx_leads_status: "description" must be a string; write what the index is for, in quotes',
    ],
    [
      { ...good, critcal: true },
      'unknown-key',
      'critcal',
      'idx_leads_status: unknown key "critcal"; remove it, or write one of name, sql, critical, description, constraint, maintenanceWorkMem, maxParallelMaintenanceWorkers, ignoreWindow',
    ],
    [{ sql: good.sql }, 'missing-name', 'name', 'entry 1: "name" must be a non-empty string; write the index name, as in the sql'],
    [
      { name: 'idx_a' },
      'missing-sql',
      'sql',
      'idx_a: "sql" must be a non-empty string; write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON ... (...)',
    ],
    ['CREATE INDEX ...', 'entry-not-object', undefined, 'entry 1 must be an object with name and sql; write { name, sql, critical, description }'],
  ])('rejects malformed entry %#', (raw, code, field, message) => {
    expect([entryProblem(raw).code, entryProblem(raw).field]).toEqual([code, field]);
    expect(problem(raw)).toBe(message);
  });

  it("rejects a schema in the name that is not the table's schema", () => {
    const raw = { ...good, name: 'billing.idx_leads_status', sql: good.sql.replace('ON leads', 'ON crm.leads') };
    expect(entryProblem(raw)).toMatchObject({ code: 'schema-mismatch', field: 'name', fix: "write name: 'crm.idx_leads_status'" });
    expect(problem(raw)).toContain('name says schema "billing" but the table is in "crm"');
  });
});

describe("a .json registry's syntax error, from JSON.parse's message on each Node", () => {
  const text = '[\n  { "name": "a" }\n  { "name": "b" }\n]\n';
  it.each([
    ['Node 20: at position N', "Expected ',' or ']' after array element in JSON at position 22"],
    ['newer V8: at position N (line L column C)', "Expected ',' or ']' after array element in JSON at position 22 (line 3 column 3)"],
    ['line and column alone', "Expected ',' or ']' after array element in JSON (line 3 column 3)"],
  ])('%s', (_node, message) => {
    expect(syntaxError(text, message)).toEqual({
      message: "not valid JSON: expected ',' or ']' after array element at line 3, column 3",
      line: 3,
    });
  });

  it('finds the place itself when the message quotes the text instead, and never repeats the quote', () => {
    const trailing = '[\n  { "name": "a" },\n]\n';
    expect(syntaxError(trailing, 'Unexpected token \']\', "[\n  { "name"... is not valid JSON')).toEqual({
      message: 'not valid JSON: trailing comma at line 2, column 18 (JSON allows none)',
      line: 2,
      fix: 'remove the comma',
    });
    expect(syntaxError('[\n  x\n]', 'Unexpected token \'x\', "[\n  x\n]" is not valid JSON')).toEqual({
      message: 'not valid JSON: unexpected "x" at line 2, column 3',
      line: 2,
    });
  });
});

describe('loadRegistry', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ib-registry-'));
  });
  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  const shown = (path: string) => relative(process.cwd(), path);

  it("loads a .ts registry that imports defineIndexes from index-builder, with each entry's line", async () => {
    const path = await write(
      'indexes.ts',
      `import { defineIndexes, type IndexDef } from 'index-builder';

const extra: IndexDef[] = [];
export default defineIndexes([
  {
    name: 'idx_a',
    sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (x)',
  },
  {
    name: 'idx_b',
    sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_b ON b (x)',
    critical: true,
  },
  ...extra,
]);
`,
    );
    const registry = await loadRegistry(path);
    expect(registry.problems).toEqual([]);
    expect(registry.entries.map((e) => [e.name, e.location.line, e.critical])).toEqual([
      ['idx_a', 6, false],
      ['idx_b', 10, true],
    ]);
  });

  it('reports problems of a .js registry as file:line, duplicates pointing at the first declaration', async () => {
    const path = await write(
      'indexes.mjs',
      `export default [
  { name: 'idx_a', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (x)' },
  { name: 'idx_b', sql: 'CREATE INDEX idx_b ON b (x)' },
  { name: 'idx_a', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (y)' },
];
`,
    );
    const registry = await loadRegistry(path);
    expect(registry.problems.map((p) => p.code)).toEqual(['missing-concurrently', 'missing-if-not-exists', 'duplicate-name']);
    expect(registry.problems.map((p) => `${p.location.file}:${p.location.line}: ${problemText(p)}`)).toEqual([
      `${shown(path)}:3: idx_b: sql lacks CONCURRENTLY, so the build would block writes to b; write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_b ON b (...)`,
      `${shown(path)}:3: idx_b: sql lacks IF NOT EXISTS, so a second run would fail; write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_b ON b (...)`,
      `${shown(path)}:4: idx_a: duplicate name; already declared at ${shown(path)}:2; rename one, or delete the copy`,
    ]);
  });

  it('treats the same name in two different schemas as two indexes', async () => {
    const path = await write(
      'schemas.json',
      JSON.stringify([
        { name: 'a.idx_x', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON a.t (x)' },
        { name: 'b.idx_x', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_x ON b.t (x)' },
      ]),
    );
    expect((await loadRegistry(path)).problems).toEqual([]);
  });

  it('reads JSON and YAML registries with entry lines, a problem at the line of the key it is about', async () => {
    const json = await write(
      'indexes.json',
      '[\n  {\n    "name": "idx_a",\n    "sql": "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (x)"\n  },\n  {\n    "name": "idx_b",\n    "sql": "DROP INDEX idx_b"\n  }\n]\n',
    );
    const yaml = await write(
      'indexes.yaml',
      `- name: idx_a
  sql: CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON a (x)
  critical: true
- name: idx_b
  sql: >
    CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_b
    ON b (x) WHERE y IS NULL
`,
    );
    const fromJson = await loadRegistry(json);
    expect(fromJson.entries.map((e) => e.location.line)).toEqual([2]);
    expect(fromJson.problems).toEqual([
      {
        code: 'not-create-index',
        field: 'sql',
        location: { file: shown(json), line: 8 },
        entry: 1,
        message: 'idx_b: sql is DROP, not CREATE INDEX',
        fix: 'other DDL belongs in a migration',
      },
    ]);
    const fromYaml = await loadRegistry(yaml);
    expect(fromYaml.problems).toEqual([]);
    expect(fromYaml.entries.map((e) => [e.name, e.location.line, e.critical, e.tableName])).toEqual([
      ['idx_a', 1, true, 'a'],
      ['idx_b', 4, false, 'b'],
    ]);
  });

  it.each([
    [
      'a trailing comma after the last entry',
      '[\n  { "name": "idx_a", "sql": "x" },\n]\n',
      2,
      'trailing comma at line 2, column 34 (JSON allows none)',
    ],
    ['a trailing comma in an entry', '[\n  {\n    "name": "idx_a",\n    "sql": "x",\n  }\n]\n', 4, 'trailing comma at line 4, column 15'],
    ['a missing comma', '[\n  { "name": "a" }\n  { "name": "b" }\n]\n', 3, "expected ',' or ']' after array element at line 3, column 3"],
    ['a comment', '[\n  // none\n]\n', 2, 'unexpected "/" at line 2, column 3'],
    ['single quotes', "[\n  { 'name': 'a' }\n]\n", 2, 'at line 2, column 5'],
    ['an unterminated file', '[\n  { "name": "a"', 2, 'at line 2, column 16'],
    ['a key repeated in an entry', '[\n  {\n    "name": "a",\n    "name": "b"\n  }\n]\n', 4, 'key "name" is repeated in one object'],
  ])('reads .json strictly: %s is a syntax error at its true line', async (_what, text, line, message) => {
    const path = await write('strict.json', text);
    const registry = await loadRegistry(path);
    expect(registry.problems.map((p) => [p.code, p.location.line])).toEqual([['file-syntax', line]]);
    expect(registry.problems[0]!.message).toContain(message);
  });

  it('places each problem of an entry at the line of its key in JSON and YAML', async () => {
    const json = await write(
      'three.json',
      '[\n  {\n    "name": "idx_a",\n    "sql": "CREATE INDEX CONCURRENTLY idx_a ON a (x)",\n    "critical": "yes",\n    "critcal": true\n  }\n]\n',
    );
    const yaml = await write('three.yaml', '- name: idx_a\n  sql: CREATE INDEX CONCURRENTLY idx_a ON a (x)\n  critical: "yes"\n  critcal: true\n');
    expect((await loadRegistry(json)).problems.map((p) => [p.location.line, p.code, p.field])).toEqual([
      [4, 'missing-if-not-exists', 'sql'],
      [5, 'invalid-critical', 'critical'],
      [6, 'unknown-key', 'critcal'],
    ]);
    expect((await loadRegistry(yaml)).problems.map((p) => [p.location.line, p.code, p.field])).toEqual([
      [2, 'missing-if-not-exists', 'sql'],
      [3, 'invalid-critical', 'critical'],
      [4, 'unknown-key', 'critcal'],
    ]);
  });

  it('loads TypeScript that only a transform runs: enums, extensionless imports, import.meta, dynamic imports', async () => {
    await write('tables.ts', "export const table: string = 'leads';\n");
    const path = await write(
      'transformed.ts',
      `import { defineIndexes, type IndexDef } from 'index-builder';
import { table } from './tables';
enum Column { Status = 'status' }
const here = new URL('.', import.meta.url).pathname;
const { table: again } = await import('./tables.ts');
const extra = [] satisfies IndexDef[];
export default defineIndexes([
  { name: 'idx_t', sql: \`CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_t ON \${table} (\${Column.Status})\`, description: here + again },
  ...extra,
]);
`,
    );
    const registry = await loadRegistry(path);
    expect(registry.problems).toEqual([]);
    expect(registry.entries.map((e) => [e.name, e.location.line, e.tableName, e.description])).toEqual([['idx_t', 8, 'leads', `${dir}/leads`]]);
  });

  it.each([
    [
      'decorated.ts',
      'function dec(t: unknown) {\n  return t;\n}\n@dec\nclass A {}\nexport default [A];\n',
      4,
      'cannot load the registry: decorators are not supported in a registry: @dec (4:1)',
    ],
    ['syntax.ts', 'const x: number = 1;\nconst y = (;\nexport default [];\n', 2, 'cannot load the registry: Unexpected token (2:12)'],
  ])('reports what the transform cannot run in %s on one line, at its line', async (name, text, line, message) => {
    const path = await write(name, text);
    const registry = await loadRegistry(path);
    const [only, ...more] = registry.problems;
    expect(more).toEqual([]);
    expect([only?.code, only?.location]).toEqual(['load-failed', { file: shown(path), line }]);
    expect(only?.message).toContain(message);
    expect(only?.message).not.toContain('\n');
  });

  it.each([
    ['missing.ts', undefined, 1, 'file-not-found', 'registry file not found'],
    ['broken.json', '[{"name": ', 1, 'file-syntax', 'not valid JSON'],
    ['object.json', '{"name": "idx_a"}', 1, 'not-an-array', 'the registry must be an array of index definitions, found object'],
    ['throws.ts', "const x = 1;\nthrow new Error('boom');\nexport default [];\n", 2, 'load-failed', 'cannot load the registry: boom'],
    ['indexes.txt', 'x', 1, 'unsupported-file-type', 'unsupported registry file type ".txt"'],
  ])('reports a bad file %s on one line', async (name, text, line, code, message) => {
    const path = text === undefined ? join(dir, name) : await write(name, text);
    const registry = await loadRegistry(path);
    expect(registry.entries).toEqual([]);
    expect(registry.problems).toHaveLength(1);
    expect(registry.problems[0]!.location).toEqual({ file: shown(path), line });
    expect(registry.problems[0]!.code).toBe(code);
    expect(registry.problems[0]!.message).toContain(message);
    expect(registry.problems[0]!.message).not.toContain('\n');
  });
});
