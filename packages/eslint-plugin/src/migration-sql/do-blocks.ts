// CREATE INDEX inside `DO $$ ... $$`: the body is PL/pgSQL, read with PostgreSQL's scanner. A CREATE statement in
// it runs when the migration runs, as does an ALTER TABLE that adds a UNIQUE or PRIMARY KEY constraint, and so does `EXECUTE '<sql>'` or `EXECUTE format('<sql>', ...)` with a literal;
// both are read as SQL. Function bodies (CREATE FUNCTION ... AS $$ ... $$) are not DO blocks and are never read.
import type { SqlFinding } from './findings.ts';
import type { ParsedStatement } from './statements.ts';
import { containsPlaceholder, subSource, withHoles, type SqlSource } from './sql-source.ts';
import { codeTokens, isKeyword, isPunctuation, scanTokens, type SqlToken } from '@index-builder/sql-core';

type Analyze = (source: SqlSource) => SqlFinding[];

/**
 * What a PL/pgSQL body runs is found at a CREATE, an ALTER, an EXECUTE or a hole: a body whose text holds none of
 * these (a keyword cannot be escaped or quoted, and no letter, digit or `_` touches it) creates nothing, and
 * PostgreSQL's scanner need not read it. `created_at` is no CREATE.
 */
const MAY_CREATE = /(?<![a-z0-9_])(?:create|alter|execute)(?![a-z0-9_$])|__ibh/i;

export function findInDoBlock(source: SqlSource, statement: ParsedStatement, analyze: Analyze): SqlFinding[] {
  if (!isPlpgsql(statement.node)) return [];
  const text = source.text.slice(statement.start, statement.end);
  if (!MAY_CREATE.test(text)) return [];
  const tokens = codeTokens(scanTokens(text) ?? []);
  const bodyToken = tokens.find((token) => token.kind === 'string');
  if (!bodyToken) return [];
  const body = stringContent(bodyToken);
  if (!body) return [];
  const bodySource = subSource(source, body.text, (offset) => statement.start + body.map(offset));
  return findInPlpgsql(bodySource, analyze);
}

function isPlpgsql(node: unknown): boolean {
  const args = (node as { DoStmt?: { args?: { DefElem?: { defname?: string; arg?: { String?: { sval?: string } } } }[] } }).DoStmt?.args;
  const language = args?.find((arg) => arg.DefElem?.defname === 'language')?.DefElem?.arg?.String?.sval;
  return language === undefined || language.toLowerCase() === 'plpgsql';
}

/**
 * Statements of a PL/pgSQL body that create an index or a table, including literal EXECUTE strings. What cannot be
 * read (an EXECUTE of a computed string, a CREATE INDEX that does not parse) is returned as unverifiable, never
 * dropped.
 */
function findInPlpgsql(body: SqlSource, analyze: Analyze): SqlFinding[] {
  if (!MAY_CREATE.test(body.text)) return [];
  const tokens = codeTokens(scanTokens(body.text) ?? []);
  const findings: SqlFinding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isKeyword(token, 'CREATE')) {
      const end = statementEnd(tokens, i);
      const last = tokens[end - 1]!;
      const segment = body.text.slice(token.start, last.end);
      const found = analyze(subSource(body, segment, (offset) => token.start + offset));
      const mentionsIndex = tokens.slice(i, end).some((t) => isKeyword(t, 'INDEX'));
      findings.push(...(found.length || !mentionsIndex ? found : [unverifiable(body, token, last, true)]));
      i = end;
    } else if (isKeyword(token, 'ALTER') && startsStatement(tokens[i - 1])) {
      // ALTER TABLE ... ADD CONSTRAINT ... UNIQUE / PRIMARY KEY: a constraint that builds an index.
      const end = statementEnd(tokens, i);
      const last = tokens[end - 1]!;
      findings.push(...analyze(subSource(body, body.text.slice(token.start, last.end), (offset) => token.start + offset)));
      i = end;
    } else if (isKeyword(token, 'EXECUTE')) {
      const executed = executedSql(body, tokens, i);
      if (executed) findings.push(...analyze(executed));
      else {
        const end = statementEnd(tokens, i);
        const mentionsIndex = tokens.slice(i, end).some((t) => t.kind === 'string' && /\bindex\b/i.test(t.text));
        findings.push(unverifiable(body, token, tokens[end - 1] ?? token, mentionsIndex));
        i = end;
      }
    } else if (containsPlaceholder(token.text) && startsStatement(tokens[i - 1])) {
      // A hole where a statement begins (`${statement};`): the statement itself is computed.
      const end = statementEnd(tokens, i);
      const mentionsIndex = tokens.slice(i, end).some((t) => isKeyword(t, 'INDEX'));
      findings.push(unverifiable(body, token, tokens[end - 1] ?? token, mentionsIndex));
      i = end;
    }
  }
  return findings;
}

