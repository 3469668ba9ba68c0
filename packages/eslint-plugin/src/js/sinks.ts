// Calls that run SQL: knex.raw / schema.raw, pgm.sql, queryRunner.query, sequelize.query, postgres.js unsafe, and
// `sql` tagged templates. Their first argument is SQL for certain, so SQL there that cannot be read statically is
// worth a report under `reportUnverifiable`.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { methodName } from './ast.ts';
import { isTextRoot } from './sql-expressions.ts';

type Node = TSESTree.Node;

const SQL_METHODS = new Set(['raw', 'sql', 'query', 'unsafe']);

export function isSqlCall(call: TSESTree.CallExpression): boolean {
  const method = methodName(call);
  return method !== undefined && SQL_METHODS.has(method);
}

function isSqlTag(tag: Node): boolean {
  if (tag.type === 'Identifier') return tag.name === 'sql' || tag.name === 'SQL';
  return tag.type === 'MemberExpression' && !tag.computed && tag.property.type === 'Identifier' && tag.property.name === 'sql';
}

/** Whether a piece of text is the SQL argument of a call that runs SQL, or the template of a `sql` tag. */
export function isSqlArgument(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === 'CallExpression') return parent.arguments[0] === node && isSqlCall(parent);
  if (parent?.type === 'TaggedTemplateExpression') return parent.quasi === node && isSqlTag(parent.tag);
  return false;
}

/** Whether the SQL argument is text this rule reads: literal text, or a `const` initialised with literal text. */
export function isReadableText(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  if (isTextRoot(node)) return true;
  if (node.type === 'TaggedTemplateExpression') return isSqlTag(node.tag);
  if (node.type !== 'Identifier') return false;
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (!variable) continue;
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const') return false;
    const init = def.node.init;
    return init !== null && (isTextRoot(init) || (init.type === 'TaggedTemplateExpression' && isSqlTag(init.tag)));
  }
  return false;
}
