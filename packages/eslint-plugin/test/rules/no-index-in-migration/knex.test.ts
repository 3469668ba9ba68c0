// no-index-in-migration on knex migrations: table.index(...) and column .index() in createTable / alterTable /
// table callbacks; unique(), primary() and foreign keys are constraints and never reported.
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { at, moveToRegistry, ruleTester } from '../../support/rule-tester.ts';

const data = (index: string, table: string) => ({ index, table, registryPath: 'db/indexes.ts' });
const description = (on: string) => `Index on ${on}, moved from migration file.ts`;

const alterLeads = `export async function up(knex) {
  await knex.schema.alterTable('leads', (table) => {
    table.string('status');
    table.index(['status', 'created_at'], 'idx_leads_status_created');
  });
}`;

const createUsers = `exports.up = (knex) =>
  knex.schema.createTable('users', function (t) {
    t.increments('id').primary();
    t.string('email').notNullable().index();
  });`;

const withSchema = `knex.schema.withSchema('billing').table('invoices', (t) => t.index('account_id', undefined, 'GIN'));`;

const predicate = `knex.schema.alterTable('users', (t) => {
  t.index(['email'], 'idx_users_active_email', { indexType: 'btree', predicate: knex.whereNotNull('email') });
});`;

ruleTester.run('no-index-in-migration (knex)', noIndexInMigration, {
  valid: [
    `knex.schema.createTable('users', (t) => {
      t.increments('id').primary();
      t.string('email').unique();
      t.unique(['first_name', 'last_name'], { indexName: 'users_name_key' });
      t.primary(['id']);
      t.foreign('team_id').references('teams.id');
      t.dropIndex(['name']);
    });`,
    // Not a knex table callback: nothing says what `t` is.
    `function helper(t) { t.index('a'); }`,
    `search.index('documents');`,
    {
      code: `knex.schema.createTable('users', (t) => { t.string('email').index(); });`,
      options: [{ allowNewTables: true }],
    },
  ],
  invalid: [
    {
      code: alterLeads,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('idx_leads_status_created', 'leads'),
          ...at(alterLeads, "table.index(['status', 'created_at'], 'idx_leads_status_created')"),
          suggestions: [
            moveToRegistry(alterLeads, 4, {
              name: 'idx_leads_status_created',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status_created ON leads (status, created_at)',
              description: description('leads (status, created_at)'),
            }),
          ],
        },
      ],
    },
    {
      // A column's .index(): knex names it table_column_index.
      code: createUsers,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('users_email_index', 'users'),
          ...at(createUsers, "t.string('email').notNullable().index()"),
          suggestions: [
            moveToRegistry(createUsers, 4, {
              name: 'users_email_index',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_index ON users (email)',
              description: description('users (email)'),
            }),
          ],
        },
      ],
    },
    {
      code: withSchema,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('invoices_account_id_index', 'billing.invoices'),
          ...at(withSchema, "t.index('account_id', undefined, 'GIN')"),
          suggestions: [
            moveToRegistry(withSchema, 1, {
              name: 'invoices_account_id_index',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_account_id_index ON billing.invoices USING gin (account_id)',
              description: description('invoices (account_id)'),
            }),
          ],
        },
      ],
    },
    {
      // A predicate built with the query builder cannot be written as SQL statically: no entry is offered.
      code: predicate,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('idx_users_active_email', 'users'),
          ...at(predicate, "t.index(['email'], 'idx_users_active_email', { indexType: 'btree', predicate: knex.whereNotNull('email') })"),
          suggestions: [],
        },
      ],
    },
    {
      // Table and columns computed at run time: reported, named as written.
      code: 'knex.schema.alterTable(tableName, (t) => { t.index(columns); });',
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('(name computed at run time)', '${tableName}'),
          line: 1,
          column: 44,
          endLine: 1,
          endColumn: 60,
          suggestions: [],
        },
      ],
    },
  ],
});
