// The text of JavaScript string literals and template chunks, with the file offset of every character, so that SQL
// read from them can be reported at its exact line and column even when the source uses escapes.

export interface DecodedText {
  text: string;
  /** offsets[i] is the file offset of the source character that produced text[i]. */
  offsets: number[];
  /** The file offset just past the decoded source. */
  end: number;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v' };

/**
 * Decodes the raw source of a string literal's body or a template chunk (`raw`, starting at file offset `base`):
 * escapes become the characters they stand for, line continuations vanish and, in templates, CRLF becomes LF.
 */
export function decodeJsText(raw: string, base: number): DecodedText {
  if (!raw.includes('\\') && !raw.includes('\r')) return verbatim(raw, base);
  let text = '';
  const offsets: number[] = [];
  const emit = (value: string, at: number): void => {
    text += value;
    for (let k = 0; k < value.length; k++) offsets.push(base + at);
  };
  let i = 0;
  while (i < raw.length) {
    const char = raw[i]!;
    if (char === '\r' && raw[i + 1] === '\n') {
      emit('\n', i);
      i += 2;
    } else if (char !== '\\') {
      emit(char, i);
      i++;
    } else {
      const { value, length } = readEscape(raw, i);
      emit(value, i);
      i += length;
    }
  }
  return { text, offsets, end: base + raw.length };
}

/** Text without escapes or carriage returns: each character stands for itself. */
function verbatim(raw: string, base: number): DecodedText {
  const offsets = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; i++) offsets[i] = base + i;
  return { text: raw, offsets, end: base + raw.length };
}

/** The escape sequence starting at `raw[at]` (a backslash): what it stands for and how many characters it spans. */
function readEscape(raw: string, at: number): { value: string; length: number } {
  const next = raw[at + 1] ?? '';
  if (next in SIMPLE_ESCAPES) return { value: SIMPLE_ESCAPES[next]!, length: 2 };
  if (next === '\r') return { value: '', length: raw[at + 2] === '\n' ? 3 : 2 };
  if (next === '\n' || next === '\u2028' || next === '\u2029') return { value: '', length: 2 };
  if (next === 'x') return codePoint(raw.slice(at + 2, at + 4), 4, /^[0-9a-f]{2}$/i);
  if (next === 'u') {
    if (raw[at + 2] === '{') {
      const close = raw.indexOf('}', at + 3);
      return codePoint(raw.slice(at + 3, close), close - at + 1, /^[0-9a-f]+$/i);
    }
    return codePoint(raw.slice(at + 2, at + 6), 6, /^[0-9a-f]{4}$/i);
  }
  const octal = /^[0-7]{1,3}/.exec(raw.slice(at + 1))?.[0];
  if (octal && !(octal === '0' && /[89]/.test(raw[at + 2] ?? ''))) {
    const value = Number.parseInt(octal, 8);
    const digits = value > 0o377 ? octal.slice(0, 2) : octal;
    return { value: String.fromCharCode(Number.parseInt(digits, 8)), length: 1 + digits.length };
  }
  return { value: next, length: 2 };
}

function codePoint(hex: string, length: number, pattern: RegExp): { value: string; length: number } {
  if (!pattern.test(hex)) return { value: hex, length };
  return { value: String.fromCodePoint(Number.parseInt(hex, 16)), length };
}
