// A .json registry read with JSON.parse and one pass over its text for the line of each entry: the YAML parser,
// which also reads JSON, builds a document of several objects per value (slow and large at 10,000 entries).
// Anything JSON.parse rejects, or that the YAML parser would (a key repeated in an object), goes the YAML way, so
// messages stay the same.

/** The registry and each top-level entry's line (1-based); undefined when the YAML path must say what is wrong. */
export function readJsonRegistry(text: string): { value: unknown; lines: number[] } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const lines = scanEntryLines(text);
  return lines ? { value, lines } : undefined;
}

/** Lines of the values at depth 1 of valid JSON; undefined when an object repeats a key. */
function scanEntryLines(text: string): number[] | undefined {
  const lines: number[] = [];
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
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff) continue;
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
    if (expectValue && frames.length === 1 && frames[0] === null) lines.push(line);
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
        if (keys.has(key)) return undefined;
        keys.add(key);
      }
      i = end;
      continue;
    }
    // A number, true, false or null: skip to its end.
    while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i += 1;
  }
  return lines;
}
