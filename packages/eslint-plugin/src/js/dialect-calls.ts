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
export function calledOnlyFrom(fn: Node, getScope: GetScope, excluded: (call: TSESTree.CallExpression) => boolean, text = ''): boolean {
  const method = classMethod(fn);
  if (method) return methodCalledOnlyFrom(method, excluded, text);
  const variable = functionVariable(fn, getScope);
  if (!variable) return false;
  const uses = variable.references.filter((reference) => !reference.init);
  if (uses.length === 0) return false;
  return uses.every((reference) => {
    const call = reference.identifier.parent;
    return call?.type === 'CallExpression' && call.callee === reference.identifier && excluded(call);
  });
}

/**
 * A class method (`private async sqliteUpQueryRunner(queryRunner) {...}`) is followed the same way through its calls
 * `this.sqliteUpQueryRunner(...)` in the class: when each of them is excluded and the name appears nowhere else in the
 * file, the method runs only where they do. `up` and `down`, called by the migration tool, have no such call.
 */
function methodCalledOnlyFrom(
  method: { body: TSESTree.ClassBody; name: string },
  excluded: (call: TSESTree.CallExpression) => boolean,
  text: string,
): boolean {
  const calls: TSESTree.CallExpression[] = [];
  visit(method.body, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return;
    const callee = node.callee;
    if (callee.object.type === 'ThisExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === method.name)
      calls.push(node);
  });
  if (calls.length === 0) return false;
  const mentions = text.match(new RegExp(`(?<![\\w$])${method.name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))?.length ?? 0;
  return mentions === calls.length + 1 && calls.every(excluded);
}

function classMethod(fn: Node): { body: TSESTree.ClassBody; name: string } | undefined {
  if (fn.type !== 'FunctionExpression') return undefined;
  const definition = fn.parent;
  if (definition?.type !== 'MethodDefinition' || definition.computed || definition.kind !== 'method') return undefined;
  if (definition.key.type !== 'Identifier') return undefined;
  return { body: definition.parent, name: definition.key.name };
}

/** Every node under `root` (its own properties that hold nodes; `parent` is not followed). */
function visit(root: Node, onNode: (node: Node) => void): void {
  onNode(root);
  for (const [key, value] of Object.entries(root)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && typeof (item as Node).type === 'string') visit(item as Node, onNode);
    } else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') visit(value as Node, onNode);
  }
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
