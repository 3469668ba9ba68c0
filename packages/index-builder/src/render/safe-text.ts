// Text from outside (a registry, a database, a driver, a file path) made safe to print as one line of a log that
// the GitHub runner reads for workflow commands. The runner reads stdout and stderr line by line, splitting at CR,
// LF or CRLF; it takes a line for a command when, after its leading whitespace, it starts with `::name ...::`, or
// when it holds the legacy `##[name ...]` anywhere. So external text may hold no line break (it could then start a
// line of its own) and no `##[`. Control characters, Unicode line and paragraph separators and bidirectional
// controls are written out (`\n`, `\u{2028}`) rather than dropped, so the line still says what is there.

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 and C1 controls (with DEL and NEL), the line and paragraph separators, and the bidirectional controls that
// can make a line read differently from what it holds.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One line's worth of external text: control characters written out, the runner's legacy `##[` broken. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => NAMED[char] ?? `\\u{${char.codePointAt(0)!.toString(16)}}`).replace(/##\[/g, '##\\u{5b}');
}

// What the runner trims before looking for `::` (.NET's char.IsWhiteSpace: JavaScript's \s, and NEL).
const LEADING_SPACE = /^[\s\u0085]*/;

/**
 * A whole line as it is about to be written: {@link visible}, and a line that would still start with `::` (external
 * text placed first on it) gets that colon written out. Lines of ours never start with `::`: the workflow commands
 * we mean to send go through @actions/core, not through here.
 */
export function safeLine(line: string): string {
  const text = visible(line);
  const indent = LEADING_SPACE.exec(text)![0];
  return text.startsWith('::', indent.length) ? `${indent}\\u{3a}${text.slice(indent.length + 1)}` : text;
}

/** Text of ours that spans lines (a help text, a Markdown summary): each line made safe on its own. */
export function safeLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(safeLine);
}
