import { describeStatementKind, readIndexStatement, type IndexStatement } from '../index-statement.ts';
import { treeFingerprint } from '../definition.ts';
import { findNonImmutable } from '../immutability.ts';
import { parseSql, SqlSyntaxError } from '../parser.ts';
import { MAX_IDENTIFIER_BYTES } from '../safe-index-sql.ts';
import { BUILD_SETTING_KEYS, readBuildSettings } from './build-settings.ts';
import { checkConstraintKey, type ConstraintKind } from './constraint.ts';
import type { EntryProblem, ProblemCode } from './problems.ts';
import type { RegistryEntry, RegistryProblem, SourceLocation } from './types.ts';

export { problemText, type EntryProblem } from './problems.ts';

const KNOWN_KEYS = ['name', 'sql', 'critical', 'description', 'constraint', ...BUILD_SETTING_KEYS];

export interface ValidationResult {
  entries: RegistryEntry[];
  problems: RegistryProblem[];
}

/**
 * Checks a loaded registry: each entry one `CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS` statement whose
 * index name equals `name`, names unique. `locate(i)` tells where entry i stands in the file, `locate(i, key)` where
 * its key stands when the format knows (else the entry's line).
 */
export function validateRegistry(registry: unknown, file: string, locate: (index: number, field?: string) => number): ValidationResult {
  if (!Array.isArray(registry)) {
    const found = registry === null ? 'null' : typeof registry;
    return {
      entries: [],
      problems: [
        {
          code: 'not-an-array',
          location: { file, line: locate(-1) },
          message: `the registry must be an array of index definitions, found ${found}`,
          fix: 'write: export default defineIndexes([...])',
        },
      ],
    };
  }
  const entries: RegistryEntry[] = [];
  const positions: number[] = [];
  const problems: RegistryProblem[] = [];
  registry.forEach((raw, i) => {
    const location = { file, line: locate(i) };
    const result = validateEntry(raw, i, location);
    if (Array.isArray(result)) {
      // Each problem at the line of the key it is about, where the file format tells it (JSON, YAML).
      for (const problem of result) problems.push({ ...problem, location: { file, line: locate(i, problem.field) }, entry: i });
    } else {
      entries.push(result);
      positions.push(i);
    }
  });
  problems.push(...findDuplicateNames(entries, positions));
  problems.sort((a, b) => a.location.line - b.location.line);
  return { entries, problems };
}

