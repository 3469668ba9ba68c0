// valid-registry on the `constraint` key: accepted on a unique index of plain columns, reported at the key otherwise.
import { validRegistry } from '../../../src/rules/valid-registry/index.ts';
import { at, ruleTester } from '../../support/rule-tester.ts';

const filename = 'db/indexes.ts';
const registry = (sql: string, constraint: string) => `import { defineIndexes } from 'index-builder';

export default defineIndexes([
  {
    name: 'users_email_key',
    sql: '${sql}',
    constraint: ${constraint},
    description: 'One account per email',
  },
]);
`;
const partial = registry('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email) WHERE deleted_at IS NULL', "'unique'");
const notUnique = registry('CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email)', "'primary key'");

ruleTester.run('valid-registry (constraint)', validRegistry, {
  valid: [
    { filename, code: registry('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email)', "'unique'") },
    { filename, code: registry('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (id)', "'primary key'") },
  ],
  invalid: [
    {
      filename,
      code: partial,
      errors: [
        {
          messageId: 'invalidEntry',
          data: {
            message:
              "users_email_key: constraint: 'unique' cannot use a partial index (WHERE ...): a UNIQUE constraint covers every row; drop the WHERE clause, or remove the constraint key and keep a plain unique index",
          },
          ...at(partial, "'unique'"),
        },
      ],
    },
    {
      filename,
      code: notUnique,
      errors: [
        {
          messageId: 'invalidEntry',
          data: {
            message:
              "users_email_key: constraint: 'primary key' needs a unique index, but sql is CREATE INDEX; write CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ..., or remove the constraint key and keep a plain unique index",
          },
          ...at(notUnique, "'primary key'"),
        },
      ],
    },
  ],
});
