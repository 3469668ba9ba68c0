// Types of the bundled plugin (dist/index.js).
import type { ESLint, Linter } from 'eslint';

declare const plugin: ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  rules: Record<'no-index-in-migration' | 'valid-registry', NonNullable<ESLint.Plugin['rules']>[string]>;
  languages: Record<'sql', NonNullable<ESLint.Plugin['languages']>[string]>;
  configs: { recommended: Linter.Config[] };
};

export default plugin;
