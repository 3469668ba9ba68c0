// Whether two places in a migration never both run in one execution: the two branches of an `if` or a ternary
// (`if (!exists) createTable(...) else alterTable(...)`), or a branch that leaves (`if (!exists) { createTable(...);
// return; }`) and the code after it. A table created in one of them does not exist yet for the other: a constraint
// added there is on an existing table.
import type { TSESTree } from '@typescript-eslint/utils';
import { leaves } from './ast.ts';

type Node = TSESTree.Node;

export function exclusiveBranches(a: Node, b: Node): boolean {
  const ancestorsOfA = new Set<Node>();
  for (let node: Node | undefined = a; node; node = node.parent) ancestorsOfA.add(node);
  let childOfB: Node = b;
  let common: Node | undefined = b;
  while (common && !ancestorsOfA.has(common)) [childOfB, common] = [common, common.parent];
  if (!common || common === a || common === b) return false;
  const childOfA = childUnder(a, common);
  if (common.type === 'IfStatement' || common.type === 'ConditionalExpression') {
    const branches = [common.consequent, common.alternate];
    return branches.includes(childOfA as never) && branches.includes(childOfB as never);
  }
  if (!isStatementList(common)) return false;
  const [first, firstChild] = a.range[0] < b.range[0] ? [a, childOfA] : [b, childOfB];
  return leavesBefore(first, firstChild);
}

function childUnder(node: Node, ancestor: Node): Node {
  let child = node;
  while (child.parent && child.parent !== ancestor) child = child.parent;
  return child;
}

function isStatementList(node: Node): boolean {
  return node.type === 'BlockStatement' || node.type === 'Program' || node.type === 'StaticBlock';
}

/** `node` is in an `if` branch, within `top`, that ends by leaving the block (return, throw, break), no function between. */
function leavesBefore(node: Node, top: Node): boolean {
  for (let child = node, parent = node.parent; parent && child !== top; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if (parent.type === 'IfStatement' && (child === parent.consequent || child === parent.alternate) && leaves(child)) return true;
  }
  return false;
}

function isFunction(node: Node): boolean {
  return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
}
