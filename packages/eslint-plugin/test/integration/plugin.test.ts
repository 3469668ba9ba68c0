// The package as users import it: `import plugin from 'eslint-plugin-index-builder'` resolves to the bundle, which
// carries its rules, the SQL language and configs.recommended; every rule documents itself.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import bundled from 'eslint-plugin-index-builder';
import source from '../../src/index.ts';
import { PLUGIN_VERSION } from '../../src/meta.ts';
import { PLUGIN } from '../support/paths.ts';

/** ESLint types calculateConfigForFile's result as `any`; it is the file's config, or undefined when none applies. */
const configFor = async (eslint: ESLint, file: string) => (await eslint.calculateConfigForFile(file)) as Linter.Config | undefined;

const pkg = JSON.parse(readFileSync(join(PLUGIN, 'package.json'), 'utf8')) as { version: string; name: string };

describe('eslint-plugin-index-builder', () => {
  it('resolves by package name to the bundle, with both rules, the SQL language and the recommended config', () => {
    expect(Object.keys(bundled.rules)).toEqual(['no-index-in-migration', 'no-constraint-index-in-migration', 'valid-registry']);
    expect(Object.keys(bundled.languages)).toEqual(['sql']);
    expect(bundled.meta).toEqual({ name: 'eslint-plugin-index-builder', version: pkg.version, namespace: 'index-builder' });
    expect(PLUGIN_VERSION).toBe(pkg.version);
  });

  it('points each rule at its documentation page, which exists', () => {
    for (const [name, rule] of Object.entries(source.rules)) {
      expect(rule.meta.docs?.url).toBe(`https://index-builder.github.io/index-builder/rules/${name}.html`);
      expect(existsSync(join(PLUGIN, 'docs/rules', `${name}.md`))).toBe(true);
    }
  });

  it('recommends the rules for migration folders, .sql through the SQL language, and the registry', async () => {
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: bundled.configs.recommended, cwd: PLUGIN });
    // The rules that are on (the SQL blocks also turn off other configs' JavaScript rules: foreign-rules.test.ts).
    const rulesFor = async (file: string) =>
      Object.entries((await configFor(eslint, file))?.rules ?? {})
        .filter(([, setting]) => (Array.isArray(setting) ? setting[0] : setting) !== 0)
        .map(([name]) => name);
    for (const file of [
      'migrations/001.js',
      'migrations/001.cjs',
      'migrations/001.mjs',
      'src/db/migrations/001.ts',
      'db/migrate/001.cts',
      'db/migrate/001.mts',
      'migrate/001.sql',
      'prisma/migrations/20240101_init/migration.sql',
      'drizzle/0001_init.sql',
      'supabase/migrations/20240101_init.sql',
    ]) {
      expect({ file, rules: await rulesFor(file) }).toEqual({
        file,
        rules: ['index-builder/no-index-in-migration', 'index-builder/no-constraint-index-in-migration'],
      });
    }
    expect(await rulesFor('db/indexes.ts')).toEqual(['index-builder/valid-registry']);
    expect(await eslint.calculateConfigForFile('src/app.ts')).toBeUndefined();
    expect((await configFor(eslint, 'migrations/001.sql'))?.language).toBe(bundled.languages.sql);
  });
});
