// What both migration rules' reports share: source ranges, the tables a migration creates, and the suggestion's
// fix that inserts the registry entry as comment lines above the statement.

export type Range = [number, number];

/** A table the migration creates. */
export interface TableReport {
  tableName: string;
  tableSchema: string | undefined;
}

export interface Fixer {
  insertTextBeforeRange(range: Range, text: string): unknown;
}

/** Inserts comment lines above the line of `text` holding `anchor`, indented like it. */
export function insertCommentAbove(fixer: Fixer, text: string, anchor: number, lines: string[]): unknown {
  const lineStart = Math.max(text.lastIndexOf('\n', anchor - 1) + 1, 0);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, anchor))![0];
  return fixer.insertTextBeforeRange([lineStart, lineStart], lines.map((line) => `${indent}${line}\n`).join(''));
}

export function sameTable(table: TableReport, index: { tableName: string; tableSchema: string | undefined }): boolean {
  if (table.tableName !== index.tableName) return false;
  return !table.tableSchema || !index.tableSchema || table.tableSchema === index.tableSchema;
}

export function qualified(index: { tableName: string; tableSchema: string | undefined }): string {
  return index.tableSchema ? `${index.tableSchema}.${index.tableName}` : index.tableName;
}