/** Validates one entry; returns the entry, or every problem it has (at least one), in the order of its keys' checks. */
export function validateEntry(raw: unknown, index: number, location: SourceLocation): RegistryEntry | EntryProblem[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [
      {
        code: 'entry-not-object',
        message: `entry ${index + 1} must be an object with name and sql`,
        fix: 'write { name, sql, critical, description }',
      },
    ];
  }
  const def = raw as Record<string, unknown>;
  const label = typeof def.name === 'string' && def.name !== '' ? def.name : `entry ${index + 1}`;
  const problems: EntryProblem[] = [];
  const problem = (code: ProblemCode, field: string | undefined, message: string, fix?: string) =>
    void problems.push({ code, ...(field ? { field } : {}), message: `${label}: ${message}`, ...(fix ? { fix } : {}) });
  const labelled = (found: EntryProblem) => void problems.push({ ...found, message: `${label}: ${found.message}` });

  for (const key of Object.keys(def).filter((key) => !KNOWN_KEYS.includes(key))) {
    problem('unknown-key', key, `unknown key "${key}"`, `remove it, or write one of ${KNOWN_KEYS.join(', ')}`);
  }
  const name = typeof def.name === 'string' && def.name.trim() !== '' ? def.name : undefined;
  if (name === undefined) problem('missing-name', 'name', '"name" must be a non-empty string', 'write the index name, as in the sql');
  if (typeof def.sql !== 'string' || def.sql.trim() === '') {
    problem('missing-sql', 'sql', '"sql" must be a non-empty string', `write CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name ?? 'name'} ON ... (...)`);
  }
  if (def.critical !== undefined && typeof def.critical !== 'boolean') {
    problem(
      'invalid-critical',
      'critical',
      `"critical" must be true or false, found ${JSON.stringify(def.critical)}`,
      'write critical: true or critical: false',
    );
  }
  if (def.description !== undefined && typeof def.description !== 'string') {
    problem('invalid-description', 'description', '"description" must be a string', 'write what the index is for, in quotes');
  }
  const buildSettings = readBuildSettings(def);
  for (const found of buildSettings.problems) labelled(found);

  const statement = typeof def.sql === 'string' && def.sql.trim() !== '' ? readSingleIndexStatement(def.sql) : undefined;
  if (statement && !('node' in statement)) labelled({ ...statement, field: 'sql' });
  if (statement && 'node' in statement) {
    for (const mistake of checkStatement(name, statement)) labelled(mistake);
    const constraintProblem = checkConstraintKey(def.constraint, statement);
    if (constraintProblem) labelled(constraintProblem);
  }
  if (problems.length > 0 || !name || !statement || !('node' in statement)) return problems;

  const { schema: nameSchema } = splitQualifiedName(name);
  return {
    name,
    sql: def.sql as string,
    critical: def.critical === true,
    description: def.description as string | undefined,
    schema: nameSchema ?? statement.tableSchema,
    indexName: statement.indexName!,
    tableSchema: statement.tableSchema,
    tableName: statement.tableName,
    unique: statement.unique,
    fingerprint: treeFingerprint({ IndexStmt: statement.node }),
    ...(def.constraint ? { constraint: def.constraint as ConstraintKind } : {}),
    ...buildSettings.settings,
    location,
  };
}

/** Parses `sql` and returns its one CREATE INDEX statement, or what is wrong with it. */
export function readSingleIndexStatement(sql: string): IndexStatement | EntryProblem {
  // The parser reads a C string: it would stop at a NUL and pass the text after it unread, and no server can receive it.
  const nul = sql.indexOf('\u0000');
  if (nul !== -1) {
    return {
      code: 'sql-syntax-error',
      message: `sql does not parse: it holds a NUL character, which PostgreSQL cannot receive (sql line ${lineOfOffset(sql, nul)})`,
    };
  }
  let stmts;
  try {
    stmts = parseSql(sql);
  } catch (error) {
    if (!(error instanceof SqlSyntaxError)) throw error;
    const where = error.offset === undefined ? '' : ` (sql line ${lineOfOffset(sql, error.offset)})`;
    return { code: 'sql-syntax-error', message: `sql does not parse: ${error.message}${where}` };
  }
  if (stmts.length === 0)
    return { code: 'no-statement', message: 'sql holds no statement', fix: 'write one CREATE INDEX CONCURRENTLY IF NOT EXISTS statement' };
  if (stmts.length > 1) {
    return {
      code: 'multiple-statements',
      message: `sql holds ${stmts.length} statements (${stmts.map((s) => describeStatementKind(s.stmt)).join(', ')})`,
      fix: 'an entry holds exactly one CREATE INDEX',
    };
  }
  const statement = readIndexStatement(stmts[0]!.stmt);
  if (!statement) {
    return {
      code: 'not-create-index',
      message: `sql is ${describeStatementKind(stmts[0]!.stmt)}, not CREATE INDEX`,
      fix: 'other DDL belongs in a migration',
    };
  }
  return statement;
}

/** The keyword and naming rules every registry statement follows, each with the exact fix; the name's rules only
 * when `name` is a usable string. */
