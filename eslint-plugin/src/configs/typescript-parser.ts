// The parser the recommended config sets for TypeScript migrations: @typescript-eslint/parser, loaded the first
// time a .ts file is linted, so that projects with only .js and .sql migrations never load TypeScript.
import { createRequire } from 'node:module';
import { PLUGIN_NAME, PLUGIN_VERSION } from '../meta.ts';

interface Parser {
  parseForESLint(code: string, options?: unknown): unknown;
}

const load = createRequire(import.meta.url);
let parser: Parser | undefined;

export const typescriptParser = {
  meta: { name: `${PLUGIN_NAME}/typescript-parser`, version: PLUGIN_VERSION },
  parseForESLint(code: string, options?: unknown): unknown {
    parser ??= load('@typescript-eslint/parser') as Parser;
    return parser.parseForESLint(code, options);
  },
};
