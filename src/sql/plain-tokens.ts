// The plainest SQL read without PostgreSQL's scanner, which costs about 0.1 ms a statement through libpg-query's
// WebAssembly (the ESLint plugin writes a registry entry for every CREATE INDEX it reports). Plain means: ASCII
// words, integers, double-quoted identifiers, punctuation, spaces, tabs and line breaks. Anything that could read
// otherwise (a string, a comment, a dollar sign, a backslash, `U&"..."`, a number with a dot or an exponent, other
// characters) is not plain: scan it.

export interface PlainToken {
  start: number;
  end: number;
  /**
   * A word in upper case, as PostgreSQL reads a keyword (`on` is ON). Plain identifiers get one too, so compare it
   * with keywords only.
   */
  keyword: string | undefined;
}

const PUNCTUATION = new Set('(),:;+-*/%^<>=~!@#|?[]');

const isSpace = (char: string): boolean => char === ' ' || char === '\t' || char === '\n' || char === '\r';
const isDigit = (char: string): boolean => char >= '0' && char <= '9';
const isWordStart = (char: string): boolean => (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || char === '_';
const isWordPart = (char: string): boolean => isWordStart(char) || isDigit(char);

/** The tokens of `text` (no comments: plain text has none), or undefined when it is not plain. */
export function plainTokens(text: string): PlainToken[] | undefined {
  const tokens: PlainToken[] = [];
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
      tokens.push({ start: at, end, keyword: text.slice(at, end).toUpperCase() });
    } else if (isDigit(char)) {
      // PostgreSQL rejects `1abc` as junk, reads `1.5` and `1e5` as one number: none of them is plain.
      while (end < text.length && isDigit(text[end]!)) end++;
      if (end < text.length && (isWordPart(text[end]!) || text[end] === '.')) return undefined;
      tokens.push({ start: at, end, keyword: undefined });
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
      tokens.push({ start: at, end, keyword: undefined });
    } else if (char === '.') {
      // `.5` is a number, and `x.5e3` more than one token: plain only before a word or a quoted name.
      const next = text[at + 1];
      if (next === undefined || isDigit(next)) return undefined;
      tokens.push({ start: at, end, keyword: undefined });
    } else {
      const pair = text.slice(at, at + 2);
      if (!PUNCTUATION.has(char) || pair === '--' || pair === '/*') return undefined;
      tokens.push({ start: at, end, keyword: undefined });
    }
    at = end;
  }
  return tokens;
}
