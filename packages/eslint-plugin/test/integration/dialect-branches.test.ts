// Only what can run on PostgreSQL is reported: branches per database, in the forms real migrations use
// (knex's client, TypeORM's connection options and driver, Sequelize's getDialect() and options.dialect, flags such
// as `isMySQL`, early returns, switch, ternaries, `&&`). Code whose database cannot be told stays checked.
import { Linter } from 'eslint';
import plugin from '../../src/index.ts';

const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.js'],
    plugins: { 'index-builder': plugin as never },
    rules: { 'index-builder/no-index-in-migration': 'error' as const },
  },
];

/** The names of the indexes reported in `code`. */
function reported(code: string): string[] {
  return linter.verify(code, config, 'migrations/20240101000000_x.js').map((message) => /"(.*?)"/.exec(message.message)?.[1] ?? message.message);
}

describe('dialect branches', () => {
  it.each([
    [
      'knex: an if on knex.client.config.client',
      `exports.up = async (knex) => {
        if (knex.client.config.client === 'sqlite3') await knex.raw('CREATE INDEX sqlite_only ON t (x)');
        else await knex.raw('CREATE INDEX on_pg ON t (x)');
      };`,
      ['on_pg'],
    ],
    [
      'knex: a block that returns early for SQLite, then the PostgreSQL path',
      `function getClient(knex) { return knex.client && knex.client.config ? knex.client.config.client : null; }
      exports.up = async (knex) => {
        const client = getClient(knex);
        if (client === 'sqlite3') {
          await knex.raw('CREATE INDEX IF NOT EXISTS sqlite_idx ON t (x)');
          return;
        }
        await knex.raw('CREATE INDEX CONCURRENTLY pg_idx ON t (x)');
      };`,
      ['pg_idx'],
    ],
    [
      "an early return unless PostgreSQL: `if (dialect !== 'postgres') return;`",
      `exports.up = async (knex, dialect) => {
        if (dialect !== 'postgres') return;
        await knex.raw('CREATE INDEX after_guard ON t (x)');
      };`,
      ['after_guard'],
    ],
    [
      'an early return for PostgreSQL leaves the rest to the others',
      `exports.up = async (knex) => {
        if (['pg', 'postgres', 'postgresql'].includes(knex.client.config.client)) return;
        await knex.raw('CREATE INDEX not_on_pg ON t (x)');
      };`,
      [],
    ],
    [
      'switch over the client, with fall-through and default',
      `exports.up = async (knex) => {
        switch (knex.client.config.client) {
          case 'mysql':
          case 'mysql2':
            await knex.raw('CREATE INDEX mysql_idx ON t (x)');
            break;
          case 'pg':
            await knex.raw('CREATE INDEX pg_case ON t (x)');
            break;
          default:
            await knex.raw('CREATE INDEX default_case ON t (x)');
        }
      };`,
      ['pg_case'],
    ],
    [
      'TypeORM: connection.options.type and driver.options.type',
      `module.exports = class X {
        async up(queryRunner) {
          if (queryRunner.connection.options.type === 'mysql') {
            await queryRunner.query('CREATE INDEX mysql_typeorm ON t (x)');
          } else {
            await queryRunner.query('CREATE INDEX pg_typeorm ON t (x)');
          }
          if (queryRunner.connection.driver.options.type === 'better-sqlite3') return;
          await queryRunner.query('CREATE INDEX after_sqlite_return ON t (y)');
        }
      };`,
      ['pg_typeorm', 'after_sqlite_return'],
    ],
    [
      'TypeORM: driver instanceof',
      `module.exports = class X {
        async up(queryRunner) {
          if (queryRunner.connection.driver instanceof SqliteDriver) await queryRunner.query('CREATE INDEX s ON t (x)');
          if (queryRunner.connection.driver instanceof PostgresDriver) await queryRunner.query('CREATE INDEX p ON t (x)');
        }
      };`,
      ['p'],
    ],
    [
      'Sequelize: getDialect() and options.dialect, ternary',
      `module.exports = {
        up: async (queryInterface) => {
          const dialect = queryInterface.sequelize.getDialect();
          if (dialect === 'sqlite') return queryInterface.addIndex('t', ['a'], { name: 'sqlite_addindex' });
          await (queryInterface.sequelize.options.dialect === 'mysql'
            ? queryInterface.sequelize.query('CREATE INDEX mysql_ternary ON t (x)')
            : queryInterface.sequelize.query('CREATE INDEX pg_ternary ON t (x)'));
        },
      };`,
      ['pg_ternary'],
    ],
    [
      'a const flag built from the client, and an isSqlite flag in a knex callback',
      `const env = require('../env');
      const isMySQL = env.DB_CLIENT === 'mysql' || env.DB_CLIENT === 'mysql2';
      exports.up = async (knex) => {
        if (isMySQL) await knex.raw('CREATE INDEX mysql_flag ON t (x)');
        isMySQL && (await knex.raw('CREATE INDEX mysql_and ON t (x)'));
        await knex.schema.alterTable('t', (table) => {
          if (this.isSqlite) return;
          table.index(['y'], 'knex_after_flag');
        });
      };`,
      ['knex_after_flag'],
    ],
    [
      'conditions that do not name the database stay checked',
      `exports.up = async (knex) => {
        if (process.env.BIG_TABLES) await knex.raw('CREATE INDEX flag_idx ON t (x)');
        if (process.env.DB_TYPE === 'postgres') await knex.raw('CREATE INDEX env_pg ON t (x)');
        if (knex.client.config.client === 'cockroachdb2') await knex.raw('CREATE INDEX unknown_client ON t (x)');
      };`,
      ['flag_idx', 'env_pg', 'unknown_client'],
    ],
  ])('%s', (_name, code, expected) => {
    expect(reported(code)).toEqual(expected);
  });
});
