// no-index-in-migration on TypeORM migrations: new TableIndex(...) wherever it stands, index objects of
// new Table({ indices }), createIndex / createIndices given anything else, and queryRunner.query SQL.
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { at, moveToRegistry, ruleTester } from '../../support/rule-tester.ts';

const data = (index: string, table: string) => ({ index, table, registryPath: 'db/indexes.ts' });
const description = (on: string) => `Index on ${on}, moved from migration file.ts`;

const wrap = (body: string) => `export class AddIndexes1700000000001 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
${body}
  }
}`;

const named = wrap(`    await queryRunner.createIndex('posts', new TableIndex({ name: 'IDX_posts_author', columnNames: ['author_id'] }));`);
// TypeORM names an unnamed index IDX_ + sha1('comments_created_at_post_id')[0..26] (sha1sum of that text).
const unnamed = wrap(`    await queryRunner.createIndices('comments', [new TableIndex({ columnNames: ['post_id', 'created_at'] })]);`);
const partial = wrap(
  `    await queryRunner.createIndex('public.users', new TableIndex({ name: 'IDX_users_email', columnNames: ['email'], isUnique: true, where: '"deleted_at" IS NULL' }));`,
);
const opaque = wrap(`    await queryRunner.createIndex('posts', index);`);
const newTable = wrap(
  `    await queryRunner.createTable(new Table({ name: 'tags', columns: [], indices: [{ name: 'IDX_tags_name', columnNames: ['name'] }] }), true);`,
);
const query = wrap('    await queryRunner.query(`CREATE INDEX "IDX_posts_title" ON "posts" ("title")`);');

ruleTester.run('no-index-in-migration (TypeORM)', noIndexInMigration, {
  valid: [
    wrap(`    await queryRunner.createUniqueConstraint('users', new TableUnique({ columnNames: ['email'] }));
    await queryRunner.createForeignKey('posts', new TableForeignKey({ columnNames: ['author_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }));
    await queryRunner.createPrimaryKey('tags', ['id']);
    await queryRunner.dropIndex('posts', 'IDX_posts_author');`),
    { code: newTable, options: [{ allowNewTables: true }] },
  ],
  invalid: [
    {
      code: named,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('IDX_posts_author', 'posts'),
          ...at(named, "new TableIndex({ name: 'IDX_posts_author', columnNames: ['author_id'] })"),
          suggestions: [
            moveToRegistry(named, 3, {
              name: 'IDX_posts_author',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_posts_author" ON posts (author_id)',
              description: description('posts (author_id)'),
            }),
          ],
        },
      ],
    },
    {
      code: unnamed,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('IDX_06a1038b5b8f236c9ddb068af5', 'comments'),
          ...at(unnamed, "new TableIndex({ columnNames: ['post_id', 'created_at'] })"),
          suggestions: [
            moveToRegistry(unnamed, 3, {
              name: 'IDX_06a1038b5b8f236c9ddb068af5',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_06a1038b5b8f236c9ddb068af5" ON comments (post_id, created_at)',
              description: description('comments (post_id, created_at)'),
            }),
          ],
        },
      ],
    },
    {
      code: partial,
      errors: [
        {
          messageId: 'uniqueIndexInMigration',
          data: data('IDX_users_email', 'public.users'),
          ...at(partial, "new TableIndex({ name: 'IDX_users_email', columnNames: ['email'], isUnique: true, where: '\"deleted_at\" IS NULL' })"),
          suggestions: [
            moveToRegistry(partial, 3, {
              name: 'IDX_users_email',
              sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "IDX_users_email" ON public.users (email) WHERE "deleted_at" IS NULL',
              description: description('users (email)'),
            }),
          ],
        },
      ],
    },
    {
      // An index built elsewhere: still created here, name unknown.
      code: opaque,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('(name computed at run time)', 'posts'),
          ...at(opaque, "queryRunner.createIndex('posts', index)"),
          suggestions: [],
        },
      ],
    },
    {
      code: newTable,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('IDX_tags_name', 'tags'),
          ...at(newTable, "{ name: 'IDX_tags_name', columnNames: ['name'] }"),
          suggestions: [
            moveToRegistry(newTable, 3, {
              name: 'IDX_tags_name',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_tags_name" ON tags (name)',
              description: description('tags (name)'),
            }),
          ],
        },
      ],
    },
    {
      code: query,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('IDX_posts_title', 'posts'),
          ...at(query, 'CREATE INDEX "IDX_posts_title" ON "posts" ("title")'),
          suggestions: [
            moveToRegistry(query, 3, {
              name: 'IDX_posts_title',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_posts_title" ON "posts" ("title")',
              description: description('posts (title)'),
            }),
          ],
        },
      ],
    },
  ],
});
