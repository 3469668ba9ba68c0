// Rule `no-constraint-index-in-migration`: unique, primary-key and exclusion constraints added to an existing table
// in a migration, in .js/.ts (SQL text and the constraint APIs of knex, node-pg-migrate, TypeORM, Sequelize,
// Kysely) and in .sql files. Each builds its index under ACCESS EXCLUSIVE; a table the same migration creates is
// exempt.
import { ConstraintFindings, type ConstraintMessageId, type ConstraintReportContext } from './findings.ts';
import { constraintMigrationListener } from './js-migration.ts';
import { beforeSince, SINCE_SCHEMA } from '../../js/migration-position.ts';
import type { GetScope } from '../../js/dialect.ts';
import { sqlMigrationListener } from '../sql-migration.ts';
import { ESCAPE } from '../../js/text-sql.ts';
import { SqlSourceCode } from '../../language/sql-source-code.ts';
import { createRule } from '../create-rule.ts';

export interface ConstraintRuleOptions {
  registryPath: string;
  /** Check only migrations named from this point on (see no-index-in-migration's `since`). */
  since?: string | number;
}

const DEFAULT_OPTIONS: ConstraintRuleOptions = { registryPath: 'db/indexes.ts' };

const BLOCKS =
  'builds its index inside the migration, holding an ACCESS EXCLUSIVE lock that blocks reads and writes on "{{table}}" for the whole build.';
const RECIPE =
  'Declare the index in {{registryPath}} instead: `{{indexSql}}` with {{constraintKey}}; index-builder builds it concurrently after the deploy, ' +
  'then attaches it with `{{attachSql}}` (a brief lock, no scan). Without the builder, run that ALTER TABLE in a later migration.';

export const noConstraintIndexInMigration = createRule<[Partial<ConstraintRuleOptions>], ConstraintMessageId>({
  name: 'no-constraint-index-in-migration',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow adding unique, primary-key and exclusion constraints to existing tables in migrations; build their index concurrently first',
      recommended: true,
    },
    hasSuggestions: true,
    ...({ languages: ['js/js', 'index-builder/sql'] } as object),
    schema: [
      {
        type: 'object',
        properties: {
          registryPath: { type: 'string', description: 'The registry file named in messages (default db/indexes.ts).' },
          since: SINCE_SCHEMA,
        },
        additionalProperties: false,
      },
    ],
    messages: {
      uniqueConstraint: `Unique constraint "{{name}}" on "{{table}}" ${BLOCKS} ${RECIPE.replace('{{constraintKey}}', "constraint: 'unique'")}`,
      primaryKeyConstraint:
        `Primary key "{{name}}" on "{{table}}" ${BLOCKS} ` +
        `${RECIPE.replace('{{constraintKey}}', "constraint: 'primary key'")} Its columns must already be NOT NULL, or PostgreSQL scans the table under that lock to check them.`,
      exclusionConstraint:
        `Exclusion constraint "{{name}}" on "{{table}}" ${BLOCKS} PostgreSQL cannot attach an exclusion constraint to an index built concurrently: ` +
        'add it while the table is new or small, or in a maintenance window.',
      moveToRegistry: 'Insert the registry entry for "{{name}}" as a comment, to move into {{registryPath}}: {{entry}}',
    },
    defaultOptions: [DEFAULT_OPTIONS],
  },
  create(context, [given]) {
    const { registryPath, since } = { ...DEFAULT_OPTIONS, ...given };
    if (beforeSince(context.filename, since)) return {};
    const sourceCode = context.sourceCode as unknown as {
      text: string;
      getLocFromIndex(offset: number): { line: number; column: number };
      getScope: GetScope;
    };
    const reporter: ConstraintReportContext = {
      filename: context.filename,
      text: sourceCode.text,
      locAt: (offset) => sourceCode.getLocFromIndex(offset),
      report: (descriptor) => context.report(descriptor as Parameters<typeof context.report>[0]),
    };
    const findings = new ConstraintFindings(reporter, registryPath);
    if (context.sourceCode instanceof SqlSourceCode) return sqlMigrationListener(context.sourceCode, findings);
    if (cannotAddConstraint(sourceCode.text)) return {};
    return constraintMigrationListener(sourceCode.text, findings, (node) => sourceCode.getScope(node));
  },
});

/**
 * Every form the rule reads says UNIQUE, PRIMARY, EXCLUDE or Constraint (SQL text, knex unique() / primary(),
 * addConstraint, addUniqueConstraint, createPrimaryKey, createExclusionConstraint, `{ exclude }`), so a file that
 * says none of them is skipped before its walk, unless an escape could spell one.
 */
function cannotAddConstraint(text: string): boolean {
  return !/unique|primary|constraint|exclude/i.test(text) && !ESCAPE.test(text);
}
