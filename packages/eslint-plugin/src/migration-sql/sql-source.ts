// SQL as it is found in a file: the text to parse, where it came from, and the parts that cannot be known statically
// ("holes": `${expr}` in a template literal, a concatenated variable, a `?` binding). Each hole is replaced by a
// placeholder identifier, which parses wherever an identifier or expression may stand; a hole in any other place
// (say, where the statement keyword would be) makes that statement unreadable, which the analysis reports as such.

export interface SqlSource {
  /** The SQL, each hole replaced by its placeholder `__ibhN__`. */
  readonly text: string;
  /** What the source wrote for hole N (`${table}`, `?`, `%I`), for messages. */
  readonly labels: readonly string[];
  /** Maps an offset in `text` to an offset in the file the SQL was read from. */
  toSource(offset: number): number;
}

/** A piece of SQL as written: static text (with the file offset of each character) or a hole. */
export type SqlPart =
  { kind: 'text'; text: string; offsets: ArrayLike<number>; end: number } | { kind: 'hole'; label: string; start: number; end: number };

const PLACEHOLDER = /__ibh(\d+)__/g;

function placeholder(index: number): string {
  return `__ibh${index}__`;
}

export function containsPlaceholder(text: string): boolean {
  return text.includes('__ibh');
}

/** SQL read straight from a file (a .sql migration): no holes, offsets unchanged. */
export function plainSqlSource(text: string, base = 0): SqlSource {
  return { text, labels: [], toSource: (offset) => base + offset };
}

/**
 * Joins static text and holes into one SQL source, keeping every character's file offset. A text part's `end` is
 * the file offset just past its source (before the closing quote), which the end of the text maps to.
 */
export function sqlFromParts(parts: readonly SqlPart[]): SqlSource {
  let text = '';
  const offsets: number[] = [];
  const labels: string[] = [];
  let end = 0;
  for (const part of parts) {
    if (part.kind === 'text') {
      for (let i = 0; i < part.text.length; i++) offsets.push(part.offsets[i]!);
      text += part.text;
    } else {
      const name = placeholder(labels.length);
      labels.push(part.label);
      for (let i = 0; i < name.length; i++) offsets.push(i === 0 ? part.start : part.end);
      text += name;
    }
    end = part.end;
  }
  return { text, labels, toSource: (offset) => (offset >= offsets.length ? end : offsets[Math.max(0, offset)]!) };
}

/** A slice of `source` as a source of its own (a DO body, an EXECUTE string), offsets mapped through `map`. */
export function subSource(source: SqlSource, text: string, map: (offset: number) => number): SqlSource {
  return { text, labels: source.labels, toSource: (offset) => source.toSource(map(offset)) };
}

/**
 * Replaces spans of `source` by placeholders (bind parameters such as `?`, `:name`, or format() specifiers such as
 * `%I`), so that the statement around them parses. Spans must be sorted and must not overlap.
 */
export function withHoles(source: SqlSource, spans: readonly { start: number; end: number; label: string }[]): SqlSource {
  if (spans.length === 0) return source;
  let text = '';
  const origin: number[] = [];
  const labels = [...source.labels];
  let from = 0;
  const copy = (until: number): void => {
    for (let i = from; i < until; i++) origin.push(i);
    text += source.text.slice(from, until);
  };
  for (const span of spans) {
    copy(span.start);
    const name = placeholder(labels.length);
    labels.push(span.label);
    for (let i = 0; i < name.length; i++) origin.push(i === 0 ? span.start : span.end);
    text += name;
    from = span.end;
  }
  copy(source.text.length);
  const length = source.text.length;
  return {
    text,
    labels,
    toSource: (offset) => source.toSource(offset >= origin.length ? length : origin[Math.max(0, offset)]!),
  };
}

/**
 * An identifier as the user would recognise it: placeholders become their labels, so that a name built as
 * `idx_${table}` reads back as written.
 */
export function displayName(name: string, source: SqlSource): string {
  if (!containsPlaceholder(name)) return name;
  return name.replace(PLACEHOLDER, (_, index: string) => source.labels[Number(index)] ?? '...');
}
