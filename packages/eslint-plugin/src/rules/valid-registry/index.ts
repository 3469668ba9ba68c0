// Rule `valid-registry`: the registry file (db/indexes.ts) checked by the builder's own validator, so the editor and
// the builder never disagree; plus what only lint adds: `description` required, an autofix inserting missing
// CONCURRENTLY / IF NOT EXISTS, and each problem reported at the property it concerns.
import { relative } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { problemText, validateEntry, validateRegistry, type EntryProblem } from '@index-builder/sql-core/registry';
import { missingKeywordsInsertion } from '@index-builder/sql-core';
import { decodeJsText } from '../../js/js-strings.ts';
import { registryArray, writtenEntries, type WrittenEntry } from './registry-source.ts';
import { createRule } from '../create-rule.ts';

type MessageId = 'invalidEntry' | 'missingDescription';

export const validRegistry = createRule<[], MessageId>({
  name: 'valid-registry',
  meta: {
    type: 'problem',
    docs: {
      description: "Check the index-builder registry with the builder's own validator",
      recommended: true,
    },
    fixable: 'code',
    schema: [],
    ...({ languages: ['js/js'] } as object),
    messages: {
      invalidEntry: '{{message}}',
      missingDescription: '{{name}}: "description" is missing; say what the index is for (index-builder prints it with every build).',
    },
    defaultOptions: [],
  },
  create(context) {
    const file = relative(context.cwd, context.filename) || context.filename;
    return {
      'Program:exit'(program: TSESTree.Program) {
        const array = registryArray(program, context.sourceCode);
        if (!array) return;
        const entries = writtenEntries(array);
        for (const { index, entry } of entries) {
          if (!entry.value) {
            if (!entry.properties.has('description')) reportMissingDescription(context, entry);
            continue;
          }
          const result = validateEntry(entry.value, index, { file, line: entry.line });
          if (Array.isArray(result)) reportProblems(context, entry, result);
          else if (!result.description?.trim()) reportMissingDescription(context, entry);
        }
        reportDuplicates(
          context,
          entries.map(({ entry }) => entry),
          file,
        );
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageId, []>>;

/** Every problem of the entry; the keyword autofix (which inserts all missing keywords) rides on the first of them. */
function reportProblems(context: Context, entry: WrittenEntry, problems: readonly EntryProblem[]): void {
  const keywordProblem = problems.find((problem) => problem.code === 'missing-concurrently' || problem.code === 'missing-if-not-exists');
  for (const problem of problems) {
    context.report({
      node: nodeFor(entry, problem),
      messageId: 'invalidEntry',
      data: { message: problemText(problem) },
      fix: problem === keywordProblem ? keywordFix(entry) : null,
    });
  }
}

function reportMissingDescription(context: Context, entry: WrittenEntry): void {
  const name = entry.value?.name;
  context.report({
    node: entry.properties.get('description')?.value ?? entry.properties.get('name')?.value ?? entry.node,
    messageId: 'missingDescription',
    data: { name: typeof name === 'string' && name ? name : 'this entry' },
  });
}

/** Duplicate names, found by the builder's validateRegistry over every static entry. */
function reportDuplicates(context: Context, entries: WrittenEntry[], file: string): void {
  const known = entries.filter((entry) => entry.value);
  const { problems } = validateRegistry(
    known.map((entry) => entry.value),
    file,
    (i) => known[i]?.line ?? 1,
  );
  for (const problem of problems) {
    const entry = problem.entry === undefined ? undefined : known[problem.entry];
    if (problem.code !== 'duplicate-name' || !entry) continue;
    context.report({ node: nodeFor(entry, problem), messageId: 'invalidEntry', data: { message: problemText(problem) } });
  }
}

/** The property a problem is about: its value, or for an unknown key the key itself; else the whole entry. */
function nodeFor(entry: WrittenEntry, problem: EntryProblem): TSESTree.Node {
  const property = problem.field === undefined ? undefined : entry.properties.get(problem.field);
  if (!property) return entry.node;
  return problem.code === 'unknown-key' ? property.key : property.value;
}

/**
 * The autofix for the two problems it can settle without guessing: a statement lacking CONCURRENTLY or IF NOT
 * EXISTS gets the keywords inserted where PostgreSQL expects them, inside the string as written.
 */
function keywordFix(entry: WrittenEntry): TSESLint.ReportFixFunction | null {
  const node = entry.properties.get('sql')?.value;
  if (!node) return null;
  let raw: string;
  if (node.type === 'Literal' && typeof node.value === 'string') raw = node.raw.slice(1, -1);
  else if (node.type === 'TemplateLiteral' && node.expressions.length === 0) raw = node.quasis[0]!.value.raw;
  else return null;
  const decoded = decodeJsText(raw, node.range[0] + 1);
  const insertion = missingKeywordsInsertion(decoded.text);
  if (!insertion) return null;
  const at = decoded.offsets[insertion.offset] ?? node.range[1] - 1;
  return (fixer) => fixer.insertTextBeforeRange([at, at], insertion.text);
}
