// The registry as written in db/indexes.ts: the array of entries behind `export default defineIndexes([...])`
// (or `export default [...]`, a `const` holding it, `module.exports = ...`), each entry read statically.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { staticBoolean, staticString } from '../../js/static-values.ts';

type Node = TSESTree.Node;

export interface WrittenEntry {
  node: TSESTree.ObjectExpression;
  /** The entry's value when every property is a literal; undefined otherwise (it is then left to the builder). */
  value: Record<string, unknown> | undefined;
  properties: Map<string, TSESTree.Property>;
  /** The line the builder reports for this entry: its `name:` property, else the object. */
  line: number;
}

/** The registry's array literal, if the file exports one this rule can see. */
export function registryArray(program: TSESTree.Program, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ArrayExpression | undefined {
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') return arrayOf(statement.declaration, sourceCode);
    if (
      statement.type === 'ExpressionStatement' &&
      statement.expression.type === 'AssignmentExpression' &&
      sourceCode.getText(statement.expression.left) === 'module.exports'
    ) {
      return arrayOf(statement.expression.right, sourceCode);
    }
  }
  return undefined;
}

function arrayOf(node: Node, sourceCode: Readonly<TSESLint.SourceCode>, depth = 0): TSESTree.ArrayExpression | undefined {
  if (depth > 5) return undefined;
  switch (node.type) {
    case 'ArrayExpression':
      return node;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return arrayOf(node.expression, sourceCode, depth + 1);
    case 'CallExpression':
      return node.arguments.length === 1 && node.arguments[0]!.type !== 'SpreadElement'
        ? arrayOf(node.arguments[0]!, sourceCode, depth + 1)
        : undefined;
    case 'Identifier': {
      const variable = sourceCode.getScope(node).set.get(node.name) ?? findInScopes(node, sourceCode);
      const def = variable?.defs[0];
      if (def?.type !== 'Variable' || !def.node.init) return undefined;
      return arrayOf(def.node.init, sourceCode, depth + 1);
    }
    default:
      return undefined;
  }
}

function findInScopes(node: TSESTree.Identifier, sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (variable) return variable;
  }
  return undefined;
}

/** Each object literal of the array with what can be known of it; spreads and other elements are skipped. */
export function writtenEntries(array: TSESTree.ArrayExpression): { index: number; entry: WrittenEntry }[] {
  return array.elements.flatMap((element, index) => {
    if (element?.type !== 'ObjectExpression') return [];
    const properties = new Map<string, TSESTree.Property>();
    let known = true;
    const value: Record<string, unknown> = {};
    for (const prop of element.properties) {
      const key = prop.type === 'Property' && !prop.computed ? propertyKey(prop) : undefined;
      if (prop.type !== 'Property' || key === undefined) {
        known = false;
        continue;
      }
      properties.set(key, prop);
      const literal = literalValue(prop.value);
      if (literal === undefined) known = false;
      else value[key] = literal;
    }
    const line = (properties.get('name') ?? element).loc.start.line;
    return [{ index, entry: { node: element, value: known ? value : undefined, properties, line } }];
  });
}

function propertyKey(prop: TSESTree.Property): string | undefined {
  return prop.key.type === 'Identifier' ? prop.key.name : staticString(prop.key);
}

function literalValue(node: Node): unknown {
  const text = staticString(node);
  if (text !== undefined) return text;
  const flag = staticBoolean(node);
  if (flag !== undefined) return flag;
  if (node.type === 'Literal') return node.value === null ? null : node.value;
  return undefined;
}
