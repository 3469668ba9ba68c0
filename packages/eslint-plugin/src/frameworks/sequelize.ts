// Sequelize: `queryInterface.addIndex(table, options)` (options.fields) and
// `queryInterface.addIndex(table, fields, options?)`. `queryInterface.sequelize.query(...)` is read as text.
import type { TSESTree } from '@typescript-eslint/utils';
import type { DescribedIndex, TableRef } from './described-index.ts';
import { tableRef } from './described-index.ts';
import { property, staticBoolean, staticString } from '../js/static-values.ts';

type Node = TSESTree.Node;

export function readSequelizeIndex(call: TSESTree.CallExpression, sourceText: string): Omit<DescribedIndex, 'node'> {
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

/** A table name or `{ tableName, schema }`. */
export function sequelizeTable(node: Node | undefined, sourceText: string): TableRef {
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
export function underscore(text: string): string {
  return text
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
}
