// Small questions about call expressions that every framework reader asks.
import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** The method name of `a.b.method(...)` (or `a['method'](...)`), else undefined. */
export function methodName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrapChain(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  if (!callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  if (callee.property.type === 'Literal' && typeof callee.property.value === 'string') return callee.property.value;
  return undefined;
}

/** The object a method is called on: `queryInterface` in `queryInterface.addIndex(...)`. */
export function receiver(call: TSESTree.CallExpression): Node | undefined {
  const callee = unwrapChain(call.callee);
  return callee.type === 'MemberExpression' ? callee.object : undefined;
}

/** The last name in a receiver: `queryRunner` for `this.queryRunner`, `schema` for `db.schema`. */
export function receiverName(call: TSESTree.CallExpression): string | undefined {
  const object = receiver(call);
  if (!object) return undefined;
  if (object.type === 'Identifier') return object.name;
  if (object.type === 'MemberExpression' && !object.computed && object.property.type === 'Identifier') {
    return object.property.name;
  }
  if (object.type === 'ThisExpression') return 'this';
  return undefined;
}

function unwrapChain(node: Node): Node {
  return node.type === 'ChainExpression' ? node.expression : node;
}

/** The callee name of `new Name(...)` or `new ns.Name(...)`. */
export function constructorName(node: TSESTree.NewExpression): string | undefined {
  if (node.callee.type === 'Identifier') return node.callee.name;
  if (node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier') return node.callee.property.name;
  return undefined;
}

export function isFunction(node: Node | undefined): node is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression {
  return node?.type === 'ArrowFunctionExpression' || node?.type === 'FunctionExpression';
}

/**
 * The statement a node belongs to, as one item of a statement list: where a comment line can be inserted above it
 * without landing inside a string or an expression.
 */
export function enclosingStatement(node: Node): Node {
  let current: Node = node;
  while (current.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'Program' || parent.type === 'BlockStatement' || parent.type === 'StaticBlock' || parent.type === 'SwitchCase') {
      return current;
    }
    current = parent;
  }
  return current;
}

/** A statement that leaves its block: return, throw, break, or a block ending in one. */
export function leaves(node: Node): boolean {
  if (node.type === 'ReturnStatement' || node.type === 'ThrowStatement' || node.type === 'BreakStatement') return true;
  return node.type === 'BlockStatement' && node.body.length > 0 && leaves(node.body[node.body.length - 1]!);
}
