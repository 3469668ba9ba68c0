// Everything the docs generator reads from the project, in one place: its imports of project source and the paths of
// the files it reads, relative to the repository root.
export { main as runCli } from '../../packages/index-builder/src/cli/main.ts';
export { PROBLEM_CODE_LIST, PROBLEM_CODES } from '@index-builder/sql-core/registry';
export { RUN_OUTCOMES, type RunOutcome } from '../../packages/index-builder/src/builder/result.ts';
export { default as eslintPlugin } from '../../packages/eslint-plugin/src/index.ts';
export { ruleDocsUrl } from '../../packages/eslint-plugin/src/meta.ts';

export const SOURCE_FILES = {
  actionYml: 'action.yml',
  ruleDocs: 'packages/eslint-plugin/docs/rules',
  pluginReadme: 'packages/eslint-plugin/README.md',
  writeLatencyChart: 'bench/results/write-latency.svg',
} as const;
export { Command } from 'commander';
