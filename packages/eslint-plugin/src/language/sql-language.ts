// ESLint's language-plugin interface for PostgreSQL migrations (`language: 'index-builder/sql'`). Parsing is
// synchronous: the SQL core (#sql) loads libpg-query's WebAssembly synchronously, the first time it is needed.
import type { File, FileError, Language, LanguageContext, OkParseResult, ParseResult } from '@eslint/core';
import { nodeType, scanTokens } from '@index-builder/sql-core';
import { plainSqlSource, type SqlSource } from '../migration-sql/sql-source.ts';
import { templateSqlSource } from '../migration-sql/sql-templates.ts';
import { parseStatements } from '../migration-sql/statements.ts';
import { commentNode, locator, visitorKeys, type Position, type SqlComment, type SqlNode, type SqlScript } from './sql-ast.ts';
import { SqlSourceCode } from './sql-source-code.ts';

type SqlLanguageOptions = Record<string, never>;

export class SqlLanguage implements Language<{ LangOptions: SqlLanguageOptions; Code: SqlSourceCode; RootNode: SqlScript; Node: SqlNode }> {
  readonly fileType = 'text' as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 1 as const;
  readonly nodeTypeKey = 'type';
  readonly visitorKeys = visitorKeys;
  readonly defaultLanguageOptions: SqlLanguageOptions = {};

  /**
   * The SQL language has no options. Others are accepted and ignored: ESLint 9 before 9.x gave every language the
   * JavaScript defaults (`sourceType`, `ecmaVersion`), and shared configs often set them for all files.
   */
  validateLanguageOptions(): void {}

  parse(file: File): ParseResult<SqlScript> {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const at = locator(text);
    const template = templateSqlSource(text);
    const sql = template ?? plainSqlSource(text);
    const parsed = parseStatements(sql.text);
    if (!parsed.ok && !template) {
      const position = at(parsed.offset ?? 0);
      const error: FileError = { message: parsed.message, line: position.line, column: position.column };
      return { ok: false, errors: [error] };
    }
    const statements = (parsed.ok ? parsed.statements : []).map((statement) => {
      const [start, end] = [sql.toSource(statement.start), sql.toSource(statement.end)];
      return {
        type: 'SqlStatement' as const,
        kind: nodeType(statement.node) ?? 'unknown',
        node: statement.node,
        range: [start, end] as [number, number],
        sqlRange: [statement.start, statement.end] as [number, number],
        loc: { start: at(start), end: at(end) },
      };
    });
    let comments: SqlComment[] | undefined;
    const ast: SqlScript = {
      type: 'SqlScript',
      statements,
      // Read when something asks: ESLint looks for inline directives only in files that say "eslint" (see
      // SqlSourceCode), and scanning the file's tokens for its comments costs as much as parsing it.
      get comments(): SqlComment[] {
        return (comments ??= commentsOf(sql, at));
      },
      sql,
      unparsedTemplate: !parsed.ok,
      range: [0, text.length],
      loc: { start: at(0), end: at(text.length) },
    };
    return { ok: true, ast };
  }

  createSourceCode(file: File, input: OkParseResult<SqlScript>, _context?: LanguageContext<SqlLanguageOptions>): SqlSourceCode {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return new SqlSourceCode({ text, ast: input.ast });
  }
}

function commentsOf(sql: SqlSource, at: (offset: number) => Position): SqlComment[] {
  return (scanTokens(sql.text) ?? [])
    .filter((token) => token.kind === 'comment')
    .map((token) => commentNode({ ...token, start: sql.toSource(token.start), end: sql.toSource(token.end) }, at));
}
