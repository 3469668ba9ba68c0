// The SourceCode of a .sql file: positions, traversal, and ESLint's inline directives written as SQL comments
// (`-- eslint-disable-next-line index-builder/no-index-in-migration`, `/* eslint-disable */`).
import type { FileProblem, RulesConfig } from '@eslint/core';
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import type { SqlComment, SqlNode, SqlScript, SourceLocation } from './sql-ast.ts';

const commentParser = new ConfigCommentParser();
/** The same line breaks as `locator` in sql-ast.ts, so rule positions and ESLint's agree. */
const LINE_ENDING = /\r\n|[\r\n\u2028\u2029]/u;
const INLINE_CONFIG = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;
const DIRECTIVES = new Set(['eslint-disable', 'eslint-enable', 'eslint-disable-next-line', 'eslint-disable-line']);

export class SqlSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, never>;
  RootNode: SqlScript;
  SyntaxElementWithLoc: SqlNode | SqlComment;
  ConfigNode: SqlComment;
}> {
  #steps: VisitNodeStep[] | undefined;
  #inlineConfigComments: SqlComment[] | undefined;

  constructor({ text, ast }: { text: string; ast: SqlScript }) {
    super({ text, ast, lineEndingPattern: LINE_ENDING });
  }

  /** The file's comments, scanned on first use. */
  get comments(): SqlComment[] {
    return this.ast.comments;
  }

  /**
   * None: JavaScript's comments, which a JavaScript rule from a config without `files` asks for when it starts
   * (`no-irregular-whitespace`, unicorn's `expiring-todo-comments`). Answering keeps such a rule from crashing on a
   * .sql file; it finds nothing, as its other listeners never see a JavaScript node here.
   */
  getAllComments(): [] {
    return [];
  }

  override getParent(node: SqlNode | SqlComment): SqlNode | undefined {
    return node.type === 'SqlStatement' ? this.ast : undefined;
  }

  getInlineConfigNodes(): SqlComment[] {
    // Every directive says "eslint": a file that never does has none, and its comments need not be scanned.
    this.#inlineConfigComments ??= this.ast.sql.text.includes('eslint') ? this.comments.filter((comment) => INLINE_CONFIG.test(comment.value)) : [];
    return this.#inlineConfigComments;
  }

  getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
    const problems: FileProblem[] = [];
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed || !DIRECTIVES.has(parsed.label)) continue;
      if (parsed.label === 'eslint-disable-line' && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${parsed.label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      directives.push(
        new Directive({
          type: parsed.label.slice('eslint-'.length) as 'disable' | 'enable' | 'disable-next-line' | 'disable-line',
          node: comment,
          value: parsed.value,
          justification: parsed.justification,
        }),
      );
    }
    return { problems, directives };
  }

  applyInlineConfig(): { configs: { config: { rules: RulesConfig }; loc: SourceLocation }[]; problems: FileProblem[] } {
    const configs: { config: { rules: RulesConfig }; loc: SourceLocation }[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (parsed?.label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }

  override traverse(): Iterable<VisitNodeStep> {
    if (!this.#steps) {
      const steps: VisitNodeStep[] = [];
      const root = this.ast;
      steps.push(new VisitNodeStep({ target: root, phase: 1, args: [root, undefined] }));
      for (const statement of root.statements) {
        steps.push(new VisitNodeStep({ target: statement, phase: 1, args: [statement, root] }));
        steps.push(new VisitNodeStep({ target: statement, phase: 2, args: [statement, root] }));
      }
      steps.push(new VisitNodeStep({ target: root, phase: 2, args: [root, undefined] }));
      this.#steps = steps;
    }
    return this.#steps.values();
  }
}
