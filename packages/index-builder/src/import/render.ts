// A registry file's text, in the format its extension says: .ts (defineIndexes), .json or .yaml/.yml.
import { extname } from 'node:path';
import { stringify } from 'yaml';
import type { IndexDef } from '@index-builder/sql-core/registry';

export const IMPORT_FORMATS = { '.ts': 'ts', '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml' } as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[keyof typeof IMPORT_FORMATS];

export function formatOf(path: string): ImportFormat | undefined {
  return IMPORT_FORMATS[extname(path).toLowerCase() as keyof typeof IMPORT_FORMATS];
}

export function renderRegistry(entries: readonly IndexDef[], format: ImportFormat, header: string): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(entries, null, 2)}\n`;
    case 'yaml':
      return `# ${header}\n${entries.length === 0 ? '[]\n' : stringify(entries, { lineWidth: 0 })}`;
    case 'ts':
      return renderTypeScript(entries, header);
  }
}

function renderTypeScript(entries: readonly IndexDef[], header: string): string {
  const items = entries.map((entry) => {
    const lines = [`    name: ${jsString(entry.name)},`, `    sql: ${jsString(entry.sql)},`, `    critical: ${entry.critical === true},`];
    if (entry.description !== undefined) lines.push(`    description: ${jsString(entry.description)},`);
    return `  {\n${lines.join('\n')}\n  },`;
  });
  return `// ${header}\nimport { defineIndexes } from 'index-builder';\n\nexport default defineIndexes([\n${items.join('\n')}${items.length ? '\n' : ''}]);\n`;
}

/** A single-quoted JavaScript string literal. */
export function jsString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `'${escaped}'`;
}
