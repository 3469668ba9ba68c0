// Writes the documentation site's generated parts from their sources of truth: the CLI reference from the commander
// program main() builds, the Action's inputs and outputs from action.yml, the problem codes and outcomes from the
// code, one page per ESLint rule (its docs page and an options table from its schema) and the plugin's README.
// Run by tools/docs/run.mjs.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { OUTCOME_DOCS } from './outcomes.ts';
import {
  renderActionInputs,
  renderActionOutputs,
  renderCli,
  renderOutcomes,
  renderProblemCodes,
  renderRulePage,
  type ActionYml,
  type CliCommand,
  type RuleMeta,
} from './render.ts';
import { Command, eslintPlugin, PROBLEM_CODE_LIST, PROBLEM_CODES, RUN_OUTCOMES, runCli, SOURCE_FILES } from './sources.ts';

/** The program main() builds, taken at the moment it would parse: main() then returns without running any command. */
async function cliProgram(): Promise<CliCommand> {
  let program: Command | undefined;
  const parseAsync = Object.getOwnPropertyDescriptor(Command.prototype, 'parseAsync')!;
  Object.defineProperty(Command.prototype, 'parseAsync', {
    ...parseAsync,
    value(this: Command) {
      // The receiver is the program being parsed: keep it, and parse nothing.
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      program = this;
      return Promise.resolve(this);
    },
  });
  try {
    await runCli([], { out: () => {}, err: () => {}, env: {} });
  } finally {
    Object.defineProperty(Command.prototype, 'parseAsync', parseAsync);
  }
  if (!program) throw new Error('the CLI built no commander program');
  return program;
}

export async function generate(root: string): Promise<string[]> {
  const docs = join(root, 'docs');
  const generated = join(docs, 'generated');
  rmSync(generated, { recursive: true, force: true });
  mkdirSync(generated, { recursive: true });
  const written: string[] = [];
  const write = (file: string, text: string) => {
    writeFileSync(file, text);
    written.push(file);
  };

  write(join(generated, 'cli.md'), renderCli(await cliProgram()));
  const action = parse(readFileSync(join(root, SOURCE_FILES.actionYml), 'utf8')) as ActionYml;
  write(join(generated, 'action-inputs.md'), renderActionInputs(action));
  write(join(generated, 'action-outputs.md'), renderActionOutputs(action));
  write(join(generated, 'problem-codes.md'), renderProblemCodes(PROBLEM_CODE_LIST, PROBLEM_CODES));
  write(join(generated, 'outcomes.md'), renderOutcomes(RUN_OUTCOMES, OUTCOME_DOCS));

  const rulesDir = join(docs, 'rules');
  for (const file of readdirSync(rulesDir).filter((name) => name !== 'index.md')) rmSync(join(rulesDir, file));
  const rules = Object.entries(eslintPlugin.rules) as [string, { meta: RuleMeta }][];
  for (const [name, rule] of rules) {
    const page = readFileSync(join(root, SOURCE_FILES.ruleDocs, `${name}.md`), 'utf8');
    write(join(rulesDir, `${name}.md`), renderRulePage(page, rule.meta));
  }

  // The plugin's README (its links are absolute, for npm) is the site's page on configuring the plugin.
  write(join(rulesDir, 'configure.md'), readFileSync(join(root, SOURCE_FILES.pluginReadme), 'utf8'));

  mkdirSync(join(docs, 'public'), { recursive: true });
  copyFileSync(join(root, SOURCE_FILES.writeLatencyChart), join(docs, 'public', 'write-latency.svg'));
  written.push(join(docs, 'public', 'write-latency.svg'));
  return written;
}
