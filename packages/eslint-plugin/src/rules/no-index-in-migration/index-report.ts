// An index described through a migration library's call, turned into a report and, when everything about it is
// known, a registry entry.
import { renderIndexSql } from '@index-builder/sql-core';
import type { DescribedIndex } from '../../frameworks/shared/framework.ts';
import { enclosingStatement } from '../../js/ast.ts';
import { entryFromSql } from '../registry-entry.ts';
import type { IndexReport } from './findings.ts';

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
