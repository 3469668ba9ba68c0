// Shared by the rule tests: typescript-eslint's RuleTester wired to jest, and the suggestion every index report
// carries (the registry entry, inserted as a comment above the statement).
import { afterAll, describe, it } from '@jest/globals';
import { RuleTester } from '@typescript-eslint/rule-tester';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester();

export interface Entry {
  name: string;
  sql: string;
  description: string;
}

/** The single-line entry text shown in the suggestion's description. */
function entryText(entry: Entry): string {
  return `{ name: ${quote(entry.name)}, sql: ${quote(entry.sql)}, critical: false, description: ${quote(entry.description)} }`;
}

/**
 * The expected suggestion: its description, and `code` with the entry inserted as comment lines above `line`
 * (1-based), indented like that line.
 */
export function moveToRegistry(code: string, line: number, entry: Entry, options: { marker?: '//' | '--'; registryPath?: string } = {}) {
  const marker = options.marker ?? '//';
  const registryPath = options.registryPath ?? 'db/indexes.ts';
  const lines = code.split('\n');
  const indent = /^[ \t]*/.exec(lines[line - 1] ?? '')![0];
  const comment = [
    `${marker} index-builder: move this index to ${registryPath}:`,
    `${marker} {`,
    `${marker}   name: ${quote(entry.name)},`,
    `${marker}   sql: ${quote(entry.sql)},`,
    `${marker}   critical: false,`,
    `${marker}   description: ${quote(entry.description)},`,
    `${marker} },`,
  ].map((text) => `${indent}${text}`);
  lines.splice(line - 1, 0, ...comment);
  return {
    messageId: 'moveToRegistry' as const,
    data: { index: entry.name, registryPath, entry: entryText(entry) },
    output: lines.join('\n'),
  };
}

function quote(value: string): string {
  if (!value.includes("'")) return `'${value.replace(/\\/g, '\\\\')}'`;
  return `\`${value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}

/**
 * The exact location ESLint reports for `fragment` (its `occurrence`-th appearance, from 1) in `code`: 1-based line
 * and column, end exclusive. Used where the fragment says more than four numbers would.
 */
export function at(code: string, fragment: string, occurrence = 1) {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = code.indexOf(fragment, index + 1);
    if (index === -1) throw new Error(`"${fragment}" does not occur ${occurrence} time(s) in the test code`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  const start = position(index);
  const end = position(index + fragment.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * The report of `CREATE INDEX <name> ON t (a)` in a `file.js` migration, at that statement's exact line and columns in
 * `code`; its suggestion inserts the entry above the enclosing statement (`above` lines higher when that is an if/else).
 */
export function indexReportOnT(code: string, name: string, above = 0) {
  const statement = `CREATE INDEX ${name} ON t (a)`;
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes(statement));
  const column = lines[line]!.indexOf(statement) + 1;
  return {
    messageId: 'indexInMigration',
    data: { index: name, table: 't', registryPath: 'db/indexes.ts' },
    line: line + 1,
    column,
    endLine: line + 1,
    endColumn: column + statement.length,
    suggestions: [
      moveToRegistry(code, line + 1 - above, {
        name,
        sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON t (a)`,
        description: 'Index on t (a), moved from migration file.js',
      }),
    ],
  };
}
