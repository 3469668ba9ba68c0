// The parser the recommended config sets for TypeScript migrations: @typescript-eslint/parser, an optional peer
// dependency loaded the first time a .ts file is linted, so that projects with only .js and .sql migrations need
// neither it nor TypeScript. When it is missing, each .ts migration gets one parsing error that says what to install.
import { createRequire } from 'node:module';
import { PLUGIN_NAME, PLUGIN_VERSION } from '../meta.ts';

interface Parser {
  parseForESLint(code: string, options?: unknown): unknown;
}

const load = createRequire(import.meta.url);
let parser: Parser | undefined;

export const MISSING_TYPESCRIPT_PARSER =
  'TypeScript migrations are parsed with @typescript-eslint/parser and typescript, optional peer dependencies of eslint-plugin-index-builder that are not installed: npm install --save-dev @typescript-eslint/parser typescript';

function loadParser(): Parser {
  try {
    return load('@typescript-eslint/parser') as Parser;
  } catch (error) {
    // lineNumber and column: where ESLint places a parser's error (the file's first line).
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND')
      throw Object.assign(new Error(MISSING_TYPESCRIPT_PARSER), { lineNumber: 1, column: 1 });
    throw error;
  }
}

export const typescriptParser = {
  meta: { name: `${PLUGIN_NAME}/typescript-parser`, version: PLUGIN_VERSION },
  parseForESLint(code: string, options?: unknown): unknown {
    parser ??= loadParser();
    return parser.parseForESLint(code, options);
  },
};
