// The plugin's identity, shared by the rules (docs URLs), the language and the configs.
export const PLUGIN_NAME = 'eslint-plugin-index-builder';
/** Kept equal to package.json's version (a test checks it). */
export const PLUGIN_VERSION = '0.1.0';
export const NAMESPACE = 'index-builder';

// The rule pages of the documentation site, built from docs/rules/*.md of this package and the rules' schemas.
const DOCS_BASE = 'https://index-builder.github.io/index-builder/rules';

export function ruleDocsUrl(name: string): string {
  return `${DOCS_BASE}/${name}.html`;
}
