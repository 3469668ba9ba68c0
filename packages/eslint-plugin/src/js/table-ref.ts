// A table as a migration names it in a call: a string, `'schema.name'`, or an expression whose source stands in for
// the name.
import type { TSESTree } from '@typescript-eslint/utils';
import { staticString } from './static-values.ts';

/** A table as a migration names it: statically, or as the source text of the expression that computes it. */
export interface TableRef {
  name: string;
  schema: string | undefined;
  /** The name is the source text of an expression (`${tableName}`), not a table name. */
  computed: boolean;
}

/** Reads a table argument: `'users'`, `'public.users'` (when `splitDot`), `{ schema, name }`-like objects. */
export function tableRef(node: TSESTree.Node | undefined, sourceText: string, splitDot = false): TableRef {
  if (!node) return { name: '(unknown table)', schema: undefined, computed: true };
  const name = staticString(node);
  if (name !== undefined) return namedTable(name, splitDot);
  return { name: `\${${sourceText.slice(node.range[0], node.range[1])}}`, schema: undefined, computed: true };
}

/** A table named by a string, `schema.table` split when `splitDot` (TypeORM's convention). */
export function namedTable(name: string, splitDot: boolean): TableRef {
  const dot = splitDot ? name.indexOf('.') : -1;
  return dot === -1 ? { name, schema: undefined, computed: false } : { name: name.slice(dot + 1), schema: name.slice(0, dot), computed: false };
}
