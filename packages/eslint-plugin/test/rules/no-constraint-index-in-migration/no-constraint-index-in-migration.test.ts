// no-constraint-index-in-migration on .js/.ts migrations: ALTER TABLE ... ADD CONSTRAINT in SQL text, and the
// constraint APIs of knex, Sequelize, node-pg-migrate, Kysely and TypeORM. Tables created in the same file are exempt.
import { noConstraintIndexInMigration } from '../../../src/rules/no-constraint-index-in-migration/index.ts';
import { at, constraintData, constraintSuggestion } from '../../support/constraint-report.ts';
import { ruleTester } from '../../support/rule-tester.ts';

const moved = (on: string) => `Index on ${on}, moved from migration file.ts`;

const rawSql = `export async function up(knex) {
  await knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)');
}`;
const rawUnnamed = `await queryRunner.query(\`ALTER TABLE "orders" ADD PRIMARY KEY ("id")\`);`;
const knexAlter = `exports.up = (knex) =>
  knex.schema.alterTable('users', (t) => {
    t.unique(['org_id', 'email']);
    t.string('handle').unique('users_handle_key');
  });`;
const knexPrimary = `knex.schema.table('events', (t) => { t.primary(['id'], { constraintName: 'events_pk' }); });`;
const sequelize = `module.exports = {
  up: (queryInterface) =>
    queryInterface.addConstraint('users', { type: 'unique', fields: ['email'], name: 'users_email_uk' }),
};`;
const sequelizeDefault = `queryInterface.addConstraint('users', { fields: ['id'], type: 'primary key' });`;
const pgmObject = `exports.up = (pgm) => {
  pgm.addConstraint('playlist_songs', 'playlist_songs_unique', { unique: ['playlist_id', 'song_id'] });
};`;
const pgmString = `pgm.addConstraint('rooms', null, 'EXCLUDE USING gist (room WITH =, during WITH &&)');`;
const pgmStringUnique = `pgm.addConstraint('accounts', 'accounts_slug_key', 'UNIQUE (slug)');`;
const kysely = `await db.schema.alterTable('pets').addUniqueConstraint('pets_name_owner_key', ['name', 'owner_id']).execute();`;
const typeorm = `await queryRunner.createUniqueConstraint('users', new TableUnique({ name: 'UQ_users_email', columnNames: ['email'] }));
await queryRunner.createPrimaryKey('accounts', ['id']);`;

const kyselyPk = `await db.schema.withSchema('shop').alterTable('orders').addPrimaryKeyConstraint('orders_pkey', ['id']).execute();`;
const typeormMore = `await queryRunner.createUniqueConstraints('users', [new TableUnique({ columnNames: ['email'] })]);
await queryRunner.createExclusionConstraint('bookings', new TableExclusion({ name: 'no_overlap', expression: 'USING gist (during WITH &&)' }));`;
const knexColumnPk = `knex.schema.alterTable('events', (t) => { t.uuid('id').primary(); });`;
const computed = 'await knex.raw(`ALTER TABLE ${table} ADD CONSTRAINT uniq_email UNIQUE (email)`);';

