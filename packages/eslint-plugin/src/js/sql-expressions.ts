// SQL written in JavaScript: string literals, template literals (static chunks; `${}` holes are opaque), string
// concatenation and tagged templates. Each is read as one SqlSource whose offsets point into the file.
import type { TSESTree } from '@typescript-eslint/utils';
import { sqlFromParts, type SqlPart, type SqlSource } from '../migration-sql/sql-source.ts';
import { decodeJsText } from './js-strings.ts';

type Node = TSESTree.Node;

function isStringLiteral(node: Node | undefined | null): node is TSESTree.StringLiteral {
  return node?.type === 'Literal' && typeof node.value === 'string';
}

function isConcatenation(node: Node | undefined): node is TSESTree.BinaryExpression {
  return node?.type === 'BinaryExpression' && node.operator === '+';
}

/**
 * True for the outermost node of a piece of text: a string literal, template literal or `+` chain that is not itself
 * part of a larger `+` chain. Each such node is read once, as a whole.
 */
export function isTextRoot(node: Node): boolean {
  if (node.type === 'Literal' && typeof node.value !== 'string') return false;
  if (node.type !== 'Literal' && node.type !== 'TemplateLiteral' && !isConcatenation(node)) return false;
  return !isConcatenation(node.parent);
}

/** The text a node builds, as SQL with holes; undefined when no part of it is static text. */
export function sqlOf(node: Node, sourceText: string): SqlSource | undefined {
  const parts: SqlPart[] = [];
  collect(node, sourceText, parts);
  if (!parts.some((part) => part.kind === 'text')) return undefined;
  return sqlFromParts(parts);
}

function collect(node: Node, sourceText: string, parts: SqlPart[]): void {
  if (isStringLiteral(node)) {
    parts.push({ kind: 'text', ...decodeJsText(node.raw.slice(1, -1), node.range[0] + 1) });
  } else if (node.type === 'TemplateLiteral') {
    node.quasis.forEach((quasi, i) => {
      const decoded = decodeJsText(quasi.value.raw, quasi.range[0] + 1);
      if (decoded.text) parts.push({ kind: 'text', ...decoded });
      const expression = node.expressions[i];
      if (expression) {
        const start = quasi.range[1] - 2;
        const end = node.quasis[i + 1]!.range[0] + 1;
        parts.push({ kind: 'hole', label: sourceText.slice(start, end), start, end });
      }
    });
  } else if (isConcatenation(node) && node.left.type !== 'PrivateIdentifier') {
    collect(node.left, sourceText, parts);
    collect(node.right, sourceText, parts);
  } else {
    parts.push({ kind: 'hole', label: `\${${sourceText.slice(node.range[0], node.range[1])}}`, start: node.range[0], end: node.range[1] });
  }
}

/** Import paths, `require('./index')` and object keys are never SQL. */
export function isModuleSpecifierOrKey(node: Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
    case 'TSExternalModuleReference':
      return true;
    case 'Property':
      return parent.key === node;
    case 'CallExpression':
      return parent.callee.type === 'Identifier' && parent.callee.name === 'require';
    default:
      return false;
  }
}
