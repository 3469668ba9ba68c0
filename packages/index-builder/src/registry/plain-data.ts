// What a .ts/.js registry exported, as plain data that can leave its worker thread (structured clone). A function,
// symbol or bigint cannot be copied: each one is named (entry and field) instead of failing the whole copy with a
// DataCloneError. An object is copied as its own enumerable properties, as structured clone copies a class
// instance: getters of its class are not read.

export interface NotPlainValue {
  /** The entry's position in the exported array. */
  entry: number;
  /** The entry's key holding the value; undefined when the entry itself is the value. */
  field?: string;
  /** `a function`, `a symbol`, `a bigint`, `a circular reference`. */
  what: string;
}

export type PlainExport =
  /** The registry exported an array: its entries as plain data, and the values that could not be copied. */
  | { entries: unknown[]; notPlain: NotPlainValue[] }
  /** It exported something else: only what it was (`typeof`, or null), which is all validation says about it. */
  | { notArray: string };

const MAX_DEPTH = 64;

export function plainExport(exported: unknown): PlainExport {
  if (!Array.isArray(exported)) return { notArray: exported === null ? 'null' : typeof exported };
  const notPlain: NotPlainValue[] = [];
  const entries = exported.map((entry: unknown, index) => {
    const copy = new Copier((path, what) => notPlain.push({ entry: index, ...(path[0] === undefined ? {} : { field: path[0] }), what }));
    return copy.value(entry, []);
  });
  return { entries, notPlain };
}

class Copier {
  private readonly open = new Set<object>();
  constructor(private readonly report: (path: string[], what: string) => void) {}

  value(value: unknown, path: string[]): unknown {
    switch (typeof value) {
      case 'function':
        return this.refuse(path, 'a function');
      case 'symbol':
        return this.refuse(path, 'a symbol');
      case 'bigint':
        return this.refuse(path, 'a bigint');
      case 'object':
        break;
      default:
        return value;
    }
    if (value === null) return null;
    if (this.open.has(value)) return this.refuse(path, 'a circular reference');
    if (path.length >= MAX_DEPTH) return this.refuse(path, `nested more than ${MAX_DEPTH} levels deep`);
    this.open.add(value);
    try {
      if (Array.isArray(value)) return value.map((item: unknown, i) => this.value(item, [...path, String(i)]));
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) copy[key] = this.value((value as Record<string, unknown>)[key], [...path, key]);
      return copy;
    } finally {
      this.open.delete(value);
    }
  }

  private refuse(path: string[], what: string): undefined {
    this.report(path, what);
    return undefined;
  }
}
