// `configs.recommended`: a flat-config array to spread into eslint.config.js. Migrations in the usual folders are
// checked by no-index-in-migration (.js/.cjs/.mjs/.ts/.cts/.mts, and .sql through the SQL language); the registry
// by valid-registry.
import { NAMESPACE } from '../meta.ts';
import { typescriptParser } from './typescript-parser.ts';

/** The folders migration tools use by default. */
export const MIGRATION_FOLDERS = [
  '**/migrations',
  '**/migrate',
  '**/db/migrate',
  '**/prisma/migrations',
  '**/drizzle',
  '**/supabase/migrations',
];
export const SCRIPT_EXTENSIONS = '{js,cjs,mjs,ts,cts,mts}';
export const TYPESCRIPT_EXTENSIONS = '{ts,cts,mts}';
export const REGISTRY_FILES = ['**/db/indexes.{ts,js,mjs}'];

const inFolders = (pattern: string): string[] => MIGRATION_FOLDERS.map((folder) => `${folder}/**/${pattern}`);

export function recommendedConfig(plugin: object): object[] {
  const plugins = { [NAMESPACE]: plugin };
  return [
    {
      name: `${NAMESPACE}/migrations`,
      files: inFolders(`*.${SCRIPT_EXTENSIONS}`),
      plugins,
      rules: { [`${NAMESPACE}/no-index-in-migration`]: 'error', [`${NAMESPACE}/no-constraint-index-in-migration`]: 'error' },
    },
    {
      name: `${NAMESPACE}/typescript`,
      files: [...inFolders(`*.${TYPESCRIPT_EXTENSIONS}`), '**/db/indexes.ts'],
      languageOptions: { parser: typescriptParser },
    },
    {
      name: `${NAMESPACE}/sql-migrations`,
      files: inFolders('*.sql'),
      plugins,
      language: `${NAMESPACE}/sql`,
      rules: { [`${NAMESPACE}/no-index-in-migration`]: 'error', [`${NAMESPACE}/no-constraint-index-in-migration`]: 'error' },
    },
    {
      name: `${NAMESPACE}/registry`,
      files: REGISTRY_FILES,
      plugins,
      rules: { [`${NAMESPACE}/valid-registry`]: 'error' },
    },
  ];
}
