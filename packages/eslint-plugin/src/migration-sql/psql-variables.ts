// psql's script syntax in .sql migrations (graphile-worker, scripts run with `psql -v schema=app -f`): variables
// `:name`, `:"name"` (an identifier) and `:'name'` (a literal), and meta-command lines (`\set`, `\connect`). Found with
// PostgreSQL's own scanner, so a colon in a string, a comment or a dollar-quoted body is never taken for one, and
// `::type` casts and PL/pgSQL's `:=` are other tokens. A colon inside brackets is an array slice (`a[lo:hi]`).
import { scanTokens, type SqlToken } from '@index-builder/sql-core';

export interface PsqlSpan {
  start: number;
  end: number;
  /** `identifier` and `literal` stand for a value; `blank` (a meta-command line) is dropped. */
  kind: 'identifier' | 'literal' | 'blank';
  label: string;
}

const META_COMMAND = /^[ \t]*\\[^\n]*/gm;
/**
 * A colon that may start a variable: right before a name or a quote, and not the second half of a `::` cast. Text
 * with none holds no variable, so PostgreSQL's scanner (most of the SQL language's cost) need not read it.
 */
const VARIABLE_COLON = /(?<!:)(?:::)*:[A-Za-z_"'\u0080-\uffff]/;

/** The psql variables and meta-command lines of `text`, sorted; empty when it has none or cannot be scanned. */
export function psqlSpans(text: string): PsqlSpan[] {
  const meta: PsqlSpan[] = [...text.matchAll(META_COMMAND)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    kind: 'blank',
    label: match[0],
  }));
  // Meta-command lines are blanked before scanning: their words are psql's, not SQL.
  const blanked = meta.reduce((sql, span) => sql.slice(0, span.start) + ' '.repeat(span.end - span.start) + sql.slice(span.end), text);
  if (!VARIABLE_COLON.test(blanked)) return meta;
  const tokens = scanTokens(blanked);
  if (!tokens) return meta;
  const variables: PsqlSpan[] = [];
  let brackets = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === '[') brackets++;
    else if (token.text === ']') brackets = Math.max(0, brackets - 1);
    const name = tokens[i + 1];
    if (brackets > 0 || token.text !== ':' || !name || name.start !== token.end) continue;
    const kind = variableKind(name);
    if (!kind) continue;
    variables.push({ start: token.start, end: name.end, kind, label: text.slice(token.start, name.end) });
    i++;
  }
  return [...meta, ...variables].sort((a, b) => a.start - b.start);
}

function variableKind(name: SqlToken): PsqlSpan['kind'] | undefined {
  if (name.kind === 'identifier' || name.kind === 'keyword') return 'identifier';
  if (name.kind === 'string' && name.text.startsWith("'")) return 'literal';
  return undefined;
}
