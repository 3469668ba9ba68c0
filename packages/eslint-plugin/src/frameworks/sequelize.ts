// Sequelize: `queryInterface.addIndex(table, options)` (options.fields) and
// `queryInterface.addIndex(table, fields, options?)`; the constraints of `addConstraint(table, { type, fields, name })`
// (v4: `addConstraint(table, fields, { type, name })`) and of columns added or changed with `{ unique: true }`;
// `createTable({ tableName, schema }, ...)`. `queryInterface.sequelize.query(...)` is read as text.
import type { TSESTree } from '@typescript-eslint/utils';
import { receiverName } from '../js/ast.ts';
import { property, staticBoolean, staticString, staticStrings } from '../js/static-values.ts';
import { tableRef, type TableRef } from '../js/table-ref.ts';
import { columnConstraints } from './shared/column-constraints.ts';
import { CREATE_TABLE_METHODS, type DescribedConstraint, type DescribedIndex, type MigrationFramework } from './shared/framework.ts';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression;

export const sequelize: MigrationFramework = {
  name: 'sequelize',
  dialects: { postgres: ['postgres'], others: ['mysql', 'mariadb', 'sqlite', 'mssql', 'tedious', 'db2', 'oracle'] },
  read: (sourceText) => ({
    enter() {},
    indexes: (call, method) =>
      method === 'addIndex' && isSequelizeCall(call) ? [{ node: call, ...readSequelizeIndex(call, sourceText) }] : undefined,
    indexObjects: () => [],
    constraints(call, method) {
      if (method === 'addConstraint' || method === 'createConstraint') {
        if (!isSequelizeConstraint(call)) return undefined;
        const constraint = readSequelizeConstraint(call, sourceText);
        return constraint ? [constraint] : [];
      }
      if (method === 'addColumn' || method === 'changeColumn') return readColumnOptions(call, sourceText);
      return undefined;
    },
    createdTable(call, method) {
      const first = call.arguments[0];
      if (!CREATE_TABLE_METHODS.has(method) || first?.type !== 'ObjectExpression') return undefined;
      // `{ schema, name }` is node-pg-migrate's form, even with a `tableName` beside it.
      if (staticString(property(first, 'name')) !== undefined) return undefined;
      const table = sequelizeTable(first, sourceText);
      return table.computed ? undefined : table;
    },
  }),
};

function isSequelizeCall(call: Call): boolean {
  const [, second, third] = call.arguments;
  return (
    /queryInterface|sequelize/i.test(receiverName(call) ?? '') ||
    second?.type === 'ObjectExpression' ||
    ['fields', 'using', 'type'].some((key) => property(third, key) !== undefined)
  );
}

/** Sequelize's `addConstraint(table, { type, fields, name })`, or v4's `addConstraint(table, fields, { type, name })`. */
function isSequelizeConstraint(call: Call): boolean {
  const [, second] = call.arguments;
  return /queryInterface|sequelize/i.test(receiverName(call) ?? '') || second?.type === 'ObjectExpression' || second?.type === 'ArrayExpression';
}

function readSequelizeIndex(call: Call, sourceText: string): Omit<DescribedIndex, 'node'> {
  const [tableArg, second, third] = call.arguments;
  const table = sequelizeTable(tableArg, sourceText);
  const options = second?.type === 'ObjectExpression' ? second : third;
  const fieldsArg = second?.type === 'ObjectExpression' ? property(second, 'fields') : second;
  const fields = sequelizeFields(fieldsArg);
  const unique = staticBoolean(property(options, 'unique')) === true || staticString(property(options, 'type'))?.toUpperCase() === 'UNIQUE';
  const nameArg = property(options, 'name');
  const name = nameArg
    ? staticString(nameArg)
    : fields && !table.computed
      ? underscore(`${table.name}_${fields.map((field) => field.split(' ')[0]).join('_')}`)
      : undefined;
  return {
    name,
    table,
    columns: fields,
    unique,
    concurrent: staticBoolean(property(options, 'concurrently')) === true,
    method: staticString(property(options, 'using')),
    where: property(options, 'where') ? null : undefined,
  };
}

function readSequelizeConstraint(call: Call, sourceText: string): DescribedConstraint | undefined {
  const [tableArg, second, third] = call.arguments;
  const options = second?.type === 'ObjectExpression' ? second : third;
  const type = staticString(property(options, 'type'))?.toLowerCase();
  if (type !== 'unique' && type !== 'primary key') return undefined;
  const table = sequelizeTable(tableArg, sourceText);
  const columns = staticStrings(second?.type === 'ObjectExpression' ? property(second, 'fields') : second);
  const suffix = type === 'unique' ? 'uk' : 'pk';
  const name = staticString(property(options, 'name')) ?? (columns && !table.computed ? `${table.name}_${columns.join('_')}_${suffix}` : undefined);
  return { node: call, type, name, table, columns };
}

/** `addColumn(table, column, { unique: true })` / `changeColumn(...)`: a constraint per column option. */
function readColumnOptions(call: Call, sourceText: string): DescribedConstraint[] | undefined {
  const [tableArg, second, third] = call.arguments;
  if (!tableArg || tableArg.type === 'SpreadElement') return undefined;
  const columnName = staticString(second);
  if (columnName === undefined || third?.type !== 'ObjectExpression') return undefined;
  return columnConstraints(call, sequelizeTable(tableArg, sourceText), columnName, third);
}

/** A table name or `{ tableName, schema }`. */
function sequelizeTable(node: Node | undefined, sourceText: string): TableRef {
  if (node?.type === 'ObjectExpression') {
    const name = staticString(property(node, 'tableName'));
    if (name !== undefined) return { name, schema: staticString(property(node, 'schema')), computed: false };
  }
  return tableRef(node, sourceText);
}

/** `['a', { name: 'b', order: 'DESC' }]` as `['a', 'b DESC']`; undefined when any field is not static. */
function sequelizeFields(node: Node | undefined): string[] | undefined {
  if (node?.type !== 'ArrayExpression') return undefined;
  const fields = node.elements.map((element) => {
    if (!element || element.type === 'SpreadElement') return undefined;
    const plain = staticString(element);
    if (plain !== undefined) return plain;
    const name = staticString(property(element, 'name')) ?? staticString(property(element, 'attribute'));
    const order = staticString(property(element, 'order'));
    return name === undefined ? undefined : order ? `${name} ${order}` : name;
  });
  return fields.every((field) => field !== undefined) ? fields : undefined;
}

/** inflection's underscore(), as Sequelize uses it to name indexes: camelCase to snake_case, lower case. */
function underscore(text: string): string {
  return text
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
}
