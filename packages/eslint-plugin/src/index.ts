// eslint-plugin-index-builder: keeps CREATE INDEX out of PostgreSQL migrations and checks the index registry.
//   import indexBuilder from 'eslint-plugin-index-builder';           (ESM eslint.config.js / .mjs / .ts)
//   const indexBuilder = require('eslint-plugin-index-builder');      (CommonJS eslint.config.js / .cjs)
//   export default [...indexBuilder.configs.recommended];
// No top-level await anywhere in the module graph, so Node's require() of this ES module works; the
// 'module.exports' export makes require() return the plugin itself rather than the module namespace.
import { migrationConfigs, recommendedConfig, type MigrationFolders } from './configs/recommended.ts';
import { SqlLanguage } from './language/sql-language.ts';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta.ts';
import { noConstraintIndexInMigration } from './rules/no-constraint-index-in-migration/index.ts';
import { noIndexInMigration } from './rules/no-index-in-migration/index.ts';
import { validRegistry } from './rules/valid-registry/index.ts';

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: NAMESPACE },
  rules: {
    'no-index-in-migration': noIndexInMigration,
    'no-constraint-index-in-migration': noConstraintIndexInMigration,
    'valid-registry': validRegistry,
  },
  languages: {
    sql: new SqlLanguage(),
  },
  configs: {} as { recommended: object[] },
  /** Config blocks for a project's own migration folders, e.g. `indexBuilder.migrationConfigs({ folders: ['schema/changes'] })`. */
  migrationConfigs: (layout: MigrationFolders): object[] => migrationConfigs(plugin, layout),
};

plugin.configs.recommended = recommendedConfig(plugin);

export default plugin;
export { plugin as 'module.exports' };
export { noIndexInMigration, noConstraintIndexInMigration, validRegistry, SqlLanguage };
