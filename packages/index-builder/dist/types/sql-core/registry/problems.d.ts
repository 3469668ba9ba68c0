/** Every kind of registry problem, with what is wrong and what to write instead, one line each. */
export declare const PROBLEM_CODES: {
    readonly 'unsupported-file-type': {
        readonly problem: "The registry file has an extension index-builder cannot read.";
        readonly fix: "Name it .ts, .mts, .cts, .js, .mjs, .cjs, .json, .yaml or .yml.";
    };
    readonly 'file-not-found': {
        readonly problem: "The registry file does not exist.";
        readonly fix: "Pass its path with --registry, or write one with `index-builder import`.";
    };
    readonly 'file-unreadable': {
        readonly problem: "The registry file exists but cannot be read.";
        readonly fix: "Give the user running index-builder read access to it.";
    };
    readonly 'file-syntax': {
        readonly problem: "A JSON or YAML registry does not parse, or repeats a key in one object.";
        readonly fix: "Fix the syntax at the line shown.";
    };
    readonly 'too-many-aliases': {
        readonly problem: "A YAML registry expands more aliases than allowed (a \"billion laughs\" document).";
        readonly fix: "Write the entries out, with fewer aliases (*name) of anchors (&name).";
    };
    readonly 'load-failed': {
        readonly problem: "Running a .ts/.js registry threw an error.";
        readonly fix: "Fix the error at the line shown; the module must run on its own.";
    };
    readonly 'load-timeout': {
        readonly problem: "A .ts/.js registry did not finish loading within the deadline.";
        readonly fix: "Make it finish (no promise that never settles, no endless loop), or raise --registry-timeout.";
    };
    readonly 'not-an-array': {
        readonly problem: "The registry does not export an array of entries.";
        readonly fix: "Write `export default defineIndexes([...])` (a list at the top of a JSON/YAML file).";
    };
    readonly 'entry-not-object': {
        readonly problem: "An entry is not an object.";
        readonly fix: "Write `{ name, sql, critical, description }`.";
    };
    readonly 'not-plain-data': {
        readonly problem: "An entry of a .ts/.js registry holds a function, a symbol or a bigint.";
        readonly fix: "Write the value itself (a string, true or false), computed before the export.";
    };
    readonly 'unknown-key': {
        readonly problem: "An entry has a key index-builder does not know (often a typo).";
        readonly fix: "Remove it, or spell it as one of name, sql, critical, description, constraint, or a build setting.";
    };
    readonly 'missing-name': {
        readonly problem: "`name` is missing or empty.";
        readonly fix: "Write the index name, as in the SQL: `name: 'idx_orders_customer'`.";
    };
    readonly 'missing-sql': {
        readonly problem: "`sql` is missing or empty.";
        readonly fix: "Write one `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` statement.";
    };
    readonly 'invalid-critical': {
        readonly problem: "`critical` is not a boolean.";
        readonly fix: "Write `critical: true` or `critical: false`.";
    };
    readonly 'invalid-description': {
        readonly problem: "`description` is not a string.";
        readonly fix: "Write what the index is for as a string.";
    };
    readonly 'invalid-build-setting': {
        readonly problem: "A build setting of an entry has a value of the wrong kind.";
        readonly fix: "Write `maintenanceWorkMem: '1GB'`, `maxParallelMaintenanceWorkers: 2`, `ignoreWindow: true`.";
    };
    readonly 'sql-syntax-error': {
        readonly problem: "`sql` does not parse with the PostgreSQL parser.";
        readonly fix: "Fix the statement at the sql line shown.";
    };
    readonly 'no-statement': {
        readonly problem: "`sql` holds only comments or whitespace.";
        readonly fix: "Write one `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` statement.";
    };
    readonly 'multiple-statements': {
        readonly problem: "`sql` holds more than one statement.";
        readonly fix: "Keep only the CREATE INDEX; one entry per index.";
    };
    readonly 'not-create-index': {
        readonly problem: "`sql` is not a CREATE INDEX statement.";
        readonly fix: "Write a `CREATE INDEX CONCURRENTLY IF NOT EXISTS ...` statement; other DDL belongs in migrations.";
    };
    readonly 'missing-concurrently': {
        readonly problem: "The statement lacks CONCURRENTLY, so the build would block writes to the table.";
        readonly fix: "Write `CREATE INDEX CONCURRENTLY IF NOT EXISTS name ON table (...)`.";
    };
    readonly 'missing-if-not-exists': {
        readonly problem: "The statement lacks IF NOT EXISTS (or an index name), so a second run would fail.";
        readonly fix: "Write `CREATE INDEX CONCURRENTLY IF NOT EXISTS name ON table (...)`.";
    };
    readonly 'name-too-long': {
        readonly problem: "The index name is longer than 63 bytes; PostgreSQL would silently cut it.";
        readonly fix: "Choose a name of at most 63 bytes, in `name` and in `sql`.";
    };
    readonly 'name-mismatch': {
        readonly problem: "`name` differs from the index name in `sql` (unquoted names fold to lower case).";
        readonly fix: "Write the same name in both.";
    };
    readonly 'schema-mismatch': {
        readonly problem: "`name` names a schema other than the table's; an index lives in its table's schema.";
        readonly fix: "Write the table's schema in `name`, or leave the schema out.";
    };
    readonly 'non-immutable': {
        readonly problem: "An index expression or predicate uses a function or value that is not immutable.";
        readonly fix: "Use only immutable functions and values (e.g. compare with a fixed timestamptz literal, not now()).";
    };
    readonly 'duplicate-name': {
        readonly problem: "Two entries declare the same index.";
        readonly fix: "Rename one, or delete the copy.";
    };
    readonly 'constraint-unknown-kind': {
        readonly problem: "`constraint` is neither `unique` nor `primary key`.";
        readonly fix: "Write `constraint: 'unique'` or `constraint: 'primary key'`, or leave it out.";
    };
    readonly 'constraint-needs-unique-index': {
        readonly problem: "`constraint` is set on a CREATE INDEX that is not UNIQUE.";
        readonly fix: "Write `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ...`, or remove the constraint key.";
    };
    readonly 'constraint-partial-index': {
        readonly problem: "`constraint` is set on a partial index (WHERE ...); a constraint covers every row.";
        readonly fix: "Drop the WHERE clause, or remove the constraint key and keep a plain unique index.";
    };
    readonly 'constraint-expression-index': {
        readonly problem: "`constraint` is set on an index on expressions; a constraint lists plain columns.";
        readonly fix: "Index plain columns only, or remove the constraint key.";
    };
    readonly 'constraint-not-btree': {
        readonly problem: "`constraint` is set on an index that is not a b-tree.";
        readonly fix: "Drop the USING clause, or remove the constraint key.";
    };
    readonly 'constraint-sort-order': {
        readonly problem: "`constraint` is set on an index with a non-default sort order, opclass or collation.";
        readonly fix: "Use plain ascending columns, or remove the constraint key.";
    };
};
export type ProblemCode = keyof typeof PROBLEM_CODES;
export declare const PROBLEM_CODE_LIST: ProblemCode[];
/** The entry keys a problem can be about. */
export type EntryField = 'name' | 'sql' | 'critical' | 'description' | 'constraint' | 'maintenanceWorkMem' | 'maxParallelMaintenanceWorkers' | 'ignoreWindow';
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
export declare function problemText(problem: Pick<EntryProblem, 'message' | 'fix'>): string;
