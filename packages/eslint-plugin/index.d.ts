// Types of the bundled plugin (dist/index.js).
import type { ESLint, Linter } from 'eslint';

/** The plugin's rules (a test checks this list against the plugin's `rules` object). */
export type RuleName = 'no-index-in-migration' | 'no-constraint-index-in-migration' | 'valid-registry';

declare const plugin: ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleName, NonNullable<ESLint.Plugin['rules']>[string]>;
  languages: Record<'sql', NonNullable<ESLint.Plugin['languages']>[string]>;
  configs: { recommended: Linter.Config[] };
  /** Config blocks that lint migrations in a project's own folders (globs relative to eslint.config.js). */
  migrationConfigs(layout: {
    /** Folders whose .js/.ts and .sql files are migrations, e.g. `['schema/changes']`. */
    folders?: readonly string[];
    /** Folders whose .sql files only are migrations. */
    sqlFolders?: readonly string[];
    /** Globs of .sql migration files, e.g. `['sql/**\/V*__*.sql']`. */
    sqlFiles?: readonly string[];
    name?: string;
  }): Linter.Config[];
};

export default plugin;
