// no-index-in-migration on .sql migrations, through the plugin's SQL language (`language: 'index-builder/sql'`),
// run by ESLint's core RuleTester. Positions are the statement's own line and column (1-based, as ESLint prints).
import { RuleTester } from 'eslint';
import plugin from '../../../src/index.ts';
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { moveToRegistry } from '../../support/rule-tester.ts';

const tester = new RuleTester({ plugins: { 'index-builder': plugin as never }, language: 'index-builder/sql' });
const rule = noIndexInMigration as never;
const data = (index: string, table: string) => ({ index, table, registryPath: 'db/indexes.ts' });
const suggestion = (code: string, line: number, name: string, sql: string, on: string) =>
  moveToRegistry(code, line, { name, sql, description: `Index on ${on}, moved from migration file.sql` }, { marker: '--' });

const profiles = `-- CREATE INDEX in a comment is not an index.
CREATE TABLE profiles (id uuid PRIMARY KEY, bio text DEFAULT 'CREATE INDEX in a string');

CREATE INDEX profiles_bio_idx
  ON profiles (bio);
`;

const doBlock = `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'profiles_handle_idx') THEN
    CREATE INDEX profiles_handle_idx ON profiles (handle);
  END IF;
END
$$;`;

const twoOnALine = `SELECT 1; CREATE UNIQUE INDEX "Users_email_key" ON "Users" (email);`;
const nonAscii = `INSERT INTO labels VALUES ('café ☕'); CREATE INDEX labels_name_idx ON labels (name);`;

// The core RuleTester registers the rule as `rule-to-test/<name>`: the disable comments below name it so.
tester.run('no-index-in-migration', rule, {
  valid: [
    { code: '-- CREATE INDEX idx ON leads (a)\nSELECT 1;', filename: 'file.sql' },
    { code: "/* CREATE INDEX idx ON leads (a) */ INSERT INTO notes VALUES ('CREATE INDEX x ON y (z)');", filename: 'file.sql' },
    { code: 'CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $body$ CREATE INDEX idx ON leads (a) $body$;', filename: 'file.sql' },
    { code: 'ALTER TABLE leads ADD CONSTRAINT leads_email_key UNIQUE (email);\nDROP INDEX IF EXISTS idx_leads_status;', filename: 'file.sql' },
    { code: 'CREATE TABLE "CREATE INDEX" ("INDEX" int);', filename: 'file.sql' },
    { code: '', filename: 'file.sql' },
    {
      code: '-- eslint-disable-next-line rule-to-test/no-index-in-migration -- empty table\nCREATE INDEX idx ON leads (a);',
      filename: 'file.sql',
    },
    {
      code: '/* eslint-disable rule-to-test/no-index-in-migration */\nCREATE INDEX a ON t (x);\nCREATE INDEX b ON t (y);',
      filename: 'file.sql',
    },
    { code: 'CREATE INDEX idx ON leads (a); -- eslint-disable-line rule-to-test/no-index-in-migration', filename: 'file.sql' },
    { code: 'CREATE TABLE t (x int);\nCREATE INDEX t_x ON t (x);', filename: 'file.sql', options: [{ allowNewTables: true }] },
    { code: 'CREATE UNIQUE INDEX u ON t (x);', filename: 'file.sql', options: [{ allowUnique: true }] },
  ],
  invalid: [
    {
      // CONCURRENTLY does not block writes; the message says what is wrong with it in a migration instead.
      code: 'CREATE INDEX CONCURRENTLY leads_status_idx ON leads (status);',
      filename: 'file.sql',
      errors: [
        {
          messageId: 'concurrentIndexInMigration',
          data: data('leads_status_idx', 'leads'),
          suggestions: [
            suggestion(
              'CREATE INDEX CONCURRENTLY leads_status_idx ON leads (status);',
              1,
              'leads_status_idx',
              'CREATE INDEX CONCURRENTLY IF NOT EXISTS leads_status_idx ON leads (status)',
              'leads (status)',
            ),
          ],
        },
      ],
    },
    {
      code: profiles,
      filename: 'file.sql',
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('profiles_bio_idx', 'profiles'),
          line: 4,
          column: 1,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            suggestion(
              profiles,
              4,
              'profiles_bio_idx',
              'CREATE INDEX CONCURRENTLY IF NOT EXISTS profiles_bio_idx ON profiles (bio)',
              'profiles (bio)',
            ),
          ],
        },
      ],
    },
    {
      code: doBlock,
      filename: 'file.sql',
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('profiles_handle_idx', 'profiles'),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 58,
          suggestions: [
            suggestion(
              doBlock,
              1,
              'profiles_handle_idx',
              'CREATE INDEX CONCURRENTLY IF NOT EXISTS profiles_handle_idx ON profiles (handle)',
              'profiles (handle)',
            ),
          ],
        },
      ],
    },
    {
      code: twoOnALine,
      filename: 'file.sql',
      errors: [
        {
          messageId: 'uniqueIndexInMigration',
          data: data('Users_email_key', 'Users'),
          line: 1,
          column: 11,
          endLine: 1,
          endColumn: 67,
          suggestions: [
            suggestion(
              twoOnALine,
              1,
              'Users_email_key',
              'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Users_email_key" ON "Users" (email)',
              'Users (email)',
            ),
          ],
        },
      ],
    },
    {
      // Non-ASCII text before the statement: columns count characters, not UTF-8 bytes.
      code: nonAscii,
      filename: 'file.sql',
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('labels_name_idx', 'labels'),
          line: 1,
          column: 39,
          endLine: 1,
          endColumn: 84,
          suggestions: [
            suggestion(nonAscii, 1, 'labels_name_idx', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS labels_name_idx ON labels (name)', 'labels (name)'),
          ],
        },
      ],
    },
    {
      code: 'CREATE TABLE t (x int);\nCREATE INDEX t_x ON t (x);\nCREATE INDEX u_x ON u (x);',
      filename: 'file.sql',
      options: [{ allowNewTables: true }],
      errors: [
        {
          messageId: 'indexInMigration',
          data: data('u_x', 'u'),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            suggestion(
              'CREATE TABLE t (x int);\nCREATE INDEX t_x ON t (x);\nCREATE INDEX u_x ON u (x);',
              3,
              'u_x',
              'CREATE INDEX CONCURRENTLY IF NOT EXISTS u_x ON u (x)',
              'u (x)',
            ),
          ],
        },
      ],
    },
  ],
});