function startsStatement(previous: SqlToken | undefined): boolean {
  return previous === undefined || isPunctuation(previous, ';') || isKeyword(previous, 'BEGIN', 'THEN', 'ELSE', 'LOOP');
}

function unverifiable(body: SqlSource, first: SqlToken, last: SqlToken, mentionsIndex: boolean): SqlFinding {
  return { kind: 'unverifiable', range: [body.toSource(first.start), body.toSource(last.end)], mentionsIndex };
}

function statementEnd(tokens: readonly SqlToken[], from: number): number {
  const semicolon = tokens.findIndex((token, at) => at > from && isPunctuation(token, ';'));
  return semicolon === -1 ? tokens.length : semicolon;
}

/** `EXECUTE '<sql>'` or `EXECUTE format('<sql>', ...)`: the literal as SQL, format specifiers as holes. */
function executedSql(body: SqlSource, tokens: readonly SqlToken[], at: number): SqlSource | undefined {
  const next = tokens[at + 1];
  if (next?.kind === 'string') {
    const after = tokens[at + 2];
    if (after && !isPunctuation(after, ';') && !isKeyword(after, 'USING', 'INTO')) return undefined;
    return literalSource(body, next);
  }
  if (next?.text.toLowerCase() === 'format' && isPunctuation(tokens[at + 2], '(') && tokens[at + 3]?.kind === 'string') {
    const literal = literalSource(body, tokens[at + 3]!);
    if (!literal) return undefined;
    const spans = [...literal.text.matchAll(/%(?:\d+\$)?-?(?:\d+|\*(?:\d+\$)?)?([sIL%])/g)]
      .filter((match) => match[1] !== '%')
      .map((match) => ({ start: match.index, end: match.index + match[0].length, label: match[0] }));
    return withHoles(literal, spans);
  }
  return undefined;
}

function literalSource(body: SqlSource, token: SqlToken): SqlSource | undefined {
  const content = stringContent(token);
  return content && subSource(body, content.text, (offset) => content.map(offset));
}

/**
 * The content of a string token and a map from content offsets back to offsets before the token's own text:
 * dollar-quoted and standard single-quoted strings (`''` escapes). Escape strings (E'...') are not read.
 */
function stringContent(token: SqlToken): { text: string; map: (offset: number) => number } | undefined {
  const tag = /^\$[^$]*\$/.exec(token.text)?.[0];
  if (tag) {
    const text = token.text.slice(tag.length, token.text.length - tag.length);
    return { text, map: (offset) => token.start + tag.length + offset };
  }
  if (!token.text.startsWith("'")) return undefined;
  const raw = token.text.slice(1, -1);
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    origin.push(token.start + 1 + i);
    text += raw[i];
    if (raw[i] === "'" && raw[i + 1] === "'") i++;
  }
  return { text, map: (offset) => (offset >= origin.length ? token.start + token.text.length - 1 : origin[offset]!) };
}
