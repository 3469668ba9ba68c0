// The registry's `constraint` key: after a valid build, the builder attaches the index as a UNIQUE or PRIMARY KEY
// constraint of the same name (ALTER TABLE ... ADD CONSTRAINT name UNIQUE USING INDEX name). PostgreSQL accepts
// only a unique b-tree index on plain columns, in default sort order, without a predicate: checked here, offline.
import type { IndexStatement } from '../index-statement.ts';

export type ConstraintKind = 'unique' | 'primary key';
export const CONSTRAINT_KINDS: readonly ConstraintKind[] = ['unique', 'primary key'];

/** A problem with the key, in the registry's problem shape (without the location, which the caller knows). */
export interface ConstraintProblem {
  code:
    | 'constraint-unknown-kind'
    | 'constraint-needs-unique-index'
    | 'constraint-partial-index'
    | 'constraint-expression-index'
    | 'constraint-not-btree'
    | 'constraint-sort-order';
  field: 'constraint';
  message: string;
  fix: string;
}

type IndexElem = {
  IndexElem?: { name?: string; expr?: unknown; ordering?: string; nulls_ordering?: string; opclass?: unknown[]; collation?: unknown[] };
};

/** Checks `constraint` against the entry's statement; undefined when the key is absent or fine. */
export function checkConstraintKey(value: unknown, statement: IndexStatement): ConstraintProblem | undefined {
  if (value === undefined) return undefined;
  const problem = (code: ConstraintProblem['code'], message: string, fix: string): ConstraintProblem => ({ code, field: 'constraint', message, fix });
  if (typeof value !== 'string' || !CONSTRAINT_KINDS.includes(value as ConstraintKind)) {
    return problem(
      'constraint-unknown-kind',
      `"constraint" must be 'unique' or 'primary key', found ${JSON.stringify(value)}`,
      "write constraint: 'unique' (or 'primary key'), or leave it out",
    );
  }
  const keyword = value === 'unique' ? 'UNIQUE' : 'PRIMARY KEY';
  const remove = 'or remove the constraint key and keep a plain unique index';
  if (!statement.unique) {
    return problem(
      'constraint-needs-unique-index',
      `constraint: '${value}' needs a unique index, but sql is CREATE INDEX`,
      `write CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ..., ${remove}`,
    );
  }
  const node = statement.node;
  if (node.whereClause) {
    return problem(
      'constraint-partial-index',
      `constraint: '${value}' cannot use a partial index (WHERE ...): a ${keyword} constraint covers every row`,
      `drop the WHERE clause, ${remove}`,
    );
  }
  const elements = (node.indexParams ?? []) as IndexElem[];
  if (elements.some((element) => !element.IndexElem?.name)) {
    return problem(
      'constraint-expression-index',
      `constraint: '${value}' cannot use an index on expressions: a ${keyword} constraint lists plain columns`,
      `index plain columns only, ${remove}`,
    );
  }
  if (statement.accessMethod.toLowerCase() !== 'btree') {
    return problem(
      'constraint-not-btree',
      `constraint: '${value}' needs a b-tree index, but sql says USING ${statement.accessMethod}`,
      `drop USING ${statement.accessMethod}, ${remove}`,
    );
  }
  const custom = elements.find(
    ({ IndexElem: e }) =>
      (e?.ordering && e.ordering !== 'SORTBY_DEFAULT' && e.ordering !== 'SORTBY_ASC') ||
      (e?.nulls_ordering && e.nulls_ordering !== 'SORTBY_NULLS_DEFAULT') ||
      e?.opclass?.length ||
      e?.collation?.length,
  );
  if (custom) {
    return problem(
      'constraint-sort-order',
      `constraint: '${value}' needs default sort order, operator class and collation, but column "${custom.IndexElem!.name}" sets its own`,
      `write the column without DESC, NULLS, COLLATE or an operator class, ${remove}`,
    );
  }
  return undefined;
}
