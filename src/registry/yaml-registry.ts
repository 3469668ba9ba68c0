// A YAML registry (and a .json one that JSON.parse refused, so its message comes from the YAML parser): the
// document and each entry's line, read from the document's own node positions. Loaded only for those files: the
// YAML parser is a large module that a .ts or valid .json registry never needs.
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** Lines (1-based) of each entry in a JSON or YAML registry, read from the document's own node positions. */
export function entryLinesInData(doc: Document, lineCounter: LineCounter): number[] {
  const root = doc.contents;
  if (!isSeq(root)) return [];
  return root.items.map((item) => {
    const start = isMap(item) || item === null ? (item?.range?.[0] ?? 0) : ((item as { range?: [number] }).range?.[0] ?? 0);
    return lineCounter.linePos(start).line;
  });
}

export function parseDataRegistry(text: string): { doc: Document; lines: number[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return { doc, lines: entryLinesInData(doc, lineCounter) };
}