function checkStatement(name: string | undefined, statement: IndexStatement): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const { schema: nameSchema, name: bareName } = splitQualifiedName(name ?? statement.indexName ?? 'name');
  const unique = statement.unique ? 'UNIQUE ' : '';
  const safeForm = `write CREATE ${unique}INDEX CONCURRENTLY IF NOT EXISTS ${bareName} ON ${qualified(statement)} (...)`;
  if (!statement.concurrent) {
    problems.push({
      code: 'missing-concurrently',
      field: 'sql',
      message: `sql lacks CONCURRENTLY, so the build would block writes to ${statement.tableName}`,
      fix: safeForm,
    });
  }
  if (!statement.ifNotExists)
    problems.push({ code: 'missing-if-not-exists', field: 'sql', message: 'sql lacks IF NOT EXISTS, so a second run would fail', fix: safeForm });
  // Checked before comparing names: the parser, like the server, truncates a long name in the SQL to 63 bytes.
  // PostgreSQL silently cuts longer names, so the registry and the catalog would disagree.
  const bytes = Buffer.byteLength(bareName, 'utf8');
  if (name !== undefined && bytes > MAX_IDENTIFIER_BYTES) {
    problems.push({
      code: 'name-too-long',
      field: 'name',
      message: `name "${bareName}" is ${bytes} bytes; PostgreSQL keeps only ${MAX_IDENTIFIER_BYTES}`,
      fix: `choose a name of at most ${MAX_IDENTIFIER_BYTES} bytes, in name and in sql`,
    });
  } else if (name !== undefined && statement.indexName !== undefined && statement.indexName !== bareName) {
    // A statement without IF NOT EXISTS may have no index name; that is reported above.
    const folded = statement.indexName === bareName.toLowerCase();
    problems.push({
      code: 'name-mismatch',
      field: 'name',
      message: `name "${name}" differs from the index name in sql, "${statement.indexName}"${folded ? ' (PostgreSQL folds unquoted names to lower case)' : ''}`,
      fix: `write name: '${nameSchema ? `${nameSchema}.` : ''}${statement.indexName}', or ${folded ? `quote "${bareName}"` : 'rename the index'} in sql`,
    });
  }
  if (name !== undefined && nameSchema && statement.tableSchema && nameSchema !== statement.tableSchema) {
    problems.push({
      code: 'schema-mismatch',
      field: 'name',
      message: `name says schema "${nameSchema}" but the table is in "${statement.tableSchema}"; an index always lives in its table's schema`,
      fix: `write name: '${statement.tableSchema}.${bareName}'`,
    });
  }
  const impure = findNonImmutable(statement.node);
  if (impure) {
    problems.push({
      code: 'non-immutable',
      field: 'sql',
      message: `sql ${impure}`,
      fix: 'index expressions and predicates may only use immutable functions and values: write a fixed literal instead',
    });
  }
  return problems;
}

/** `positions[i]` is where entries[i] stands in the registry (entries that failed validation are not in `entries`). */
function findDuplicateNames(entries: RegistryEntry[], positions: number[]): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  // Entries by index name, in registry order: a name is declared once or a few times, never thousands.
  const seen = new Map<string, RegistryEntry[]>();
  for (const [i, entry] of entries.entries()) {
    const earlier = seen.get(entry.indexName);
    const first = earlier?.find((other) => sameSchema(other, entry));
    if (first) {
      problems.push({
        code: 'duplicate-name',
        field: 'name',
        location: entry.location,
        entry: positions[i]!,
        message: `${entry.name}: duplicate name; already declared at ${first.location.file}:${first.location.line}`,
        fix: 'rename one, or delete the copy',
      });
    }
    if (earlier) earlier.push(entry);
    else seen.set(entry.indexName, [entry]);
  }
  return problems;
}

/** Two entries are in the same schema unless both name a schema and the schemas differ. */
function sameSchema(a: RegistryEntry, b: RegistryEntry): boolean {
  return a.schema === undefined || b.schema === undefined || a.schema === b.schema;
}

export function splitQualifiedName(name: string): { schema: string | undefined; name: string } {
  const dot = name.indexOf('.');
  return dot === -1 ? { schema: undefined, name } : { schema: name.slice(0, dot), name: name.slice(dot + 1) };
}

function qualified(statement: IndexStatement): string {
  return statement.tableSchema ? `${statement.tableSchema}.${statement.tableName}` : statement.tableName;
}

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
