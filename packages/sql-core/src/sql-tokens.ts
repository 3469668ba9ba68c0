// PostgreSQL's own scanner (libpg-query), with positions in JavaScript string offsets. Comments, string literals,
// quoted identifiers and dollar-quoted bodies come out as single tokens, so nothing inside them is ever mistaken
// for a keyword.
import { scanSql } from './parser.ts';
import { byteToCharOffsets } from './utf8-offsets.ts';

export type SqlTokenKind = 'keyword' | 'identifier' | 'string' | 'comment' | 'number' | 'parameter' | 'punctuation' | 'operator';

export interface SqlToken {
  kind: SqlTokenKind;
  start: number;
  end: number;
  text: string;
  /** The keyword in upper case, for keyword tokens (`CREATE`, `INDEX`, `CONCURRENTLY`). */
  keyword: string | undefined;
  /** PostgreSQL's keyword category: 0 none, 1 unreserved, 2 column name, 3 type or function name, 4 reserved. */
  keywordKind: number;
}

const KINDS: Record<string, SqlTokenKind> = {
  IDENT: 'identifier',
  UIDENT: 'identifier',
  SCONST: 'string',
  USCONST: 'string',
  BCONST: 'string',
  XCONST: 'string',
  ICONST: 'number',
  FCONST: 'number',
  PARAM: 'parameter',
  SQL_COMMENT: 'comment',
  C_COMMENT: 'comment',
};

/** Recently scanned texts: the rule scans one statement several times (findings, then its registry entry). */
const recent = new Map<string, readonly SqlToken[] | undefined>();
const RECENT_LIMIT = 64;

/**
 * Every token of `text`, comments included; undefined when the text cannot be scanned (an unterminated quote). The
 * array may be shared with other callers that scanned the same text: read it, never change it.
 */
export function scanTokens(text: string): readonly SqlToken[] | undefined {
  if (recent.has(text)) return recent.get(text);
  const tokens = scanUncached(text);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(text, tokens);
  return tokens;
}

function scanUncached(text: string): readonly SqlToken[] | undefined {
  if (text.trim() === '') return [];
  let scanned;
  try {
    scanned = scanSql(text).tokens;
  } catch {
    return undefined;
  }
  const toChar = byteToCharOffsets(text);
  return scanned.map((token) => {
    const keyword = token.keywordKind > 0 ? token.text.toUpperCase() : undefined;
    return {
      kind: keyword ? 'keyword' : kindOf(token.tokenName, token.text),
      start: toChar(token.start),
      end: toChar(token.end),
      text: token.text,
      keyword,
      keywordKind: token.keywordKind,
    };
  });
}

function kindOf(tokenName: string, text: string): SqlTokenKind {
  const known = KINDS[tokenName];
  if (known) return known;
  if (tokenName.startsWith('ASCII_') || text === '.') return 'punctuation';
  if (text.startsWith('U&"')) return 'identifier';
  if (text.startsWith("U&'")) return 'string';
  return 'operator';
}

/** The tokens that matter to the grammar: comments left out. */
export function codeTokens(tokens: readonly SqlToken[]): SqlToken[] {
  return tokens.filter((token) => token.kind !== 'comment');
}

export function isKeyword(token: SqlToken | undefined, ...keywords: string[]): boolean {
  return token?.keyword !== undefined && keywords.includes(token.keyword);
}

export function isPunctuation(token: SqlToken | undefined, text: string): boolean {
  return token?.kind === 'punctuation' && token.text === text;
}

/** Splits code tokens into statements at top-level semicolons (semicolons inside quotes are inside one token). */
export function splitStatements(tokens: readonly SqlToken[]): SqlToken[][] {
  const statements: SqlToken[][] = [];
  let current: SqlToken[] = [];
  for (const token of tokens) {
    if (token.kind === 'comment') continue;
    if (isPunctuation(token, ';')) {
      if (current.length) statements.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length) statements.push(current);
  return statements;
}
