// Following functions declared in a migration to their callers, for dialect branches: `upMysql(knex)` called only in
// the MySQL branch runs only on MySQL, and `const isPg = (knex) => knex.client.config.client === 'pg'` is a
// condition. A function also used some other way (exported, passed as a value) may run anywhere: it stays checked.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type GetScope = (node: Node) => TSESLint.Scope.Scope;

/**
 * True when `fn` is a named function of this file (a declaration, or a function assigned to a const) that is called
 * at least once, only ever called directly by name, and every call satisfies `excluded`.
 */
export function calledOnlyFrom(fn: Node, getScope: GetScope, excluded: (call: TSESTree.CallExpression) => boolean): boolean {
  const variable = functionVariable(fn, getScope);
  if (!variable) return false;
  const uses = variable.references.filter((reference) => !reference.init);
  if (uses.length === 0) return false;
  return uses.every((reference) => {
    const call = reference.identifier.parent;
    return call?.type === 'CallExpression' && call.callee === reference.identifier && excluded(call);
  });
}

function functionVariable(fn: Node, getScope: GetScope): TSESLint.Scope.Variable | undefined {
  if (fn.type === 'FunctionDeclaration' && fn.id) return lookupVariable(getScope(fn), fn.id.name);
  if (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression') return undefined;
  const declarator = fn.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== fn || declarator.id.type !== 'Identifier') return undefined;
  if (declarator.parent.kind !== 'const') return undefined;
  return lookupVariable(getScope(declarator), declarator.id.name);
}

export function lookupVariable(start: TSESLint.Scope.Scope, name: string): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = start; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** The returned expression of a one-expression function: `(k) => expr`, `function (k) { return expr; }`. */
export function predicateBody(def: TSESLint.Scope.Definition): TSESTree.Expression | undefined {
  const fn = def.type === 'FunctionName' ? def.node : def.type === 'Variable' && def.parent.kind === 'const' ? def.node.init : undefined;
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration')) return undefined;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const [only] = fn.body.body;
  return fn.body.body.length === 1 && only?.type === 'ReturnStatement' && only.argument ? only.argument : undefined;
}
