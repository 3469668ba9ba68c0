// Registry problems as data: a stable code per kind of mistake, so that the CLI, `check --json`, the Action's
// annotations and the ESLint rule key on the code, never on the English text. The docs site's table of problem codes is
// generated from this list.

/** Every kind of registry problem, with what is wrong and what to write instead, one line each. */
export const PROBLEM_CODES = {
  'unsupported-file-type': {
    problem: 'The registry file has an extension index-builder cannot read.',
    fix: 'Name it .ts, .mts, .cts, .js, .mjs, .cjs, .json, .yaml or .yml.',
  },
  'file-not-found': { problem: 'The registry file does not exist.', fix: 'Pass its path with --registry, or write one with `index-builder import`.' },
  'file-unreadable': { problem: 'The registry file exists but cannot be read.', fix: 'Give the user running index-builder read access to it.' },
  'file-syntax': { problem: 'A JSON or YAML registry does not parse, or repeats a key in one object.', fix: 'Fix the syntax at the line shown.' },
  'too-many-aliases': {
    problem: 'A YAML registry expands more aliases than allowed (a "billion laughs" document).',
    fix: 'Write the entries out, with fewer aliases (*name) of anchors (&name).',
  },
  'load-failed': { problem: 'Running a .ts/.js registry threw an error.', fix: 'Fix the error at the line shown; the module must run on its own.' },
  'load-timeout': {
    problem: 'A .ts/.js registry did not finish loading within the deadline.',
    fix: 'Make it finish (no promise that never settles, no endless loop), or raise --registry-timeout.',
  },
  'not-an-array': {
    problem: 'The registry does not export an array of entries.',
    fix: 'Write `export default defineIndexes([...])` (a list at the top of a JSON/YAML file).',
  },
  'entry-not-object': { problem: 'An entry is not an object.', fix: 'Write `{ name, sql, critical, description }`.' },
  'not-plain-data': {
    problem: 'An entry of a .ts/.js registry holds a function, a symbol or a bigint.',
    fix: 'Write the value itself (a string, true or false), computed before the export.',
  },
  'unknown-key': {
    problem: 'An entry has a key index-builder does not know (often a typo).',
    fix: 'Remove it, or spell it as one of name, sql, critical, description, constraint, or a build setting.',
  },
  'missing-name': { problem: '`name` is missing or empty.', fix: "Write the index name, as in the SQL: `name: 'idx_orders_customer'`." },
  'missing-sql': { problem: '`sql` is missing or empty.', fix: 'Write one `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` statement.' },
  'invalid-critical': { problem: '`critical` is not a boolean.', fix: 'Write `critical: true` or `critical: false`.' },
  'invalid-description': { problem: '`description` is not a string.', fix: 'Write what the index is for as a string.' },
  'invalid-build-setting': {
    problem: 'A build setting of an entry has a value of the wrong kind.',
    fix: "Write `maintenanceWorkMem: '1GB'`, `maxParallelMaintenanceWorkers: 2`, `ignoreWindow: true`.",
  },
  'sql-syntax-error': { problem: '`sql` does not parse with the PostgreSQL parser.', fix: 'Fix the statement at the sql line shown.' },
  'no-statement': { problem: '`sql` holds only comments or whitespace.', fix: 'Write one `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` statement.' },
  'multiple-statements': { problem: '`sql` holds more than one statement.', fix: 'Keep only the CREATE INDEX; one entry per index.' },
  'not-create-index': {
    problem: '`sql` is not a CREATE INDEX statement.',
    fix: 'Write a `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` statement; other DDL belongs in migrations.',
  },
  'missing-concurrently': {
    problem: 'The statement lacks CONCURRENTLY, so the build would block writes to the table.',
    fix: 'Write `CREATE INDEX CONCURRENTLY IF NOT EXISTS name ON table (...)`.',
  },
  'missing-if-not-exists': {
    problem: 'The statement lacks IF NOT EXISTS (or an index name), so a second run would fail.',
    fix: 'Write `CREATE INDEX CONCURRENTLY IF NOT EXISTS name ON table (...)`.',
  },
  'name-too-long': {
    problem: 'The index name is longer than 63 bytes; PostgreSQL would silently cut it.',
    fix: 'Choose a name of at most 63 bytes, in `name` and in `sql`.',
  },
  'name-mismatch': {
    problem: '`name` differs from the index name in `sql` (unquoted names fold to lower case).',
    fix: 'Write the same name in both.',
  },
  'schema-mismatch': {
    problem: "`name` names a schema other than the table's; an index lives in its table's schema.",
    fix: "Write the table's schema in `name`, or leave the schema out.",
  },
  'non-immutable': {
    problem: 'An index expression or predicate uses a function or value that is not immutable.',
    fix: 'Use only immutable functions and values (e.g. compare with a fixed timestamptz literal, not now()).',
  },
  'duplicate-name': { problem: 'Two entries declare the same index.', fix: 'Rename one, or delete the copy.' },
  'constraint-unknown-kind': {
    problem: '`constraint` is neither `unique` nor `primary key`.',
    fix: "Write `constraint: 'unique'` or `constraint: 'primary key'`, or leave it out.",
  },
  'constraint-needs-unique-index': {
    problem: '`constraint` is set on a CREATE INDEX that is not UNIQUE.',
    fix: 'Write `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ...`, or remove the constraint key.',
  },
  'constraint-partial-index': {
    problem: '`constraint` is set on a partial index (WHERE ...); a constraint covers every row.',
    fix: 'Drop the WHERE clause, or remove the constraint key and keep a plain unique index.',
  },
  'constraint-expression-index': {
    problem: '`constraint` is set on an index on expressions; a constraint lists plain columns.',
    fix: 'Index plain columns only, or remove the constraint key.',
  },
  'constraint-not-btree': {
    problem: '`constraint` is set on an index that is not a b-tree.',
    fix: 'Drop the USING clause, or remove the constraint key.',
  },
  'constraint-sort-order': {
    problem: '`constraint` is set on an index with a non-default sort order, opclass or collation.',
    fix: 'Use plain ascending columns, or remove the constraint key.',
  },
} as const satisfies Record<string, { problem: string; fix: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
export const PROBLEM_CODE_LIST = Object.keys(PROBLEM_CODES) as ProblemCode[];

/** The entry keys a problem can be about. */
export type EntryField =
  'name' | 'sql' | 'critical' | 'description' | 'constraint' | 'maintenanceWorkMem' | 'maxParallelMaintenanceWorkers' | 'ignoreWindow';

/** What is wrong with one entry, before it is placed in its file. */
export interface EntryProblem {
  code: ProblemCode;
  /** The key of the entry the problem is about (for `unknown-key`, the unknown key itself). */
  field?: string;
  /** What is wrong, starting with the entry's name (`idx_a: sql lacks CONCURRENTLY, ...`). */
  message: string;
  /** The exact thing to write instead. */
  fix?: string;
}

/** The problem on one line, as the CLI, the Action log and the ESLint rule print it: message, then the fix. */
export function problemText(problem: Pick<EntryProblem, 'message' | 'fix'>): string {
  return problem.fix ? `${problem.message}; ${problem.fix}` : problem.message;
}
