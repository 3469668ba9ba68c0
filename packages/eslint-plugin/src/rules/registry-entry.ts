// The registry entry a suggestion carries: `{ name, sql, critical, description }`, ready to paste into db/indexes.ts.
import { basename } from 'node:path';
import { safeIndexSql } from '@index-builder/sql-core';

export interface RegistryEntryDraft {
  name: string;
  sql: string;
  description: string;
  /** A unique or primary-key constraint the builder attaches to the index once it is built. */
  constraint?: 'unique' | 'primary key' | undefined;
}

/** The entry for a CREATE INDEX statement found in a migration (its text, as written). */
export function entryFromStatement(statement: string, name: string, table: string, columns: readonly string[], file: string): RegistryEntryDraft {
  return { name, sql: safeIndexSql(statement, name), description: describe(table, columns, file) };
}

/** The entry for an index described through an ORM or query builder call; `sql` is already in registry form. */
export function entryFromSql(sql: string, name: string, table: string, columns: readonly string[], file: string): RegistryEntryDraft {
  return { name, sql, description: describe(table, columns, file) };
}

function describe(table: string, columns: readonly string[], file: string): string {
  const on = columns.length ? `${table} (${columns.join(', ')})` : table;
  return `Index on ${on}, moved from migration ${basename(file)}`;
}

/** The entry as one line of JavaScript. */
export function entryText(entry: RegistryEntryDraft): string {
  return `{ name: ${jsString(entry.name)}, sql: ${jsString(entry.sql)}, critical: false, ${constraintKey(entry)}description: ${jsString(entry.description)} }`;
}

/** The entry as comment lines (`//` in JavaScript, `--` in SQL), with a first line saying where it goes. */
export function entryComment(entry: RegistryEntryDraft, registryPath: string, marker: '//' | '--'): string[] {
  return [
    `${marker} index-builder: move this index to ${registryPath}:`,
    `${marker} {`,
    `${marker}   name: ${jsString(entry.name)},`,
    `${marker}   sql: ${jsString(entry.sql)},`,
    `${marker}   critical: false,`,
    ...(entry.constraint ? [`${marker}   constraint: '${entry.constraint}',`] : []),
    `${marker}   description: ${jsString(entry.description)},`,
    `${marker} },`,
  ];
}

function constraintKey(entry: RegistryEntryDraft): string {
  return entry.constraint ? `constraint: '${entry.constraint}', ` : '';
}

/** A JavaScript string literal: single-quoted, or a template literal when the text holds single quotes. */
function jsString(value: string): string {
  if (!value.includes("'")) return `'${value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}'`;
  return `\`${value.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
}
