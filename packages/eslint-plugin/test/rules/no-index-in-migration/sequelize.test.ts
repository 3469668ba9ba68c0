// no-index-in-migration on Sequelize migrations: queryInterface.addIndex in its 2- and 3-argument forms, and
// queryInterface.sequelize.query SQL.
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { at, moveToRegistry, ruleTester } from '../../support/rule-tester.ts';

const data = (index: string, table: string) => ({ index, table, registryPath: 'db/indexes.ts' });
const description = (on: string) => `Index on ${on}, moved from migration file.ts`;

const wrap = (body: string) => `module.exports = {
  async up(queryInterface, Sequelize) {
${body}
  },
};`;

const threeArgs = wrap(`    await queryInterface.addIndex('Users', ['lastName', 'firstName']);`);
const twoArgs = wrap(
  `    await queryInterface.addIndex({ tableName: 'orders', schema: 'shop' }, { fields: [{ name: 'placed_at', order: 'DESC' }], using: 'BTREE', name: 'orders_placed_idx' });`,
);
const uniqueType = wrap(`    await queryInterface.addIndex('Products', ['sku'], { type: 'UNIQUE', name: 'products_sku_unique' });`);
const whereObject = wrap(`    await queryInterface.addIndex('Orders', { fields: ['status'], where: { deleted_at: null } });`);
const query = wrap(`    await queryInterface.sequelize.query('CREATE INDEX CONCURRENTLY products_name_idx ON "Products" (name)');`);

ruleTester.run('no-index-in-migration (Sequelize)', noIndexInMigration, {
  valid: [
    wrap(`    await queryInterface.addConstraint('Orders', { fields: ['number'], type: 'unique', name: 'orders_number_key' });
    await queryInterface.addColumn('Users', 'handle', { type: Sequelize.STRING, unique: true });
    await queryInterface.removeIndex('Users', ['lastName', 'firstName']);`),
    {
      code: wrap(`    await queryInterface.createTable('Users', { id: { type: Sequelize.INTEGER, primaryKey: true } });
    await queryInterface.addIndex('Users', ['lastName']);`),
      options: [{ allowNewTables: true }],
    },
  ],
  invalid: [
    {
      // Sequelize names it underscore(`${table}_${fields}`).
      code: threeArgs,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('users_last_name_first_name', 'Users'),
          ...at(threeArgs, "queryInterface.addIndex('Users', ['lastName', 'firstName'])"),
          suggestions: [
            moveToRegistry(threeArgs, 3, {
              name: 'users_last_name_first_name',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_last_name_first_name ON "Users" ("lastName", "firstName")',
              description: description('Users (lastName, firstName)'),
            }),
          ],
        },
      ],
    },
    {
      code: twoArgs,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('orders_placed_idx', 'shop.orders'),
          ...at(
            twoArgs,
            "queryInterface.addIndex({ tableName: 'orders', schema: 'shop' }, { fields: [{ name: 'placed_at', order: 'DESC' }], using: 'BTREE', name: 'orders_placed_idx' })",
          ),
          suggestions: [
            moveToRegistry(twoArgs, 3, {
              name: 'orders_placed_idx',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_idx ON shop.orders (placed_at DESC)',
              description: description('orders (placed_at DESC)'),
            }),
          ],
        },
      ],
    },
    {
      code: uniqueType,
      errors: [
        {
          messageId: 'uniqueIndexInMigration',
          data: data('products_sku_unique', 'Products'),
          ...at(uniqueType, "queryInterface.addIndex('Products', ['sku'], { type: 'UNIQUE', name: 'products_sku_unique' })"),
          suggestions: [
            moveToRegistry(uniqueType, 3, {
              name: 'products_sku_unique',
              sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS products_sku_unique ON "Products" (sku)',
              description: description('Products (sku)'),
            }),
          ],
        },
      ],
    },
    {
      // A where object is Sequelize's query language, not SQL: no entry is offered.
      code: whereObject,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('orders_status', 'Orders'),
          ...at(whereObject, "queryInterface.addIndex('Orders', { fields: ['status'], where: { deleted_at: null } })"),
          suggestions: [],
        },
      ],
    },
    {
      code: query,
      errors: [
        {
          messageId: 'concurrentIndexInMigration',
          data: data('products_name_idx', 'Products'),
          ...at(query, 'CREATE INDEX CONCURRENTLY products_name_idx ON "Products" (name)'),
          suggestions: [
            moveToRegistry(query, 3, {
              name: 'products_name_idx',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS products_name_idx ON "Products" (name)',
              description: description('Products (name)'),
            }),
          ],
        },
      ],
    },
  ],
});
