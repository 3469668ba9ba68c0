// The SQL blocks of the recommended config turn off, for .sql migrations, every rule of ESLint 9 and 10 and of
// typescript-eslint (src/configs/foreign-rules.ts, written by scripts/foreign-rules.mjs). A rule added by an upgrade
// and missing from the list would run on .sql files again; this test names it.
import { createRequire } from 'node:module';
import indexBuilder from '../../src/index.ts';
import { FOREIGN_RULES } from '../../src/configs/foreign-rules.ts';

const require = createRequire(import.meta.url);

function installed(): string[] {
  const core = ['eslint/use-at-your-own-risk', 'eslint-9/use-at-your-own-risk'].flatMap((id) => [
    ...(require(id) as { builtinRules: Map<string, unknown> }).builtinRules.keys(),
  ]);
  const typescriptEslint = Object.keys((require('@typescript-eslint/eslint-plugin') as { rules: object }).rules).map(
    (name) => `@typescript-eslint/${name}`,
  );
  return [...new Set([...core, ...typescriptEslint])];
}

it('lists every rule of the installed ESLint 9, ESLint 10 and typescript-eslint (rerun scripts/foreign-rules.mjs if not)', () => {
  const listed = new Set(FOREIGN_RULES);
  expect(installed().filter((name) => !listed.has(name))).toEqual([]);
});

it('turns them off in every SQL block of the recommended config, and leaves the plugin rules on', () => {
  const sqlBlocks = (indexBuilder.configs.recommended as { language?: string; rules?: Record<string, unknown> }[]).filter((block) => block.language);
  expect(sqlBlocks).toHaveLength(1);
  for (const block of sqlBlocks) {
    expect(block.rules?.['no-irregular-whitespace']).toBe('off');
    expect(block.rules?.['@typescript-eslint/await-thenable']).toBe('off');
    expect(block.rules?.['index-builder/no-index-in-migration']).toBe('error');
  }
});
