// Every index a piece of SQL creates, and every table it creates, with positions in the file the SQL came from.
// The SQL is read by PostgreSQL's parser: comments, quoted identifiers, string literals and dollar-quoted bodies
// never count, while CREATE INDEX inside a DO block does. SQL with holes (template literals, bind parameters) is
// read with placeholders; a statement whose keyword is itself a hole is returned as unverifiable.
import {
  defaultIndexName,
  indexColumnNames,
  isKeyword,
  nodeType,
  readIndexStatement,
  scanTokens,
  splitStatements,
  type SqlToken,
} from '@index-builder/sql-core';
import { containsPlaceholder, displayName, subSource, withHoles, type SqlSource } from './sql-source.ts';
import { parseStatements, type ParsedStatement } from './statements.ts';
import { findInDoBlock } from './do-blocks.ts';
import { splitAfterHoles } from './hole-boundaries.ts';
import { constraintsOfAlterTable } from './constraint-creations.ts';
import type { FileRange, SqlFinding } from './findings.ts';
import { indexFromTokens, tableFromTokens } from './token-statements.ts';

/** Reads `source` and returns what it creates. Never throws for SQL it cannot read. */
export function findSqlFindings(source: SqlSource, bindings: Bindings = []): SqlFinding[] {
  const parsed = parseStatements(source.text);
  if (parsed.ok) return parsed.statements.flatMap((statement) => fromStatement(source, statement));
  const bound = bindParametersAsHoles(source, bindings);
  if (bound !== source) {
    const again = parseStatements(bound.text);
    if (again.ok) return again.statements.flatMap((statement) => fromStatement(bound, statement));
  }
  return fromSegments(bound);
}

/** Findings of parsed statements, with ranges in the file. */
export function fromStatement(source: SqlSource, statement: ParsedStatement): SqlFinding[] {
  const range: FileRange = [source.toSource(statement.start), source.toSource(statement.end)];
  switch (nodeType(statement.node)) {
    case 'IndexStmt': {
      const index = readIndexStatement(statement.node)!;
      const text = source.text.slice(statement.start, statement.end);
      const columns = indexColumnNames(statement.node);
      return [
        {
          kind: 'index',
          range,
          name: index.indexName === undefined ? undefined : displayName(index.indexName, source),
          defaultName: index.indexName === undefined ? defaultIndexName(index.tableName, columns) : undefined,
          tableName: displayName(index.tableName, source),
          tableSchema: index.tableSchema && displayName(index.tableSchema, source),
          unique: index.unique,
          concurrent: index.concurrent,
          columns: columns.map((column) => displayName(column, source)),
          statement: containsPlaceholder(text) ? undefined : text,
        },
      ];
    }
    case 'CreateStmt':
    case 'CreateTableAsStmt': {
      const relation = createdRelation(statement.node);
      if (!relation?.relname) return [];
      return [
        {
          kind: 'table',
          range,
          tableName: displayName(relation.relname, source),
          tableSchema: relation.schemaname && displayName(relation.schemaname, source),
        },
      ];
    }
    case 'AlterTableStmt':
      return constraintsOfAlterTable(statement.node, source, range);
    case 'DoStmt':
      return findInDoBlock(source, statement, findSqlFindings);
    default:
      return [];
  }
}

function createdRelation(node: unknown): { relname?: string; schemaname?: string } | undefined {
  const create = (node as { CreateStmt?: { relation?: object } }).CreateStmt;
  if (create) return create.relation;
  return (node as { CreateTableAsStmt?: { into?: { rel?: object } } }).CreateTableAsStmt?.into?.rel;
}

/** The static values bound to the positional `?` and `??` of the SQL, in order (undefined where not static). */
export type Bindings = readonly (string | undefined)[];

/**
 * `?`, `??` (knex, Sequelize), `:name` and knex's `:name:` become holes, so the statement around them parses. An
 * identifier binding `??` whose value is static reads back as that value in messages (`knex.raw('CREATE INDEX ??
 * ON t (a)', ['t_a_idx'])` names the index `t_a_idx`).
 */
function bindParametersAsHoles(source: SqlSource, bindings: Bindings): SqlSource {
  const tokens = scanTokens(source.text);
  if (!tokens) return source;
  const spans: { start: number; end: number; label: string }[] = [];
  let position = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'operator' && (token.text === '?' || token.text === '??')) {
      const bound = bindings[position++];
      spans.push({ start: token.start, end: token.end, label: token.text === '??' && bound !== undefined ? bound : token.text });
    } else if (token.kind === 'operator' && token.text === ':' && adjacentName(token, tokens[i + 1])) {
      const name = tokens[i + 1]!;
      const closing = tokens[i + 2];
      const end = closing?.text === ':' && closing.start === name.end ? closing.end : name.end;
      spans.push({ start: token.start, end, label: source.text.slice(token.start, end) });
      i += end === name.end ? 1 : 2;
    }
  }
  return withHoles(source, spans);
}

function adjacentName(colon: SqlToken, next: SqlToken | undefined): boolean {
  return next !== undefined && next.start === colon.end && (next.kind === 'identifier' || next.kind === 'keyword');
}

/** When the whole text does not parse: statement by statement, and by tokens where holes defeat the parser. */
function fromSegments(source: SqlSource): SqlFinding[] {
  const tokens = scanTokens(source.text);
  if (!tokens) return [];
  return splitStatements(tokens)
    .flatMap(splitAfterHoles)
    .flatMap((segment) => {
      const start = segment[0]!.start;
      const end = segment[segment.length - 1]!.end;
      const text = source.text.slice(start, end);
      const parsed = parseStatements(text);
      if (parsed.ok) {
        const sub = subSource(source, text, (offset) => offset + start);
        return parsed.statements.flatMap((statement) => fromStatement(sub, statement));
      }
      return fromTokens(source, segment, text);
    });
}

/** `CREATE [UNIQUE] INDEX`. */
function startsIndexCreation(segment: readonly SqlToken[]): boolean {
  const at = isKeyword(segment[1], 'UNIQUE') ? 2 : 1;
  return isKeyword(segment[0], 'CREATE') && isKeyword(segment[at], 'INDEX');
}

function fromTokens(source: SqlSource, segment: SqlToken[], text: string): SqlFinding[] {
  const first = segment[0]!;
  const range: FileRange = [source.toSource(first.start), source.toSource(segment[segment.length - 1]!.end)];
  if (containsPlaceholder(first.text)) {
    return [{ kind: 'unverifiable', range, mentionsIndex: segment.some((token) => isKeyword(token, 'INDEX')) }];
  }
  if (!isKeyword(first, 'CREATE')) return [];
  // Static text that PostgreSQL cannot parse is not SQL this rule can read (or not SQL at all), but a CREATE INDEX
  // that fails to parse must not vanish: it is unverifiable.
  if (!containsPlaceholder(text)) return startsIndexCreation(segment) ? [{ kind: 'unverifiable', range, mentionsIndex: true }] : [];
  const index = indexFromTokens(segment);
  if (index) {
    return [
      {
        kind: 'index',
        range,
        name: index.name === undefined ? undefined : displayName(index.name, source),
        defaultName: undefined,
        tableName: displayName(index.tableName, source),
        tableSchema: index.tableSchema && displayName(index.tableSchema, source),
        unique: index.unique,
        concurrent: index.concurrent,
        columns: [],
        statement: undefined,
      },
    ];
  }
  const table = tableFromTokens(segment);
  if (!table) return [];
  return [
    {
      kind: 'table',
      range,
      tableName: displayName(table.tableName, source),
      tableSchema: table.tableSchema && displayName(table.tableSchema, source),
    },
  ];
}
