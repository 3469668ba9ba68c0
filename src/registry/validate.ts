import { describeStatementKind, readIndexStatement, type IndexStatement } from '../sql/index-statement.ts';
import { treeFingerprint } from '../sql/definition.ts';
import { findNonImmutable } from '../sql/immutability.ts';
import { parseSql, SqlSyntaxError, type Node } from '../sql/parser.ts';
import { MAX_IDENTIFIER_BYTES } from '../sql/safe-index-sql.ts';
import type { RegistryEntry, RegistryProblem, SourceLocation } from './types.ts';

const KNOWN_KEYS = ['name', 'sql', 'critical', 'description'];

export interface ValidationResult {
  entries: RegistryEntry[];
  problems: RegistryProblem[];
}

/**
 * Checks a loaded registry: each entry one `CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS` statement whose
 * index name equals `name`, names unique. `locate(i)` tells where entry i stands in the file.
 */
export function validateRegistry(
  registry: unknown,
  file: string,
  locate: (index: number) => number,
): ValidationResult {
  if (!Array.isArray(registry)) {
    const found = registry === null ? 'null' : typeof registry;
    return {
      entries: [],
      problems: [
        {
          location: { file, line: locate(-1) },
          message: `the registry must be an array of index definitions, found ${found} (write: export default defineIndexes([...]))`,
        },
      ],
    };
  }
  const entries: RegistryEntry[] = [];
  const problems: RegistryProblem[] = [];
  registry.forEach((raw, i) => {
    const location = { file, line: locate(i) };
    const result = validateEntry(raw, i, location);
    if (typeof result === 'string') problems.push({ location, message: result });
    else entries.push(result);
  });
  problems.push(...findDuplicateNames(entries));
  problems.sort((a, b) => a.location.line - b.location.line);
  return { entries, problems };
}

/** Validates one entry; returns the entry or the message saying what is wrong with it. */
export function validateEntry(raw: unknown, index: number, location: SourceLocation): RegistryEntry | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return `entry ${index + 1} must be an object with name and sql`;
  }
  const def = raw as Record<string, unknown>;
  const label = typeof def.name === 'string' && def.name !== '' ? def.name : `entry ${index + 1}`;
  const unknownKey = Object.keys(def).find((key) => !KNOWN_KEYS.includes(key));
  if (unknownKey) return `${label}: unknown key "${unknownKey}" (an entry has ${KNOWN_KEYS.join(', ')})`;
  if (typeof def.name !== 'string' || def.name.trim() === '') return `${label}: "name" must be a non-empty string`;
  if (typeof def.sql !== 'string' || def.sql.trim() === '') return `${label}: "sql" must be a non-empty string`;
  if (def.critical !== undefined && typeof def.critical !== 'boolean') {
    return `${label}: "critical" must be true or false, found ${JSON.stringify(def.critical)}`;
  }
  if (def.description !== undefined && typeof def.description !== 'string') {
    return `${label}: "description" must be a string`;
  }

  const statement = readSingleIndexStatement(def.sql);
  if (typeof statement === 'string') return `${label}: ${statement}`;
  const mistake = checkStatement(def.name, statement);
  if (mistake) return `${label}: ${mistake}`;

  const { schema: nameSchema } = splitQualifiedName(def.name);
  return {
    name: def.name,
    sql: def.sql,
    critical: def.critical === true,
    description: def.description as string | undefined,
    schema: nameSchema ?? statement.tableSchema,
    indexName: statement.indexName!,
    tableSchema: statement.tableSchema,
    tableName: statement.tableName,
    unique: statement.unique,
    fingerprint: treeFingerprint({ IndexStmt: statement.node } as Node),
    location,
  };
}

/** Parses `sql` and returns its one CREATE INDEX statement, or what is wrong with it. */
export function readSingleIndexStatement(sql: string): IndexStatement | string {
  let stmts;
  try {
    stmts = parseSql(sql);
  } catch (error) {
    if (!(error instanceof SqlSyntaxError)) throw error;
    const where = error.offset === undefined ? '' : ` (sql line ${lineOfOffset(sql, error.offset)})`;
    return `sql does not parse: ${error.message}${where}`;
  }
  if (stmts.length === 0) return 'sql holds no statement; write one CREATE INDEX CONCURRENTLY IF NOT EXISTS statement';
  if (stmts.length > 1) {
    return `sql holds ${stmts.length} statements (${stmts.map((s) => describeStatementKind(s.stmt)).join(', ')}); an entry holds exactly one CREATE INDEX`;
  }
  const statement = readIndexStatement(stmts[0]!.stmt);
  if (!statement) return `sql is ${describeStatementKind(stmts[0]!.stmt)}, not CREATE INDEX`;
  return statement;
}

/** The keyword and naming rules every registry statement follows, with the exact fix in each message. */
function checkStatement(name: string, statement: IndexStatement): string | undefined {
  const { schema: nameSchema, name: bareName } = splitQualifiedName(name);
  const unique = statement.unique ? 'UNIQUE ' : '';
  const safeForm = `CREATE ${unique}INDEX CONCURRENTLY IF NOT EXISTS ${bareName} ON ${qualified(statement)} (...)`;
  if (!statement.concurrent) {
    return `sql lacks CONCURRENTLY, so the build would block writes to ${statement.tableName}; write ${safeForm}`;
  }
  if (!statement.ifNotExists) return `sql lacks IF NOT EXISTS, so a second run would fail; write ${safeForm}`;
  // Checked before comparing names: the parser, like the server, truncates a long name in the SQL to 63 bytes.
  // PostgreSQL silently cuts longer names, so the registry and the catalog would disagree.
  if (Buffer.byteLength(bareName, 'utf8') > MAX_IDENTIFIER_BYTES) {
    return `name "${bareName}" is ${Buffer.byteLength(bareName, 'utf8')} bytes; PostgreSQL keeps only ${MAX_IDENTIFIER_BYTES}`;
  }
  // IF NOT EXISTS is only valid with a name, so the statement has one here.
  if (statement.indexName !== bareName) {
    const folded = statement.indexName === bareName.toLowerCase() ? ' (PostgreSQL folds unquoted names to lower case)' : '';
    return `name "${name}" differs from the index name in sql, "${statement.indexName}"${folded}`;
  }
  if (nameSchema && statement.tableSchema && nameSchema !== statement.tableSchema) {
    return `name says schema "${nameSchema}" but the table is in "${statement.tableSchema}"; an index always lives in its table's schema`;
  }
  const impure = findNonImmutable(statement.node);
  if (impure) return `sql ${impure}: index expressions and predicates may only use immutable functions and values`;
  return undefined;
}

function findDuplicateNames(entries: RegistryEntry[]): RegistryProblem[] {
  const problems: RegistryProblem[] = [];
  // Entries by index name, in registry order: a name is declared once or a few times, never thousands.
  const seen = new Map<string, RegistryEntry[]>();
  for (const entry of entries) {
    const earlier = seen.get(entry.indexName);
    const first = earlier?.find((other) => sameSchema(other, entry));
    if (first) {
      problems.push({
        location: entry.location,
        message: `${entry.name}: duplicate name; already declared at ${first.location.file}:${first.location.line}`,
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
