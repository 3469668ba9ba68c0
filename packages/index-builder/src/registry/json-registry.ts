// A .json registry: strict JSON (JSON.parse, so no trailing commas, comments or single quotes), the line of each
// entry and of each entry's keys from one pass over its text, and a syntax error placed at its true line and column.

export type JsonRegistry =
  | {
      value: unknown;
      /** Each top-level entry's line (1-based). */
      lines: number[];
      /** Per entry, the line of each of its keys. */
      keyLines: Map<string, number>[];
    }
  | { error: { message: string; line: number; fix?: string } };

export function readJsonRegistry(text: string): JsonRegistry {
  // A byte order mark is not JSON; a space keeps every offset where it was.
  const source = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { error: syntaxError(source, error instanceof Error ? error.message : String(error)) };
  }
  return scanLines(source, value);
}

/**
 * Where JSON.parse stopped and why. Its message gives the place as "at position N" (Node 20) or also as
 * "(line L column C)" (newer V8); some messages ("Unexpected token ...") give none, and then a strict scan of the
 * text finds it. A trailing comma is reported at the comma itself, not at the bracket after it.
 */
export function syntaxError(text: string, message: string): { message: string; line: number; fix?: string } {
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  const position = /at position (\d+)/.exec(message);
  let offset = lineColumn ? offsetOf(text, Number(lineColumn[1]), Number(lineColumn[2])) : position ? Number(position[1]) : undefined;
  // Messages with a position name the mistake ("Expected ',' or ']' after array element"); one that quotes the
  // registry's text (`Unexpected token ']', "..." is not valid JSON`) is replaced by a description of our own.
  const stated = message.replace(/\s*(?:in JSON\s*)?(?:at position \d+\s*)?(?:\(line \d+ column \d+\))?\s*$/, '');
  let what = offset !== undefined && !/["\n]/.test(stated) ? stated.charAt(0).toLowerCase() + stated.slice(1) : undefined;
  offset ??= firstErrorOffset(text) ?? 0;
  const comma = trailingCommaBefore(text, offset);
  if (comma !== undefined) {
    const { line, column } = lineAndColumn(text, comma);
    return { message: `not valid JSON: trailing comma at line ${line}, column ${column} (JSON allows none)`, line, fix: 'remove the comma' };
  }
  what ||= offset >= text.length ? 'unexpected end of the file' : `unexpected ${JSON.stringify(text[offset])}`;
  const { line, column } = lineAndColumn(text, offset);
  return { message: `not valid JSON: ${what} at line ${line}, column ${column}`, line };
}

/** The comma's offset when `offset` is a closing bracket that only whitespace separates from a comma before it. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  if (text[offset] !== ']' && text[offset] !== '}') return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i -= 1;
  return text[i] === ',' ? i : undefined;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return offset + column - 1;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const NUMBER_OR_LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** The offset of the first character strict JSON does not allow there; undefined when the scan finds none. */
function firstErrorOffset(text: string): number | undefined {
  let i = 0;
  const stop = (): never => {
    throw new JsonStop(i);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  };
  const string = () => {
    i += 1;
    for (;;) {
      if (i >= text.length || text.charCodeAt(i) < 0x20) stop();
      if (text[i] === '"') return void (i += 1);
      if (text[i] === '\\') {
        i += 1;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) stop();
          i += 5;
        } else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i]!)) i += 1;
        else stop();
      } else i += 1;
    }
  };
  const value = (): void => {
    space();
    if (text[i] === '"') return string();
    if (text[i] === '[' || text[i] === '{') {
      const close = text[i] === '[' ? ']' : '}';
      i += 1;
      space();
      if (text[i] === close) return void (i += 1);
      for (;;) {
        if (close === '}') {
          space();
          if (text[i] !== '"') stop();
          string();
          space();
          if (text[i] !== ':') stop();
          i += 1;
        }
        value();
        space();
        if (text[i] === close) return void (i += 1);
        if (text[i] !== ',') stop();
        i += 1;
      }
    }
    NUMBER_OR_LITERAL.lastIndex = i;
    if (!NUMBER_OR_LITERAL.test(text)) stop();
    i = NUMBER_OR_LITERAL.lastIndex;
  };
  try {
    value();
    space();
    return i < text.length ? i : undefined;
  } catch (error) {
    if (error instanceof JsonStop) return error.offset;
    return undefined; // nesting deeper than the stack: JSON.parse's message is all there is
  }
}

class JsonStop extends Error {
  constructor(readonly offset: number) {
    super(`JSON stops at ${offset}`);
  }
}

/** Lines of the entries (values at depth 1) and of their keys, in one pass over valid JSON; a key repeated in one
 * object is an error at the repeat (JSON.parse would silently keep only the last). */
function scanLines(text: string, value: unknown): JsonRegistry {
  const lines: number[] = [];
  const keyLines: Map<string, number>[] = [];
  // One frame per open container: its keys when it is an object, null when it is an array.
  const frames: (Set<string> | null)[] = [];
  let line = 1;
  let expectValue = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (c === 44 /* , */) {
      expectValue = frames.at(-1) === null;
      continue;
    }
    if (c === 58 /* : */) {
      expectValue = true;
      continue;
    }
    if (c === 93 /* ] */ || c === 125 /* } */) {
      frames.pop();
      expectValue = false;
      continue;
    }
    const entryStarts = expectValue && frames.length === 1 && frames[0] === null;
    if (entryStarts) {
      lines.push(line);
      keyLines.push(new Map());
    }
    const isValue = expectValue;
    expectValue = false;
    if (c === 91 /* [ */ || c === 123 /* { */) {
      frames.push(c === 91 ? null : new Set());
      expectValue = c === 91;
      continue;
    }
    if (c === 34 /* " */) {
      let end = i + 1;
      while (text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
      const keys = frames.at(-1);
      if (!isValue && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) {
          const shown = JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key);
          return { error: { message: `key ${shown} is repeated in one object; JSON.parse would keep only the last`, line, fix: 'keep one of them' } };
        }
        keys.add(key);
        if (frames.length === 2 && frames[0] === null) keyLines.at(-1)!.set(key, line);
      }
      i = end;
      continue;
    }
    // A number, true, false or null: skip to its end.
    while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i += 1;
  }
  return { value, lines, keyLines };
}
