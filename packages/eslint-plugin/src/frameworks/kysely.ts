// Kysely: `db.schema.createIndex(name).on(table).column(c)...` read along its method chain. `sql` templates are read
// as text.
import type { TSESTree } from '@typescript-eslint/utils';
import { methodName, receiver, receiverName } from '../js/ast.ts';
import { tableRef, type DescribedIndex, type TableRef } from './described-index.ts';
import { staticString, staticStrings } from '../js/static-values.ts';

type Node = TSESTree.Node;

/** `db.schema.createIndex(...)` or `db.schema.withSchema('s').createIndex(...)`. */
export function isSchemaBuilderCall(call: TSESTree.CallExpression): boolean {
  const object = receiver(call);
  return receiverName(call) === 'schema' || (object?.type === 'CallExpression' && methodName(object) === 'withSchema');
}

export function readKyselyIndex(call: TSESTree.CallExpression, sourceText: string): DescribedIndex {
  const schema = schemaOf(call);
  let table: TableRef = { name: '(unknown table)', schema, computed: true };
  let columns: string[] | undefined = [];
  let unique = false;
  let method: string | undefined;
  let where: null | undefined;
  let node: Node = call;
  for (let outer = chainedCall(node); outer; outer = chainedCall(node)) {
    const args = outer.arguments;
    switch (methodName(outer)) {
      case 'on':
        table = { ...tableRef(args[0], sourceText), schema };
        break;
      case 'column':
      case 'columns': {
        const named = staticStrings(args[0]);
        columns = named && columns ? [...columns, ...named] : undefined;
        break;
      }
      case 'expression':
        columns = undefined;
        break;
      case 'unique':
        unique = true;
        break;
      case 'using':
        method = staticString(args[0]);
        break;
      case 'where':
      case 'nullsNotDistinct':
        where = null;
        break;
    }
    node = outer;
  }
  return { node, name: staticString(call.arguments[0]), table, columns: columns?.length ? columns : undefined, unique, method, where };
}

/** The call that continues a chain: `x` in `x.on(...)` gives the `.on(...)` call. */
function chainedCall(node: Node): TSESTree.CallExpression | undefined {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node) return undefined;
  const call = member.parent;
  return call?.type === 'CallExpression' && call.callee === member ? call : undefined;
}

function schemaOf(call: TSESTree.CallExpression): string | undefined {
  const object = receiver(call);
  if (object?.type === 'CallExpression' && methodName(object) === 'withSchema') return staticString(object.arguments[0]);
  return undefined;
}
