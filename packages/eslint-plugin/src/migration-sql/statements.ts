// Statements of a piece of SQL, parsed by PostgreSQL's parser, with positions in JavaScript string offsets.
import { byteToCharOffsets, type Node, parseSql, SqlSyntaxError } from '@index-builder/sql-core';

export interface ParsedStatement {
  node: Node;
  /** Offset of the statement's first token (comments before it excluded). */
  start: number;
  /** Offset just past the statement's last character, before its semicolon. */
  end: number;
}

export type ParseOutcome = { ok: true; statements: ParsedStatement[] } | { ok: false; message: string; offset: number | undefined };

/** Parses `text`; never throws for bad SQL. */
export function parseStatements(text: string): ParseOutcome {
  if (text.trim() === '') return { ok: true, statements: [] };
  let raw;
  try {
    raw = parseSql(text);
  } catch (error) {
    if (!(error instanceof SqlSyntaxError)) throw error;
    const position = error.offset;
    return { ok: false, message: error.message, offset: position === undefined ? undefined : codePointsToOffset(text, position) };
  }
  const toChar = byteToCharOffsets(text);
  const statements = raw.flatMap((stmt): ParsedStatement[] => {
    if (!stmt.stmt) return [];
    const startByte = stmt.stmt_location ?? 0;
    const start = toChar(startByte);
    const end = stmt.stmt_len ? toChar(startByte + stmt.stmt_len) : trimmedEnd(text);
    return [{ node: stmt.stmt, start: skipSpace(text, start), end: trimSpaceBefore(text, end) }];
  });
  return { ok: true, statements };
}

/** PostgreSQL 18 already points at the first token; older parsers pointed just past the previous semicolon. */
function skipSpace(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

function trimSpaceBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return at;
}

function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /[\s;]/.test(text[end - 1]!)) end--;
  return end;
}

/**
 * Where PostgreSQL puts a syntax error, as a JavaScript string offset: libpg-query reports it (SqlSyntaxError.offset)
 * as a 0-based count of characters (code points, not UTF-16 units).
 */
function codePointsToOffset(text: string, codePoints: number): number {
  let offset = 0;
  for (let n = 0; n < codePoints && offset < text.length; n++) offset += text.codePointAt(offset)! > 0xffff ? 2 : 1;
  return offset;
}
