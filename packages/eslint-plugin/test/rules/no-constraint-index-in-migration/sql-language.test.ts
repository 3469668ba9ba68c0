// no-constraint-index-in-migration on .sql migrations, through the plugin's SQL language.
import { RuleTester } from 'eslint';
import plugin from '../../../src/index.ts';
import { noConstraintIndexInMigration } from '../../../src/rules/no-constraint-index-in-migration/index.ts';
import { at, constraintData, constraintSuggestion } from '../../support/constraint-report.ts';

const tester = new RuleTester({ plugins: { 'index-builder': plugin as never }, language: 'index-builder/sql' });
const moved = (on: string) => `Index on ${on}, moved from migration file.sql`;

const addUnique = `-- Emails are unique per organisation.
SELECT 1;
ALTER TABLE billing.accounts
  ADD CONSTRAINT accounts_email_key UNIQUE (org_id, email);
`;
const addColumn = `ALTER TABLE users ADD COLUMN code text UNIQUE, ADD PRIMARY KEY (id);`;
const exclude = `ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);`;
const statement = (code: string) =>
  code
    .trim()
    .replace(/^--.*\n/, '')
    .replace(/^SELECT 1;\n/, '');

tester.run('no-constraint-index-in-migration', noConstraintIndexInMigration as never, {
  valid: [
    { code: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;', filename: 'file.sql' },
    { code: 'ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey;', filename: 'file.sql' },
    {
      code: 'CREATE TABLE users (id int, email text);\nALTER TABLE users ADD UNIQUE (email);\nALTER TABLE users ADD PRIMARY KEY (id);',
      filename: 'file.sql',
    },
    { code: "-- ALTER TABLE users ADD UNIQUE (email)\nSELECT 'ALTER TABLE users ADD UNIQUE (email)';", filename: 'file.sql' },
    { code: 'ALTER TABLE users ADD CONSTRAINT c CHECK (n > 0) NOT VALID;', filename: 'file.sql' },
  ],
  invalid: [
    {
      code: addUnique,
      filename: 'file.sql',
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('accounts_email_key', 'billing.accounts', 'org_id, email'),
          ...at(addUnique, statement(addUnique).replace(/;$/, '')),
          suggestions: [
            constraintSuggestion(
              addUnique,
              3,
              constraintData('accounts_email_key', 'billing.accounts', 'org_id, email'),
              'unique',
              moved('accounts (org_id, email)'),
              '--',
            ),
          ],
        },
      ],
    },
    {
      code: addColumn,
      filename: 'file.sql',
      errors: [
        {
          messageId: 'uniqueConstraint',
          data: constraintData('users_code_key', 'users', 'code'),
          ...at(addColumn, addColumn.slice(0, -1)),
          suggestions: [constraintSuggestion(addColumn, 1, constraintData('users_code_key', 'users', 'code'), 'unique', moved('users (code)'), '--')],
        },
        {
          messageId: 'primaryKeyConstraint',
          data: constraintData('users_pkey', 'users', 'id', 'PRIMARY KEY'),
          ...at(addColumn, addColumn.slice(0, -1)),
          suggestions: [
            constraintSuggestion(addColumn, 1, constraintData('users_pkey', 'users', 'id', 'PRIMARY KEY'), 'primary key', moved('users (id)'), '--'),
          ],
        },
      ],
    },
    {
      code: exclude,
      filename: 'file.sql',
      errors: [
        { messageId: 'exclusionConstraint', data: { name: 'no_overlap', table: 'bookings' }, ...at(exclude, exclude.slice(0, -1)), suggestions: [] },
      ],
    },
  ],
});
