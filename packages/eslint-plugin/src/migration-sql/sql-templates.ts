// .sql files that are templates: Go text/template (`{{ .Schema }}`, `{{- if .X }}`), Jinja/dbt (`{{ ref('x') }}`,
// `{% if %}`, `{# #}`), Flyway and pg-promise placeholders (`${schema}`, `${schema~}`, `${name:raw}`), and psql
// variables (`:schema`, `:'value'`, see psql-variables.ts). A value placeholder becomes a hole (an identifier
// placeholder, which parses wherever an identifier or expression may stand, and reads back as written in messages;
// a psql literal `:'x'` becomes a quoted one); a block tag (`{% if %}`, `{{ end }}`, `{{/* comment */}}`) or a psql
// meta-command line becomes a space. Offsets map back to the file, so reports point at the template's own lines and
// columns.
import { psqlSpans, type PsqlSpan } from './psql-variables.ts';
import { sqlFromParts, type SqlPart, type SqlSource } from './sql-source.ts';

// Actions and tags stay on one line (a Go comment may span lines), so that a stray `{{` in a string literal
// (`'{{1,2},{3,4}}'` is an array) never swallows the statements after it.
const TEMPLATE = /\{\{-?(?:\s*\/\*[\s\S]*?\*\/\s*|[^\n]*?)-?\}\}|\{%-?[^\n]*?-?%\}|\{#[\s\S]*?#\}|\$\{[^{}\n]+\}/g;

/** Go template actions that produce no text: control flow, definitions, comments, variable declarations. */
const GO_BLOCK = /^(?:if|else|end|range|with|define|block|template|break|continue)\b|^\/\*|^\$\w*\s*:?=/;

/** The file as SQL with its template placeholders as holes, or undefined when it holds no template syntax. */
export function templateSqlSource(text: string): SqlSource | undefined {
  const tags: PsqlSpan[] = [...text.matchAll(TEMPLATE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    kind: isBlockTag(match[0]) ? 'blank' : 'identifier',
    label: match[0],
  }));
  const spans = withoutOverlaps([...tags, ...psqlSpans(text)]);
  if (spans.length === 0) return undefined;
  const parts: SqlPart[] = [];
  let from = 0;
  const addText = (until: number): void => {
    const offsets = Array.from({ length: until - from }, (_, i) => from + i);
    parts.push({ kind: 'text', text: text.slice(from, until), offsets, end: until });
  };
  for (const { start, end, kind, label } of spans) {
    addText(start);
    const hole: SqlPart = { kind: 'hole', label, start, end };
    if (kind === 'blank')
      parts.push({ kind: 'text', text: ' ', offsets: [start], end }); // keeps tokens apart
    else if (kind === 'literal') parts.push(quote(start), hole, quote(end - 1));
    else parts.push(hole);
    from = end;
  }
  addText(text.length);
  return sqlFromParts(parts);
}

function quote(at: number): SqlPart {
  return { kind: 'text', text: "'", offsets: [at], end: at + 1 };
}

/** Sorted by start; a span starting inside an earlier one (a psql colon inside a `{{ }}` tag) is left out. */
function withoutOverlaps(spans: PsqlSpan[]): PsqlSpan[] {
  const kept: PsqlSpan[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) kept.push(span);
  }
  return kept;
}

function isBlockTag(tag: string): boolean {
  if (tag.startsWith('{%') || tag.startsWith('{#')) return true;
  if (!tag.startsWith('{{')) return false;
  const inner = tag.slice(2, -2).replace(/^-/, '').replace(/-$/, '').trim();
  return GO_BLOCK.test(inner);
}
