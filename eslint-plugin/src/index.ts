// eslint-plugin-index-builder: keeps CREATE INDEX out of PostgreSQL migrations and checks the index registry.
//   import indexBuilder from 'eslint-plugin-index-builder';
//   export default [...indexBuilder.configs.recommended];
import { recommendedConfig } from './configs/recommended.ts';
import { SqlLanguage } from './language/sql-language.ts';
import { NAMESPACE, PLUGIN_NAME, PLUGIN_VERSION } from './meta.ts';
import { noConstraintIndexInMigration } from './rules/no-constraint-index-in-migration.ts';
import { noIndexInMigration } from './rules/no-index-in-migration.ts';
import { validRegistry } from './rules/valid-registry.ts';

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
};

plugin.configs.recommended = recommendedConfig(plugin);

export default plugin;
export { noIndexInMigration, noConstraintIndexInMigration, validRegistry, SqlLanguage };
