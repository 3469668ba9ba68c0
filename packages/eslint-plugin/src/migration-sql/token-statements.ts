// Reading CREATE INDEX / CREATE TABLE from tokens, for statements that hold holes where PostgreSQL's parser cannot
// accept a placeholder (`CREATE ${unique} INDEX ...`). Only used after the parser has declined the statement.
import { containsPlaceholder } from './sql-source.ts';
import { isKeyword, isPunctuation, type SqlToken } from '@index-builder/sql-core';

export interface TokenIndex {
  name: string | undefined;
  tableName: string;
  tableSchema: string | undefined;
  unique: boolean;
  concurrent: boolean;
}

/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table ...`, holes allowed anywhere. */
export function indexFromTokens(tokens: readonly SqlToken[]): TokenIndex | undefined {
  if (!isKeyword(tokens[0], 'CREATE')) return undefined;
  let i = 1;
  let unique = false;
  while (i < tokens.length && (isKeyword(tokens[i], 'UNIQUE') || isHole(tokens[i]))) {
    if (isKeyword(tokens[i], 'UNIQUE')) unique = true;
    i++;
  }
  if (!isKeyword(tokens[i], 'INDEX')) return undefined;
  const on = tokens.findIndex((token, at) => at > i && isKeyword(token, 'ON'));
  if (on === -1) return undefined;
  const names = tokens.slice(i + 1, on).filter((token) => !isKeyword(token, 'CONCURRENTLY', 'IF', 'NOT', 'EXISTS'));
  const nameToken = names[names.length - 1];
  const table = qualifiedName(tokens, isKeyword(tokens[on + 1], 'ONLY') ? on + 2 : on + 1);
  if (!table) return undefined;
  const concurrent = isKeyword(tokens[i + 1], 'CONCURRENTLY');
  return { name: nameToken && identifierText(nameToken), ...table, unique, concurrent };
}

/** `CREATE [TEMP | UNLOGGED ...] TABLE [IF NOT EXISTS] name ...`. */
export function tableFromTokens(tokens: readonly SqlToken[]): { tableName: string; tableSchema: string | undefined } | undefined {
  if (!isKeyword(tokens[0], 'CREATE')) return undefined;
  const table = tokens.findIndex((token) => isKeyword(token, 'TABLE'));
  if (table === -1 || tokens.slice(1, table).some((token) => !token.keyword && !isHole(token))) return undefined;
  let i = table + 1;
  if (isKeyword(tokens[i], 'IF') && isKeyword(tokens[i + 1], 'NOT') && isKeyword(tokens[i + 2], 'EXISTS')) i += 3;
  return qualifiedName(tokens, i);
}

function qualifiedName(tokens: readonly SqlToken[], at: number): { tableName: string; tableSchema: string | undefined } | undefined {
  const first = tokens[at];
  if (!first || first.kind === 'punctuation') return undefined;
  if (isPunctuation(tokens[at + 1], '.') && tokens[at + 2]) {
    return { tableSchema: identifierText(first), tableName: identifierText(tokens[at + 2]!) };
  }
  return { tableName: identifierText(first), tableSchema: undefined };
}

function isHole(token: SqlToken | undefined): boolean {
  return token !== undefined && containsPlaceholder(token.text);
}

/** An identifier as PostgreSQL stores it: quoted names as written, others folded to lower case. */
function identifierText(token: SqlToken): string {
  if (token.text.startsWith('"')) return token.text.slice(1, -1).replace(/""/g, '"');
  return token.kind === 'identifier' || token.kind === 'keyword' ? token.text.toLowerCase() : token.text;
}
