// .sql files that are templates: Go text/template (`{{ .Schema }}`, `{{- if .X }}`), Jinja/dbt (`{{ ref('x') }}`,
// `{% if %}`, `{# #}`) and Flyway placeholders (`${schema}`). A value placeholder becomes a hole (an identifier
// placeholder, which parses wherever an identifier or expression may stand, and reads back as written in messages);
// a block tag (`{% if %}`, `{{ end }}`, `{{/* comment */}}`) becomes a space. Offsets map back to the file, so reports
// point at the template's own lines and columns.
import { sqlFromParts, type SqlPart, type SqlSource } from './sql-source.ts';

// Actions and tags stay on one line (a Go comment may span lines), so that a stray `{{` in a string literal
// (`'{{1,2},{3,4}}'` is an array) never swallows the statements after it.
const TEMPLATE = /\{\{-?(?:\s*\/\*[\s\S]*?\*\/\s*|[^\n]*?)-?\}\}|\{%-?[^\n]*?-?%\}|\{#[\s\S]*?#\}|\$\{[\w.:-]+\}/g;

/** Go template actions that produce no text: control flow, definitions, comments, variable declarations. */
const GO_BLOCK = /^(?:if|else|end|range|with|define|block|template|break|continue)\b|^\/\*|^\$\w*\s*:?=/;

/** The file as SQL with its template placeholders as holes, or undefined when it holds no template syntax. */
export function templateSqlSource(text: string): SqlSource | undefined {
  const parts: SqlPart[] = [];
  let from = 0;
  const addText = (until: number): void => {
    const offsets = Array.from({ length: until - from }, (_, i) => from + i);
    parts.push({ kind: 'text', text: text.slice(from, until), offsets, end: until });
  };
  for (const match of text.matchAll(TEMPLATE)) {
    const start = match.index;
    const end = start + match[0].length;
    addText(start);
    if (isBlockTag(match[0])) parts.push({ kind: 'text', text: ' ', offsets: [start], end }); // keeps tokens apart
    else parts.push({ kind: 'hole', label: match[0], start, end });
    from = end;
  }
  if (parts.length === 0) return undefined;
  addText(text.length);
  return sqlFromParts(parts);
}

function isBlockTag(tag: string): boolean {
  if (tag.startsWith('{%') || tag.startsWith('{#')) return true;
  if (!tag.startsWith('{{')) return false;
  const inner = tag.slice(2, -2).replace(/^-/, '').replace(/-$/, '').trim();
  return GO_BLOCK.test(inner);
}
