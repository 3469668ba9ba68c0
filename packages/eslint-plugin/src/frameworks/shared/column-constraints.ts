// Constraints declared as column options, `{ unique: true }` (or a constraint name) and `{ primaryKey: true }`, when a
// column is added or changed. Sequelize writes `ADD COLUMN "c" ... UNIQUE` / `ADD UNIQUE ("c")`, node-pg-migrate
// `ADD "c" ... UNIQUE`: PostgreSQL names them `<table>_<column>_key` and `<table>_pkey`.
import type { TSESTree } from '@typescript-eslint/utils';
import { property, staticString } from '../../js/static-values.ts';
import type { TableRef } from '../../js/table-ref.ts';
import type { DescribedConstraint } from './framework.ts';

export function columnConstraints(node: TSESTree.Node, table: TableRef, column: string, options: TSESTree.ObjectExpression): DescribedConstraint[] {
  const found: DescribedConstraint[] = [];
  const unique = property(options, 'unique');
  const uniqueName = staticString(unique);
  if (unique && (uniqueName !== undefined || (unique.type === 'Literal' && unique.value === true))) {
    const name = uniqueName ?? (table.computed ? undefined : `${table.name}_${column}_key`);
    found.push({ node, type: 'unique', name, table, columns: [column] });
  }
  const primaryKey = property(options, 'primaryKey');
  if (primaryKey?.type === 'Literal' && primaryKey.value === true) {
    found.push({ node, type: 'primary key', name: table.computed ? undefined : `${table.name}_pkey`, table, columns: [column] });
  }
  return found;
}
