// no-index-in-migration on node-pg-migrate migrations: pgm.createIndex / pgm.addIndex and pgm.sql.
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { at, moveToRegistry, ruleTester } from '../../support/rule-tester.ts';

const data = (index: string, table: string) => ({ index, table, registryPath: 'db/indexes.ts' });
const description = (on: string) => `Index on ${on}, moved from migration file.ts`;

const simple = `exports.up = (pgm) => {
  pgm.createIndex('accounts', 'email');
};`;

const concurrently = `export const up = (pgm) => { pgm.noTransaction(); pgm.createIndex('accounts', 'email', { concurrently: true }); };`;
const unique = `export const up = (pgm) => { pgm.createIndex('accounts', ['email'], { unique: true }); };`;

const qualified = `export const up = (pgm) => {
  pgm.addIndex({ schema: 'billing', name: 'invoices' }, ['account_id', { name: 'issued_at', sort: 'DESC' }], {
    name: 'idx_invoices_account_issued',
    method: 'btree',
    include: ['total'],
    where: 'paid_at IS NULL',
  });
};`;

const rawSql = 'export const up = (pgm) => pgm.sql(`CREATE INDEX idx_accounts_created ON accounts (created_at)`);';

ruleTester.run('no-index-in-migration (node-pg-migrate)', noIndexInMigration, {
  valid: [
    `exports.up = (pgm) => {
      pgm.createTable('accounts', { id: 'id', email: { type: 'text', notNull: true, unique: true } });
      pgm.addConstraint('accounts', 'accounts_email_key', { unique: 'email' });
      pgm.dropIndex('accounts', 'email');
    };`,
    // A MongoDB migration (migrate-mongo) in a migrations folder: createIndex takes keys, not a table and columns.
    `module.exports = { async up(db) { await db.collection('users').createIndex({ email: 1 }, { unique: true }); } };`,
    {
      code: `exports.up = (pgm) => {
        pgm.createTable('accounts', { id: 'id', email: 'text' });
        pgm.createIndex('accounts', 'email');
      };`,
      options: [{ allowNewTables: true }],
    },
    { code: unique, options: [{ allowUnique: true }] },
  ],
  invalid: [
    {
      code: concurrently,
      errors: [
        {
          messageId: 'concurrentIndexInMigration',
          data: data('accounts_email_index', 'accounts'),
          ...at(concurrently, "pgm.createIndex('accounts', 'email', { concurrently: true })"),
          suggestions: [
            moveToRegistry(concurrently, 1, {
              name: 'accounts_email_index',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_index ON accounts (email)',
              description: description('accounts (email)'),
            }),
          ],
        },
      ],
    },
    {
      code: simple,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('accounts_email_index', 'accounts'),
          ...at(simple, "pgm.createIndex('accounts', 'email')"),
          suggestions: [
            moveToRegistry(simple, 2, {
              name: 'accounts_email_index',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_index ON accounts (email)',
              description: description('accounts (email)'),
            }),
          ],
        },
      ],
    },
    {
      code: unique,
      errors: [
        {
          messageId: 'uniqueIndexInMigration',
          data: data('accounts_email_unique_index', 'accounts'),
          ...at(unique, "pgm.createIndex('accounts', ['email'], { unique: true })"),
          suggestions: [
            moveToRegistry(unique, 1, {
              name: 'accounts_email_unique_index',
              sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_unique_index ON accounts (email)',
              description: description('accounts (email)'),
            }),
          ],
        },
      ],
    },
    {
      code: qualified,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('idx_invoices_account_issued', 'billing.invoices'),
          line: 2,
          column: 3,
          endLine: 7,
          endColumn: 5,
          suggestions: [
            moveToRegistry(qualified, 2, {
              name: 'idx_invoices_account_issued',
              sql:
                'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_invoices_account_issued ON billing.invoices ' +
                '(account_id, issued_at DESC) INCLUDE (total) WHERE paid_at IS NULL',
              description: description('invoices (account_id, issued_at DESC)'),
            }),
          ],
        },
      ],
    },
    {
      code: rawSql,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('idx_accounts_created', 'accounts'),
          ...at(rawSql, 'CREATE INDEX idx_accounts_created ON accounts (created_at)'),
          suggestions: [
            moveToRegistry(rawSql, 1, {
              name: 'idx_accounts_created',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_accounts_created ON accounts (created_at)',
              description: description('accounts (created_at)'),
            }),
          ],
        },
      ],
    },
  ],
});
