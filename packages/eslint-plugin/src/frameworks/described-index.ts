// An index described through an ORM or query-builder call (knex, node-pg-migrate, TypeORM, Sequelize, Kysely):
// what is known of it statically, turned into a report and, when everything is known, a registry entry.
import type { TSESTree } from '@typescript-eslint/utils';
import { renderIndexSql } from '@index-builder/sql-core';
import { enclosingStatement } from '../js/ast.ts';
import type { IndexReport } from '../rules/no-index-in-migration/findings.ts';
import { entryFromSql } from '../rules/registry-entry.ts';
import { staticString } from '../js/static-values.ts';

export interface DescribedIndex {
  /** Where to report: the call or object that creates the index. */
  node: TSESTree.Node;
  /** The index name the database will get (given or the library's default), when known. */
  name: string | undefined;
  table: TableRef;
  /** Column names or SQL expressions; undefined when not static. */
  columns: string[] | undefined;
  unique: boolean;
  /** `concurrently: true` (node-pg-migrate, Sequelize). */
  concurrent?: boolean;
  method?: string | undefined;
  /** A static WHERE predicate; `null` when there is a predicate that cannot be read statically. */
  where?: string | null | undefined;
  include?: string[] | undefined;
}

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

export function toIndexReport(index: DescribedIndex, filename: string): IndexReport {
  const known = index.name !== undefined && !index.table.computed && index.columns !== undefined && index.where !== null;
  const sql =
    known &&
    renderIndexSql({
      name: index.name!,
      tableName: index.table.name,
      tableSchema: index.table.schema,
      columns: index.columns!,
      unique: index.unique,
      method: index.method,
      where: index.where ?? undefined,
      include: index.include,
    });
  return {
    range: index.node.range,
    anchor: enclosingStatement(index.node).range[0],
    name: index.name,
    tableName: index.table.name,
    tableSchema: index.table.schema,
    unique: index.unique,
    concurrent: index.concurrent === true,
    entry: sql ? entryFromSql(sql, index.name!, index.table.name, index.columns!, filename) : undefined,
  };
}
