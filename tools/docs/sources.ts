// Everything the docs generator reads from the project, in one place: its imports of project source and the paths of
// the files it reads, relative to the repository root.
export { main as runCli } from '../../src/cli/main.ts';
export { PROBLEM_CODE_LIST, PROBLEM_CODES } from '../../src/registry/problems.ts';
export { RUN_OUTCOMES, type RunOutcome } from '../../src/report/types.ts';
export { default as eslintPlugin } from '../../eslint-plugin/src/index.ts';
export { ruleDocsUrl } from '../../eslint-plugin/src/meta.ts';

export const SOURCE_FILES = {
  actionYml: 'action.yml',
  ruleDocs: 'eslint-plugin/docs/rules',
  pluginReadme: 'eslint-plugin/README.md',
  writeLatencyChart: 'bench/results/write-latency.svg',
} as const;
export { Command } from 'commander';
