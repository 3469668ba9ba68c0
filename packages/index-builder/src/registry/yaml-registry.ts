// A YAML registry: the document, and the line of each entry and of each entry's keys, read from the document's own
// node positions. Loaded only for those files: the YAML parser is a large module that a .ts or .json registry never
// needs.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';

/** Alias expansions allowed per anchor (the yaml package's maxAliasCount; its default, 100, is below a large registry's
 * honest use); an alias bomb ("billion laughs") passes it within a few levels. */
export const MAX_YAML_ALIASES = 10_000;

/** Lines (1-based) of each entry in a JSON or YAML registry, read from the document's own node positions. */
function entryLinesInData(doc: Document, lineCounter: LineCounter): number[] {
  const root = doc.contents;
  if (!isSeq(root)) return [];
  return root.items.map((item) => {
    const start = isMap(item) || item === null ? (item?.range?.[0] ?? 0) : ((item as { range?: [number] }).range?.[0] ?? 0);
    return lineCounter.linePos(start).line;
  });
}

/** Per entry, the line of each of its keys. */
function keyLinesInData(doc: Document, lineCounter: LineCounter): Map<string, number>[] {
  const root = doc.contents;
  if (!isSeq(root)) return [];
  return root.items.map((item) => {
    const keys = new Map<string, number>();
    if (!isMap(item)) return keys;
    for (const pair of item.items) {
      if (isScalar(pair.key) && pair.key.range) keys.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line);
    }
    return keys;
  });
}

export function parseDataRegistry(text: string): {
  doc: Document;
  lines: number[];
  keyLines: Map<string, number>[];
  lineCounter: LineCounter;
} {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return { doc, lines: entryLinesInData(doc, lineCounter), keyLines: keyLinesInData(doc, lineCounter), lineCounter };
}

/** The document as plain data, or the line of its first alias when the aliases expand beyond {@link MAX_YAML_ALIASES}. */
export function dataOf(doc: Document, lineCounter: LineCounter): { value: unknown } | { tooManyAliases: { line: number; alias: string } } {
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    // The yaml package says so with a ReferenceError and no position: the first alias is where to look.
    if (!(error instanceof ReferenceError) || !/alias count/i.test(error.message)) throw error;
    let first: { line: number; alias: string } | undefined;
    visit(doc, {
      Alias(_key, node) {
        first = { line: lineCounter.linePos(node.range?.[0] ?? 0).line, alias: node.source };
        return visit.BREAK;
      },
    });
    return { tooManyAliases: first ?? { line: 1, alias: '' } };
  }
}
