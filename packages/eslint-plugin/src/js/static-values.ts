// Values a migration writes as literals: table and column names, option objects. Anything computed is "unknown".
import type { TSESTree } from '@typescript-eslint/utils';
import { decodeJsText } from './js-strings.ts';

type Node = TSESTree.Node;

/** A string written as a literal or a template literal without holes. */
export function staticString(node: Node | undefined | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) {
    return decodeJsText(node.quasis[0]!.value.raw, 0).text;
  }
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression') {
    return staticString(node.expression);
  }
  if (node.type === 'Identifier') return moduleConstant(node);
  return undefined;
}

/**
 * `const TABLE = 'leads'` at the top of the module: the identifier's value, unless a function around the use
 * declares a parameter of the same name.
 */
function moduleConstant(identifier: TSESTree.Identifier): string | undefined {
  let program: Node | undefined = identifier;
  for (; program?.parent; program = program.parent) {
    if (isFunctionLike(program) && program.params.some((param) => param.type === 'Identifier' && param.name === identifier.name)) {
      return undefined;
    }
  }
  if (program?.type !== 'Program') return undefined;
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === identifier.name) {
        return declarator.init && declarator.init.type !== 'Identifier' ? staticString(declarator.init) : undefined;
      }
    }
  }
  return undefined;
}

function isFunctionLike(node: Node): node is TSESTree.FunctionLike {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration';
}

export function staticBoolean(node: Node | undefined | null): boolean | undefined {
  return node?.type === 'Literal' && typeof node.value === 'boolean' ? node.value : undefined;
}

/** `'a'` or `['a', 'b']`: the strings, or undefined when any of them is not static. */
export function staticStrings(node: Node | undefined | null): string[] | undefined {
  if (!node) return undefined;
  const single = staticString(node);
  if (single !== undefined) return [single];
  if (node.type !== 'ArrayExpression') return undefined;
  const values = node.elements.map((element) => (element && element.type !== 'SpreadElement' ? staticString(element) : undefined));
  return values.every((value) => value !== undefined) ? values : undefined;
}

/** The value of property `name` of an object literal (non-computed keys only). */
export function property(node: Node | undefined | null, name: string): Node | undefined {
  if (node?.type !== 'ObjectExpression') return undefined;
  for (const prop of node.properties) {
    if (prop.type !== 'Property' || prop.computed) continue;
    const key = prop.key.type === 'Identifier' ? prop.key.name : staticString(prop.key);
    if (key === name) return prop.value;
  }
  return undefined;
}
