// `configs.recommended`: a flat-config array to spread into eslint.config.js. Migrations in the usual folders are
// checked by no-index-in-migration (.js/.cjs/.mjs/.ts/.cts/.mts, and .sql through the SQL language); the registry
// by valid-registry. `migrationConfigs` builds the same blocks for a project's own folders.
import { NAMESPACE } from '../meta.ts';
import { FOREIGN_RULES } from './foreign-rules.ts';
import { typescriptParser } from './typescript-parser.ts';

/**
 * The folders migration tools use by default (any depth): knex, Sequelize, node-pg-migrate, TypeORM, MikroORM,
 * Kysely, Laravel-style `database/migrations`, dbmate and goose `db/migrations`, Prisma `prisma/migrations`, Supabase
 * `supabase/migrations`, Rails-style `db/migrate`, Flyway `db/migration` (singular), Drizzle, diesel
 * (`migrations/<timestamp>_<name>/up.sql`).
 */
const MIGRATION_FOLDERS = ['**/migrations', '**/migration', '**/migrate', '**/drizzle'];
/** Folders that hold migrations only as .sql files: sqitch's `deploy/` (a `deploy/` folder of scripts is not). */
const SQL_MIGRATION_FOLDERS = ['**/deploy'];
/** golang-migrate's file names, wherever the folder is. */
const SQL_MIGRATION_FILES = ['**/*.up.sql', '**/*.down.sql'];
export const SCRIPT_EXTENSIONS = ['js', 'cjs', 'mjs', 'ts', 'cts', 'mts'];
export const TYPESCRIPT_EXTENSIONS = ['ts', 'cts', 'mts'];
const REGISTRY_FILES = ['**/db/indexes.{ts,js,mjs}'];

/**
 * One pattern per folder and extension, never a brace list (`*.{js,ts}`): ESLint matches every file it finds
 * against every pattern of the config, and turns away a file that does not end in a pattern's literal suffix
 * (`*.sql`) before running the glob, which it cannot do for a brace list.
 */
const inFolders = (folders: readonly string[], extensions: readonly string[]): string[] =>
  folders.flatMap((folder) => extensions.map((extension) => `${folder.replace(/\/+$/, '')}/**/*.${extension}`));

/**
 * Configs without `files` (`js.configs.recommended`, typescript-eslint's, a project's own) apply to every file ESLint
 * lints, .sql migrations included; their rules expect JavaScript and crash there. The SQL blocks, which come after
 * them, turn off ESLint's and typescript-eslint's rules (ESLint does not validate a rule that is off, so a plugin
 * the project does not have costs nothing).
 */
const FOREIGN_RULES_OFF: Record<string, 'off'> = Object.fromEntries(FOREIGN_RULES.map((name) => [name, 'off']));

export interface MigrationFolders {
  /** Folders (globs, relative to eslint.config.js) whose .js/.ts and .sql files are migrations. */
  folders?: readonly string[];
  /** Folders whose .sql files only are migrations. */
  sqlFolders?: readonly string[];
  /** Globs of .sql migration files. */
  sqlFiles?: readonly string[];
  /** Names the config blocks (ESLint's --inspect-config shows it). */
  name?: string;
}

interface BlockNames {
  scripts: string;
  typescript: string;
  sql: string;
}

/** The config blocks that lint migrations in the given folders: no-index-in-migration, with the SQL language for .sql. */
export function migrationConfigs(plugin: object, layout: MigrationFolders): object[] {
  const name = layout.name ?? `${NAMESPACE}/custom-migrations`;
  return migrationBlocks(plugin, layout, { scripts: name, typescript: `${name}/typescript`, sql: `${name}/sql` });
}

function migrationBlocks(plugin: object, layout: MigrationFolders, names: BlockNames, typescriptFiles: string[] = []): object[] {
  const plugins = { [NAMESPACE]: plugin };
  const folders = layout.folders ?? [];
  const sqlFiles = [...inFolders([...folders, ...(layout.sqlFolders ?? [])], ['sql']), ...(layout.sqlFiles ?? [])];
  const rules = { [`${NAMESPACE}/no-index-in-migration`]: 'error', [`${NAMESPACE}/no-constraint-index-in-migration`]: 'error' };
  const blocks: object[] = [];
  if (folders.length > 0) {
    blocks.push(
      { name: names.scripts, files: inFolders(folders, SCRIPT_EXTENSIONS), plugins, rules },
      {
        name: names.typescript,
        files: [...inFolders(folders, TYPESCRIPT_EXTENSIONS), ...typescriptFiles],
        languageOptions: { parser: typescriptParser },
      },
    );
  }
  if (sqlFiles.length > 0)
    blocks.push({ name: names.sql, files: sqlFiles, plugins, language: `${NAMESPACE}/sql`, rules: { ...FOREIGN_RULES_OFF, ...rules } });
  return blocks;
}

export function recommendedConfig(plugin: object): object[] {
  const layout = { folders: MIGRATION_FOLDERS, sqlFolders: SQL_MIGRATION_FOLDERS, sqlFiles: SQL_MIGRATION_FILES };
  const names = { scripts: `${NAMESPACE}/migrations`, typescript: `${NAMESPACE}/typescript`, sql: `${NAMESPACE}/sql-migrations` };
  return [
    ...migrationBlocks(plugin, layout, names, ['**/db/indexes.ts']),
    {
      name: `${NAMESPACE}/registry`,
      files: REGISTRY_FILES,
      plugins: { [NAMESPACE]: plugin },
      rules: { [`${NAMESPACE}/valid-registry`]: 'error' },
    },
  ];
}
