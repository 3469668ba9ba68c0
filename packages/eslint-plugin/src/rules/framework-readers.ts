// How the rules ask the migration libraries about a file: one reader per registered library, asked in registry
// order; the first library that recognises a call answers for it.
import type { TSESTree } from '@typescript-eslint/utils';
import { tableRef, type TableRef } from '../js/table-ref.ts';
import { FRAMEWORKS } from '../frameworks/index.ts';
import { CREATE_TABLE_METHODS, type DescribedConstraint, type DescribedIndex, type FrameworkReader } from '../frameworks/shared/framework.ts';

type Call = TSESTree.CallExpression;

export class FrameworkReaders {
  readonly #readers: readonly FrameworkReader[];

  constructor(private readonly sourceText: string) {
    this.#readers = FRAMEWORKS.map((framework) => framework.read(sourceText));
  }

  /** Shows a call to every library, before any question about it. */
  enter(call: Call, method: string): void {
    for (const reader of this.#readers) reader.enter(call, method);
  }

  /** The indexes a call creates; undefined when no library recognises it. */
  indexes(call: Call, method: string): DescribedIndex[] | undefined {
    return this.#first((reader) => reader.indexes(call, method));
  }

  indexObjects(node: TSESTree.NewExpression): DescribedIndex[] {
    return this.#readers.flatMap((reader) => reader.indexObjects(node));
  }

  /** The constraints a call adds to an existing table (empty for calls of no library, or on new tables). */
  constraints(call: Call, method: string): DescribedConstraint[] {
    return this.#first((reader) => reader.constraints(call, method)) ?? [];
  }

  /**
   * The table a createTable call creates: in the form of the library that recognises it, else the first argument
   * read as a table name or expression (`createTable('t', ...)`, `createTable(tableName, ...)`).
   */
  createdTable(call: Call, method: string): TableRef | undefined {
    if (!CREATE_TABLE_METHODS.has(method)) return undefined;
    const first = call.arguments[0];
    if (!first || first.type === 'SpreadElement') return undefined;
    return this.#first((reader) => reader.createdTable(call, method)) ?? tableRef(first, this.sourceText);
  }

  #first<T>(answer: (reader: FrameworkReader) => T | undefined): T | undefined {
    for (const reader of this.#readers) {
      const found = answer(reader);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
