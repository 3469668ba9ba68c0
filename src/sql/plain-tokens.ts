// The plainest SQL read without PostgreSQL's scanner, which costs about 0.1 ms a statement through libpg-query's
// WebAssembly (the ESLint plugin writes a registry entry for every CREATE INDEX it reports). Plain means: ASCII
// words, integers, double-quoted identifiers, punctuation, spaces, tabs and line breaks. Anything that could read
// otherwise (a string, a comment, a dollar sign, a backslash, `U&"..."`, other characters) is not plain: scan it.

export interface PlainToken {
  start: number;
  end: number;
  /**
   * A word in upper case, as PostgreSQL reads a keyword (`on` is ON). Plain identifiers get one too, so compare it
   * with keywords only.
   */
  keyword: string | undefined;
}

const SPACE = /[ \t\n\r]+/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
/** Integers only, never touching a letter, digit separator or dot: PostgreSQL rejects `1e5x` and `1abc` as junk. */
const NUMBER = /[0-9]+(?![A-Za-z0-9_.])/y;
const QUOTED_IDENTIFIER = /"(?:[^"]|"")+"/y;
const PUNCTUATION = new Set('(),.;:+-*/%^<>=~!@#|?[]');

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : at;
}

/** The tokens of `text` (no comments: plain text has none), or undefined when it is not plain. */
export function plainTokens(text: string): PlainToken[] | undefined {
  const tokens: PlainToken[] = [];
  let at = 0;
  while (at < text.length) {
    const spaceEnd = matchAt(SPACE, text, at);
    if (spaceEnd > at) {
      at = spaceEnd;
      continue;
    }
    const wordEnd = matchAt(WORD, text, at);
    const end = wordEnd > at ? wordEnd : Math.max(matchAt(NUMBER, text, at), matchAt(QUOTED_IDENTIFIER, text, at));
    if (end > at) {
      tokens.push({ start: at, end, keyword: wordEnd > at ? text.slice(at, end).toUpperCase() : undefined });
      at = end;
      continue;
    }
    const char = text[at]!;
    const pair = text.slice(at, at + 2);
    if (!PUNCTUATION.has(char) || pair === '--' || pair === '/*') return undefined;
    tokens.push({ start: at, end: at + 1, keyword: undefined });
    at += 1;
  }
  return tokens;
}
