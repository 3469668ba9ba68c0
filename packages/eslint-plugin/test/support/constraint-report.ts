// Shared by the no-constraint-index-in-migration tests: the message data and the registry-entry suggestion.
import { at } from './rule-tester.ts';

const REGISTRY = 'db/indexes.ts';

export function constraintData(name: string, table: string, columns: string, keyword = 'UNIQUE', tableSql = table, nameSql = name) {
  return {
    name,
    table,
    registryPath: REGISTRY,
    indexSql: `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${nameSql} ON ${tableSql} (${columns})`,
    attachSql: `ALTER TABLE ${tableSql} ADD CONSTRAINT ${nameSql} ${keyword} USING INDEX ${nameSql}`,
  };
}

/** The suggestion: the entry as comment lines above `line` (1-based), with its `constraint` key. */
export function constraintSuggestion(
  code: string,
  line: number,
  data: ReturnType<typeof constraintData>,
  type: 'unique' | 'primary key',
  description: string,
  marker: '//' | '--' = '//',
) {
  const lines = code.split('\n');
  const indent = /^[ \t]*/.exec(lines[line - 1] ?? '')![0];
  const comment = [
    `${marker} index-builder: move this index to ${REGISTRY}:`,
    `${marker} {`,
    `${marker}   name: '${data.name}',`,
    `${marker}   sql: '${data.indexSql}',`,
    `${marker}   critical: false,`,
    `${marker}   constraint: '${type}',`,
    `${marker}   description: '${description}',`,
    `${marker} },`,
  ].map((text) => `${indent}${text}`);
  lines.splice(line - 1, 0, ...comment);
  const entry = `{ name: '${data.name}', sql: '${data.indexSql}', critical: false, constraint: '${type}', description: '${description}' }`;
  return { messageId: 'moveToRegistry' as const, data: { ...data, entry }, output: lines.join('\n') };
}

export { at };