ruleTester.run('no-constraint-index-in-migration', noConstraintIndexInMigration, {
  valid: [
    // The safe form: attach an index built concurrently.
    `knex.raw('ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key');`,
    `knex.raw('ALTER TABLE users ADD CONSTRAINT positive CHECK (n > 0)');`,
    `knex.raw('ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (org_id) REFERENCES orgs (id)');`,
    // A table created by the same migration blocks no one.
    `knex.schema.createTable('users', (t) => { t.string('email').unique(); t.primary(['id']); t.unique(['a', 'b']); });`,
    `knex.raw('CREATE TABLE users (id int, email text)');\nknex.raw('ALTER TABLE users ADD UNIQUE (email)');`,
    `await queryInterface.createTable('users', { id: {} });\nawait queryInterface.addConstraint('users', { type: 'unique', fields: ['email'] });`,
    `pgm.createTable('rooms', { id: 'id' });\npgm.addConstraint('rooms', 'rooms_name_key', { unique: 'name' });`,
    `await db.schema.createTable('pets').addColumn('id', 'integer').addUniqueConstraint('pets_key', ['id']).execute();`,
    // Not constraints: Sequelize's other types, a knex call outside a table callback, other `unique` methods.
    `queryInterface.addConstraint('users', { type: 'check', fields: ['age'], where: { age: { gt: 0 } } });`,
    `function helper(t) { t.unique(['a']); }`,
    `const ids = _.unique(list);`,
    `const msg = 'the email must be unique';`,
    // A migration older than `since` ran long ago: it is not checked.
    { code: rawSql, filename: 'migrations/20240101120000_add_email_key.js', options: [{ since: '20261125' }] },
  ],
  invalid: [
    {
      code: rawSql,
      // A file name with no date or sequence in it is always checked, whatever `since` says.
      options: [{ since: '20261125' }],
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('users_email_key', 'users', 'email'),
          ...at(rawSql, 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)'),
          suggestions: [constraintSuggestion(rawSql, 2, constraintData('users_email_key', 'users', 'email'), 'unique', moved('users (email)'))],
        },
      ],
    },
    {
      code: rawSql,
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('users_email_key', 'users', 'email'),
          ...at(rawSql, 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)'),
          suggestions: [constraintSuggestion(rawSql, 2, constraintData('users_email_key', 'users', 'email'), 'unique', moved('users (email)'))],
        },
      ],
    },
    {
      code: rawUnnamed,
      errors: [
        {
          messageId: 'primaryKeyConstraint',
          data: constraintData('orders_pkey', 'orders', 'id', 'PRIMARY KEY'),
          ...at(rawUnnamed, 'ALTER TABLE "orders" ADD PRIMARY KEY ("id")'),
          suggestions: [
            constraintSuggestion(rawUnnamed, 1, constraintData('orders_pkey', 'orders', 'id', 'PRIMARY KEY'), 'primary key', moved('orders (id)')),
          ],
        },
      ],
    },
    {
      code: knexAlter,
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('users_org_id_email_unique', 'users', 'org_id, email'),
          ...at(knexAlter, "t.unique(['org_id', 'email'])"),
          suggestions: [
            constraintSuggestion(
              knexAlter,
              3,
              constraintData('users_org_id_email_unique', 'users', 'org_id, email'),
              'unique',
              moved('users (org_id, email)'),
            ),
          ],
        },
        {
          messageId: 'uniqueConstraint',
          data: constraintData('users_handle_key', 'users', 'handle'),
          ...at(knexAlter, "t.string('handle').unique('users_handle_key')"),
          suggestions: [constraintSuggestion(knexAlter, 4, constraintData('users_handle_key', 'users', 'handle'), 'unique', moved('users (handle)'))],
        },
      ],
    },
    {
      code: knexPrimary,
      errors: [
        {
          messageId: 'primaryKeyConstraint',
          data: constraintData('events_pk', 'events', 'id', 'PRIMARY KEY'),
          ...at(knexPrimary, "t.primary(['id'], { constraintName: 'events_pk' })"),
          suggestions: [
            constraintSuggestion(knexPrimary, 1, constraintData('events_pk', 'events', 'id', 'PRIMARY KEY'), 'primary key', moved('events (id)')),
          ],
        },
      ],
    },
    {
      code: sequelize,
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('users_email_uk', 'users', 'email'),
          ...at(sequelize, "queryInterface.addConstraint('users', { type: 'unique', fields: ['email'], name: 'users_email_uk' })"),
          suggestions: [constraintSuggestion(sequelize, 1, constraintData('users_email_uk', 'users', 'email'), 'unique', moved('users (email)'))],
        },
      ],
    },
    {
      code: sequelizeDefault,
      errors: [
        {
          messageId: 'primaryKeyConstraint',
          data: constraintData('users_id_pk', 'users', 'id', 'PRIMARY KEY'),
          ...at(sequelizeDefault, sequelizeDefault.slice(0, -1)),
          suggestions: 1 as never,
        },
      ],
    },
    {
      code: pgmObject,
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('playlist_songs_unique', 'playlist_songs', 'playlist_id, song_id'),
          ...at(pgmObject, "pgm.addConstraint('playlist_songs', 'playlist_songs_unique', { unique: ['playlist_id', 'song_id'] })"),
          suggestions: [
            constraintSuggestion(
              pgmObject,
              2,
              constraintData('playlist_songs_unique', 'playlist_songs', 'playlist_id, song_id'),
              'unique',
              moved('playlist_songs (playlist_id, song_id)'),
            ),
          ],
        },
      ],
    },
    {
      code: pgmString,
      errors: [
        {
          messageId: 'exclusionConstraint',
          data: { name: 'rooms_room_during_excl', table: 'rooms' },
          ...at(pgmString, pgmString.slice(0, -1)),
          suggestions: [],
        },
      ],
    },
    {
      code: pgmStringUnique,
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('accounts_slug_key', 'accounts', 'slug'),
          ...at(pgmStringUnique, pgmStringUnique.slice(0, -1)),
          suggestions: 1 as never,
        },
      ],
    },
    {
      code: kysely,
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('pets_name_owner_key', 'pets', 'name, owner_id'),
          ...at(kysely, "db.schema.alterTable('pets').addUniqueConstraint('pets_name_owner_key', ['name', 'owner_id'])"),
          suggestions: [
            constraintSuggestion(
              kysely,
              1,
              constraintData('pets_name_owner_key', 'pets', 'name, owner_id'),
              'unique',
              moved('pets (name, owner_id)'),
            ),
          ],
        },
      ],
    },
    {
      code: typeorm,
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('UQ_users_email', 'users', 'email', 'UNIQUE', 'users', '"UQ_users_email"'),
          ...at(typeorm, "new TableUnique({ name: 'UQ_users_email', columnNames: ['email'] })"),
          suggestions: 1 as never,
        },
        {
          messageId: 'primaryKeyConstraint',
          ...at(typeorm, "queryRunner.createPrimaryKey('accounts', ['id'])"),
          suggestions: 1 as never,
        },
      ],
    },
    {
      code: kyselyPk,
      errors: [
        {
          messageId: 'primaryKeyConstraint',
          data: constraintData('orders_pkey', 'shop.orders', 'id', 'PRIMARY KEY', 'shop.orders'),
          ...at(kyselyPk, "db.schema.withSchema('shop').alterTable('orders').addPrimaryKeyConstraint('orders_pkey', ['id'])"),
          suggestions: 1 as never,
        },
      ],
    },
    {
      code: typeormMore,
      errors: [
        {
          messageId: 'uniqueConstraint',
          // TypeORM's default name: UQ_ and 27 hex digits of sha1('users_email').
          data: constraintData('UQ_97672ac88f789774dd47f7c8be3', 'users', 'email', 'UNIQUE', 'users', '"UQ_97672ac88f789774dd47f7c8be3"'),
          ...at(typeormMore, "new TableUnique({ columnNames: ['email'] })"),
          suggestions: 1 as never,
        },
        {
          messageId: 'exclusionConstraint',
          data: { name: 'no_overlap', table: 'bookings' },
          ...at(typeormMore, "new TableExclusion({ name: 'no_overlap', expression: 'USING gist (during WITH &&)' })"),
          suggestions: [],
        },
      ],
    },
    {
      code: knexColumnPk,
      errors: [
        {
          messageId: 'primaryKeyConstraint',
          data: constraintData('events_pkey', 'events', 'id', 'PRIMARY KEY'),
          ...at(knexColumnPk, "t.uuid('id').primary()"),
          suggestions: [
            constraintSuggestion(knexColumnPk, 1, constraintData('events_pkey', 'events', 'id', 'PRIMARY KEY'), 'primary key', moved('events (id)')),
          ],
        },
      ],
    },
    {
      // The table is computed: the message still gives the recipe, with no entry to suggest.
      code: computed,
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: {
            name: 'uniq_email',
            table: '${table}',
            registryPath: 'db/indexes.ts',
            indexSql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uniq_email ON ${table} (email)',
            attachSql: 'ALTER TABLE ${table} ADD CONSTRAINT uniq_email UNIQUE USING INDEX uniq_email',
          },
          ...at(computed, 'ALTER TABLE ${table} ADD CONSTRAINT uniq_email UNIQUE (email)'),
          suggestions: [],
        },
      ],
    },
  ],
});
