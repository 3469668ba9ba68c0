#!/usr/bin/env node
// The plugin's command line: `npx eslint-plugin-index-builder lint-coverage [folder] [--all]`. Exit codes: 0 every
// file that builds an index is linted, 1 some are not (listed), 2 usage or ESLint error (one line).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCoverage, lintCoverage } from './lint-coverage.ts';

const USAGE = 'usage: eslint-plugin-index-builder lint-coverage [folder] [--all]   (--all: also tests, fixtures and build output)';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, folder, ...rest] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'lint-coverage' || rest.length > 0) {
    console.error(command ? `unknown command or extra argument: ${[command, folder, ...rest].filter(Boolean).join(' ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const cwd = resolve(folder ?? '.');
  try {
    const result = await lintCoverage(cwd, { all: parsed.values.all });
    console.log(formatCoverage(result, cwd));
    return result.uncovered.length ? 1 : 0;
  } catch (error) {
    console.error(`lint-coverage could not check ${cwd}: ${String((error as Error).message ?? error).split('\n')[0]}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
