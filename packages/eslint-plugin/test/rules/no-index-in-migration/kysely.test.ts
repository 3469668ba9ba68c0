// no-index-in-migration on Kysely migrations: db.schema.createIndex(...) chains and sql templates.
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { at, moveToRegistry, ruleTester } from '../../support/rule-tester.ts';

const data = (index: string, table: string) => ({ index, table, registryPath: 'db/indexes.ts' });
const description = (on: string) => `Index on ${on}, moved from migration file.ts`;

const wrap = (body: string) => `export async function up(db: Kysely<any>): Promise<void> {
${body}
}`;

const chain = wrap("  await db.schema.createIndex('pet_owner_idx').on('pet').column('owner_id').execute();");
const unique = wrap(
  "  await db.schema.withSchema('zoo').createIndex('pet_tags_idx').unique().on('pet').using('gin').columns(['tags', 'kind']).execute();",
);
const expression = wrap("  await db.schema.createIndex('person_email_lower_idx').on('person').expression(sql`lower(email)`).execute();");
const template = wrap('  await sql`CREATE INDEX pet_name_idx ON pet (name)`.execute(db);');

ruleTester.run('no-index-in-migration (Kysely)', noIndexInMigration, {
  valid: [
    wrap(`  await db.schema
    .createTable('person')
    .addColumn('id', 'serial', (col) => col.primaryKey())
    .addColumn('email', 'varchar', (col) => col.unique())
    .addUniqueConstraint('person_email_key', ['email'])
    .execute();
  await db.schema.dropIndex('pet_owner_idx').execute();`),
    {
      code: wrap(`  await db.schema.createTable('pet').addColumn('owner_id', 'integer').execute();
  await db.schema.createIndex('pet_owner_idx').on('pet').column('owner_id').execute();`),
      options: [{ allowNewTables: true }],
    },
  ],
  invalid: [
    {
      code: chain,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('pet_owner_idx', 'pet'),
          ...at(chain, "db.schema.createIndex('pet_owner_idx').on('pet').column('owner_id').execute()"),
          suggestions: [
            moveToRegistry(chain, 2, {
              name: 'pet_owner_idx',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS pet_owner_idx ON pet (owner_id)',
              description: description('pet (owner_id)'),
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
          data: data('pet_tags_idx', 'zoo.pet'),
          ...at(
            unique,
            "db.schema.withSchema('zoo').createIndex('pet_tags_idx').unique().on('pet').using('gin').columns(['tags', 'kind']).execute()",
          ),
          suggestions: [
            moveToRegistry(unique, 2, {
              name: 'pet_tags_idx',
              sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS pet_tags_idx ON zoo.pet USING gin (tags, kind)',
              description: description('pet (tags, kind)'),
            }),
          ],
        },
      ],
    },
    {
      // An expression index: reported; its SQL is not written statically here, so no entry is offered.
      code: expression,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('person_email_lower_idx', 'person'),
          ...at(expression, "db.schema.createIndex('person_email_lower_idx').on('person').expression(sql`lower(email)`).execute()"),
          suggestions: [],
        },
      ],
    },
    {
      code: template,
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('pet_name_idx', 'pet'),
          ...at(template, 'CREATE INDEX pet_name_idx ON pet (name)'),
          suggestions: [
            moveToRegistry(template, 2, {
              name: 'pet_name_idx',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS pet_name_idx ON pet (name)',
              description: description('pet (name)'),
            }),
          ],
        },
      ],
    },
  ],
});
