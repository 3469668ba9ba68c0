// SQL written in a JavaScript file, read once per piece of text: both rules visit the same string literals of a
// file one after the other (ESLint runs every rule's listeners on each node), so what one rule read and parsed the
// other reuses. Keyed by the AST node, so nothing outlives the file.
import type { TSESTree } from '@typescript-eslint/utils';
import { findSqlFindings, type Bindings } from '../migration-sql/index-creations.ts';
import type { SqlFinding } from '../migration-sql/findings.ts';
import type { SqlSource } from '../migration-sql/sql-source.ts';
import { sqlOf } from './sql-expressions.ts';

type Node = TSESTree.Node;

interface ReadText {
  source: SqlSource | undefined;
  /** Findings by the bindings they were read with (JSON of the bindings). */
  findings: Map<string, readonly SqlFinding[]>;
}

/**
 * A JavaScript escape that can stand for a letter (`\u0049`, `\x49`, octal, `\I` for I) or a line continuation
 * inside a word. `\n`, `\t` and the like, and escaped quotes and backslashes, never make a letter.
 */
export const ESCAPE = /\\(?![bfnrtv])[\dA-Za-z\r\n\u2028\u2029]/;

/**
 * A keyword as PostgreSQL reads it in SQL text: the whole word, not part of a longer name (`createdAt_index`).
 * Letters, digits, `_` and non-ASCII characters continue a name; `$` does too, but it also closes a dollar-quoted body
 * (`$q$CREATE INDEX ...$q$`), so it is not counted.
 */
export function keywordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\w\\u0080-\\uffff])${word}(?![\\w\\u0080-\\uffff])`, 'i');
}

const read = new WeakMap<Node, ReadText>();

function readText(node: Node, sourceText: string): ReadText {
  let entry = read.get(node);
  if (!entry) {
    entry = { source: sqlOf(node, sourceText), findings: new Map() };
    read.set(node, entry);
  }
  return entry;
}

/** The SQL a text node builds (see sqlOf), read once per node. */
export function sqlAt(node: Node, sourceText: string): SqlSource | undefined {
  return readText(node, sourceText).source;
}

/** What the SQL of a text node creates (see findSqlFindings), parsed once per node and bindings. */
export function sqlFindingsAt(node: Node, sourceText: string, bindings: Bindings = []): readonly SqlFinding[] {
  const entry = readText(node, sourceText);
  if (!entry.source) return [];
  const key = JSON.stringify(bindings);
  let findings = entry.findings.get(key);
  if (!findings) {
    findings = findSqlFindings(entry.source, bindings);
    entry.findings.set(key, findings);
  }
  return findings;
}

/**
 * False when the text of a string or template literal certainly fails `test`, judged on its source without decoding
 * it (the cheap test before sqlAt). `test` may only ask which words the text holds (and, or): a word of static text
 * is in the source as written unless an escape spells it, or it spans a `+` (both read in full). Placeholders for
 * holes start and end with `_`, which no word holds, so no word spans a hole. `wholeWords`, a test on whole words
 * (keywordPattern), is used instead on source without any backslash: a hole's placeholder only joins words that
 * `${...}` keeps apart, so the source has every whole word its text has.
 */
export function mayPass(node: Node, sourceText: string, test: (text: string) => boolean, wholeWords = test): boolean {
  if (node.type !== 'Literal' && node.type !== 'TemplateLiteral') return true;
  const written = sourceText.slice(node.range[0], node.range[1]);
  if (!written.includes('\\')) return wholeWords(written);
  return ESCAPE.test(written) || test(written);
}
