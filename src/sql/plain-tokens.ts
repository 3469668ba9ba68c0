// The plainest SQL read without PostgreSQL's scanner, which costs a WASM call and a JSON document per statement
// (the ESLint plugin writes a registry entry for every CREATE INDEX it reports). Plain means: ASCII words, integers,
// double-quoted identifiers, punctuation, spaces, tabs and line breaks. Anything that could read otherwise (a
// string, a comment, a dollar sign, a backslash, `U&"..."`, a number with a dot or an exponent, other characters) is
// not plain: scan it.
import type { SqlToken } from './sql-tokens.ts';

/**
 * The keywords safeIndexSql looks for, with PostgreSQL's category of each (1 unreserved, 2 column name, 3 type or
 * function name, 4 reserved). Other words come back as identifiers, keywords or not: compare plain tokens with these
 * keywords only.
 */
const KEYWORDS: ReadonlyMap<string, number> = new Map([
  ['CREATE', 4],
  ['UNIQUE', 4],
  ['INDEX', 1],
  ['CONCURRENTLY', 3],
  ['IF', 1],
  ['NOT', 4],
  ['EXISTS', 2],
  ['ON', 4],
]);

const PUNCTUATION = new Set('(),:;+-*/%^<>=~!@#|?[]');

const isSpace = (char: string): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\r';
const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const isWordStart = (char: string): boolean => (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_';
const isWordPart = (char: string): boolean => isWordStart(char) || isDigit(char);

/** The code tokens of `text` (plain text has no comments), or undefined when it is not plain. */
export function plainTokens(text: string): SqlToken[] | undefined {
  const tokens: SqlToken[] = [];
  const push = (start: number, end: number, kind: SqlToken['kind']): void => {
    const token = text.slice(start, end);
    const keywordKind = kind === 'identifier' ? (KEYWORDS.get(token.toUpperCase()) ?? 0) : 0;
    const keyword = keywordKind > 0 ? token.toUpperCase() : undefined;
    tokens.push({ kind: keyword ? 'keyword' : kind, start, end, text: token, keyword, keywordKind });
  };
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    let end = at + 1;
    if (isSpace(char)) {
      at += 1;
      continue;
    }
    if (isWordStart(char)) {
      while (end < text.length && isWordPart(text[end]!)) end++;
      push(at, end, 'identifier');
    } else if (isDigit(char)) {
      // PostgreSQL rejects `1abc` as junk, reads `1.5` and `1e5` as one number: none of them is plain.
      while (end < text.length && isDigit(text[end]!)) end++;
      if (end < text.length && (isWordPart(text[end]!) || text[end] === '.')) return undefined;
      push(at, end, 'number');
    } else if (char === '"') {
      // A quoted identifier: `""` inside stands for one quote; an empty or unterminated one is an error.
      for (; ; end++) {
        if (end >= text.length) return undefined;
        if (text[end] !== '"') continue;
        if (text[end + 1] !== '"') break;
        end++;
      }
      end++;
      if (end === at + 2) return undefined;
      push(at, end, 'identifier');
    } else if (char === '.') {
      // `.5` is a number: plain only before a word or a quoted name.
      const next = text[at + 1];
      if (next === undefined || isDigit(next)) return undefined;
      push(at, end, 'punctuation');
    } else {
      const pair = text.slice(at, at + 2);
      if (!PUNCTUATION.has(char) || pair === '--' || pair === '/*') return undefined;
      // Operators are read a character at a time: `<>` is one token to PostgreSQL, two here, with no gap between.
      push(at, end, '(),;[]:'.includes(char) ? 'punctuation' : 'operator');
    }
    at = end;
  }
  return tokens;
}
