// Rule `no-index-in-migration`: every index a migration creates, in .js/.ts (SQL text and the migration APIs of
// knex, node-pg-migrate, TypeORM, Sequelize, Kysely) and in .sql files (through the plugin's SQL language).
import { MigrationFindings, type MessageId, type ReportContext, type RuleOptions } from './findings.ts';
import { jsMigrationListener } from './js-migration.ts';
import { beforeSince, SINCE_SCHEMA } from '../../js/migration-position.ts';
import { sqlMigrationListener } from '../sql-migration.ts';
import { SqlSourceCode } from '../../language/sql-source-code.ts';
import { createRule } from '../create-rule.ts';

const DEFAULT_OPTIONS: RuleOptions = {
  allowUnique: false,
  allowNewTables: false,
  reportUnverifiable: false,
  registryPath: 'db/indexes.ts',
};

const AFTER_DEPLOY = 'index-builder builds it with CREATE INDEX CONCURRENTLY after the deploy';

export const noIndexInMigration = createRule<[Partial<RuleOptions>], MessageId>({
  name: 'no-index-in-migration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating indexes in schema migrations; declare them in the index-builder registry',
      recommended: true,
    },
    hasSuggestions: true,
    // ESLint 10 checks that a rule supports the language of the files it is enabled for.
    ...({ languages: ['js/js', 'index-builder/sql'] } as object),
    schema: [
      {
        type: 'object',
        properties: {
          allowUnique: { type: 'boolean', description: 'Allow CREATE UNIQUE INDEX in migrations.' },
          allowNewTables: { type: 'boolean', description: 'Allow indexes on tables that the same migration creates.' },
          reportUnverifiable: {
            type: 'boolean',
            description: 'Report SQL whose statement cannot be read statically (a computed statement keyword).',
          },
          registryPath: { type: 'string', description: 'The registry file named in messages (default db/indexes.ts).' },
          since: SINCE_SCHEMA,
        },
        additionalProperties: false,
      },
    ],
    messages: {
      indexInMigration:
        'Index "{{index}}" on "{{table}}" is created in a migration, which blocks writes to "{{table}}" for the whole build. ' +
        `Declare it in {{registryPath}} instead; ${AFTER_DEPLOY}.`,
      uniqueIndexInMigration:
        'Unique index "{{index}}" on "{{table}}" is created in a migration, which blocks writes to "{{table}}" for the whole build. ' +
        'Declare it in {{registryPath}} instead; index-builder builds it with CREATE UNIQUE INDEX CONCURRENTLY after the deploy. ' +
        'If the application needs the uniqueness the moment the migration runs, keep it and set allowUnique.',
      concurrentIndexInMigration:
        'Index "{{index}}" on "{{table}}" is built CONCURRENTLY in a migration: that cannot run inside the transaction most ' +
        'migration tools wrap a migration in, is not retried when it fails on a lock or a deadlock, leaves an INVALID index ' +
        'behind when it fails, and holds the deploy until the build ends. Declare it in {{registryPath}} instead; index-builder ' +
        'builds it after the deploy, retries lock conflicts and drops an INVALID leftover.',
      unverifiableSql:
        'This SQL cannot be read statically (the statement itself is computed), so it may create an index unseen. ' +
        'Write the statement as literal text, or declare its indexes in {{registryPath}}.',
      moveToRegistry: 'Insert the registry entry for "{{index}}" as a comment, to move into {{registryPath}}: {{entry}}',
    },
    defaultOptions: [DEFAULT_OPTIONS],
  },
  create(context, [given]) {
    const options: RuleOptions = { ...DEFAULT_OPTIONS, ...given };
    if (isRegistryFile(context.filename, options.registryPath)) return {};
    if (beforeSince(context.filename, options.since)) return {};
    // ESLint's SourceCode for JavaScript, SqlSourceCode for .sql files: both have text and getLocFromIndex.
    const sourceCode = context.sourceCode as unknown as { text: string; getLocFromIndex(offset: number): { line: number; column: number } };
    const reporter: ReportContext = {
      filename: context.filename,
      text: sourceCode.text,
      locAt: (offset) => sourceCode.getLocFromIndex(offset),
      report: (descriptor) => context.report(descriptor as Parameters<typeof context.report>[0]),
    };
    const findings = new MigrationFindings(reporter, options);
    if (context.sourceCode instanceof SqlSourceCode) return sqlMigrationListener(context.sourceCode, findings);
    if (cannotCreateIndex(sourceCode.text, options)) return {};
    return jsMigrationListener(context, options, findings);
  },
});

/**
 * Most migrations never say "index": every form the rule reads does (SQL text, createIndex, addIndex, .index(),
 * TableIndex, TypeORM's `indices`), so such a file is skipped before its walk. Unless an escape could spell the word
 * (`\u0049NDEX`, a line continuation), or computed SQL is to be reported.
 */
function cannotCreateIndex(text: string, options: RuleOptions): boolean {
  return !options.reportUnverifiable && !/ind(?:ex|ices)/i.test(text) && !/\\(?:[ux0-7]|\r?\n)/.test(text);
}

/** The registry itself holds CREATE INDEX statements by design. */
function isRegistryFile(filename: string, registryPath: string): boolean {
  const file = filename.replace(/\\/g, '/');
  const registry = registryPath.replace(/\\/g, '/').replace(/^\.\//, '');
  return file === registry || file.endsWith(`/${registry}`);
}
