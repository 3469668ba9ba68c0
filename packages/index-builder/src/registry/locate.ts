// Where each entry stands in a .ts/.js registry file, so that problems read `file:line: message`. (JSON and YAML
// registries: json-registry.ts, yaml-registry.ts.) One pass over the text whatever the number of entries: a line
// count from the start of the file for each entry made 50,000 entries take minutes.

/** A `name:` property, and its value when it is a plain string literal. */
const NAME_PROPERTY = /(?<![\w$.])(['"]?)name\1\s*:(?:\s*(['"`])([^'"`\\\n]*)\2)?/g;

/**
 * Lines of each entry in a .ts/.js registry. The module has already run, so this only needs to find the entries in
 * the text: by their `name:` properties in order when there is one per entry, else by each entry's name value.
 */
export function entryLinesInScript(text: string, names: unknown[]): number[] {
  const properties = [...text.matchAll(NAME_PROPERTY)];
  const exportOffset = text.search(/defineIndexes\s*\(|export\s+default/);
  const lines = linesAt(text, [...properties.map((m) => m.index), Math.max(exportOffset, 0)]);
  const fallback = exportOffset < 0 ? 1 : lines.at(-1)!;
  if (properties.length === names.length) return lines.slice(0, -1);
  // Each name value's properties, in file order; an entry takes the first one no earlier entry took.
  const byValue = new Map<string, number[]>();
  properties.forEach((m, i) => {
    const value = m[3];
    if (value === undefined) return;
    const queue = byValue.get(value);
    if (queue) queue.push(lines[i]!);
    else byValue.set(value, [lines[i]!]);
  });
  return names.map((name) => (typeof name === 'string' ? byValue.get(name)?.shift() : undefined) ?? fallback);
}

/** The line (1-based) of each offset, in one pass over the text. */
function linesAt(text: string, offsets: number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const lines = new Array<number>(offsets.length);
  let line = 1;
  let position = 0;
  for (const i of order) {
    for (; position < offsets[i]!; position += 1) if (text.charCodeAt(position) === 10) line += 1;
    lines[i] = line;
  }
  return lines;
}
