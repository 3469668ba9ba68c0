// no-index-in-migration on SQL written as JavaScript text: string literals, template literals (static chunks,
// `${}` holes opaque), concatenation, tagged templates. Comments, quoted identifiers, string literals and
// dollar-quoted bodies never cause a report; DO blocks do.
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { moveToRegistry, ruleTester } from '../../support/rule-tester.ts';

const leadsEntry = {
  name: 'idx_leads_status',
  sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_status ON leads (status)',
  description: 'Index on leads (status), moved from migration file.ts',
};

const message = (index: string, table: string) => ({ index, table, registryPath: 'db/indexes.ts' });

/** The suggestion for an index read from SQL on line 1 of `code` (or the statement holding it). */
const sqlSuggestion = (code: string, name: string, sql: string, on: string) =>
  moveToRegistry(code, 1, { name, sql, description: `Index on ${on}, moved from migration file.ts` });

const doBlock = [
  'pgm.sql(`DO $$',
  'BEGIN',
  '  CREATE INDEX idx_a ON leads (a);',
  "  EXECUTE 'CREATE INDEX idx_b ON leads (b)';",
  "  EXECUTE format('CREATE INDEX %I ON %I (c)', 'idx_c', 'leads');",
  'END $$`);',
].join('\n');
const newTables = `knex.raw('CREATE TABLE a (x int); CREATE INDEX a_x ON a (x); CREATE INDEX b_x ON b (x)');`;
const uniqueAllowed = `knex.raw('CREATE UNIQUE INDEX u ON a (x); CREATE INDEX i ON a (y)');`;

ruleTester.run('no-index-in-migration (SQL text)', noIndexInMigration, {
  valid: [
    `const a = 'CREATE TABLE leads (id int)';`,
    `knex.raw('-- CREATE INDEX idx ON leads (a)\\nSELECT 1');`,
    `knex.raw('/* CREATE INDEX idx ON leads (a) */ SELECT 1');`,
    `knex.raw(\`SELECT 'CREATE INDEX idx ON leads (a)' AS "CREATE INDEX x ON y (z)"\`);`,
    `knex.raw('CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ CREATE INDEX idx ON leads (a) $$');`,
    `knex.raw('ALTER TABLE leads ADD CONSTRAINT leads_email_key UNIQUE (email)');`,
    `knex.raw('ALTER TABLE leads ADD PRIMARY KEY (id), ADD FOREIGN KEY (team_id) REFERENCES teams (id)');`,
    `knex.raw('DROP INDEX CONCURRENTLY IF EXISTS idx_leads_status');`,
    `log('Create index on leads when the table is large');`,
    `import index from './index.js';`,
    `knex.raw(statement);`,
    { code: `knex.raw(\`\${verb} INDEX idx ON leads (a)\`);`, options: [{ reportUnverifiable: false }] },
    { code: `knex.raw('CREATE UNIQUE INDEX idx ON leads (a)');`, options: [{ allowUnique: true }] },
    {
      code: `knex.raw('CREATE TABLE leads (id int, status text); CREATE INDEX idx_leads_status ON leads (status)');`,
      options: [{ allowNewTables: true }],
    },
    {
      code: `const sql = 'CREATE INDEX idx ON leads (a)';`,
      filename: 'db/indexes.ts',
    },
  ],
  invalid: [
    {
      code: `await knex.raw('CREATE INDEX idx_leads_status ON leads (status)');`,
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('idx_leads_status', 'leads'),
          line: 1,
          column: 17,
          endLine: 1,
          endColumn: 64,
          suggestions: [moveToRegistry(`await knex.raw('CREATE INDEX idx_leads_status ON leads (status)');`, 1, leadsEntry)],
        },
      ],
    },
    {
      // A multi-line template: the report starts at CREATE, on the template's third line, past the comment.
      code: [
        'async function up(knex) {',
        '  await knex.raw(`',
        '    -- CREATE INDEX not_this ON leads (x)',
        '    CREATE INDEX idx_leads_status',
        '      ON leads (status)`);',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('idx_leads_status', 'leads'),
          line: 4,
          column: 5,
          endLine: 5,
          endColumn: 24,
          suggestions: [
            moveToRegistry(
              [
                'async function up(knex) {',
                '  await knex.raw(`',
                '    -- CREATE INDEX not_this ON leads (x)',
                '    CREATE INDEX idx_leads_status',
                '      ON leads (status)`);',
                '}',
              ].join('\n'),
              2,
              leadsEntry,
            ),
          ],
        },
      ],
    },
    {
      // Escapes in the source: positions still point at the statement as written.
      code: `db.query("SELECT '\\u00e9';\\n CREATE INDEX \\"Idx\\" ON leads (status)");`,
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('Idx', 'leads'),
          line: 1,
          column: 30,
          endLine: 1,
          endColumn: 68,
          suggestions: [
            moveToRegistry(`db.query("SELECT '\\u00e9';\\n CREATE INDEX \\"Idx\\" ON leads (status)");`, 1, {
              name: 'Idx',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS "Idx" ON leads (status)',
              description: 'Index on leads (status), moved from migration file.ts',
            }),
          ],
        },
      ],
    },
    {
      code: `pgm.sql('CREATE INDEX a ON t (x); CREATE UNIQUE INDEX b ON t (y)');`,
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('a', 't'),
          line: 1,
          column: 10,
          endLine: 1,
          endColumn: 33,
          suggestions: [
            sqlSuggestion(
              `pgm.sql('CREATE INDEX a ON t (x); CREATE UNIQUE INDEX b ON t (y)');`,
              'a',
              'CREATE INDEX CONCURRENTLY IF NOT EXISTS a ON t (x)',
              't (x)',
            ),
          ],
        },
        {
          messageId: 'uniqueIndexInMigration',
          data: message('b', 't'),
          line: 1,
          column: 35,
          endLine: 1,
          endColumn: 65,
          suggestions: [
            sqlSuggestion(
              `pgm.sql('CREATE INDEX a ON t (x); CREATE UNIQUE INDEX b ON t (y)');`,
              'b',
              'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS b ON t (y)',
              't (y)',
            ),
          ],
        },
      ],
    },
    {
      // Concatenation: the statement spans three literals; holes become part of the name.
      code: `client.query('CREATE INDEX idx_' + table + ' ON ' + table + ' (created_at)');`,
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('idx_${table}', '${table}'),
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 75,
          suggestions: [],
        },
      ],
    },
    {
      code: 'client.query(`CREATE INDEX idx_events_${column} ON events (${column})`);',
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('idx_events_${column}', 'events'),
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 70,
          suggestions: [],
        },
      ],
    },
    {
      // A hole where a keyword stands: read by tokens.
      code: 'knex.raw(`CREATE ${unique} INDEX ${name} ON leads (status)`);',
      errors: [{ messageId: 'indexInMigration', data: message('${name}', 'leads'), line: 1, column: 11, endLine: 1, endColumn: 59, suggestions: [] }],
    },
    {
      // An unnamed index gets PostgreSQL's default name.
      code: 'const up = sql`create index on leads (status)`;',
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('leads_status_idx', 'leads'),
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 46,
          suggestions: [
            moveToRegistry('const up = sql`create index on leads (status)`;', 1, {
              name: 'leads_status_idx',
              sql: 'create index CONCURRENTLY IF NOT EXISTS leads_status_idx on leads (status)',
              description: 'Index on leads (status), moved from migration file.ts',
            }),
          ],
        },
      ],
    },
    {
      // knex bindings: `??` and `?` are holes; a static identifier binding names the index in the message.
      code: `knex.raw('CREATE INDEX ?? ON leads (status) WHERE kind = ?', ['idx_leads_kind', 'a']);`,
      errors: [
        { messageId: 'indexInMigration', data: message('idx_leads_kind', 'leads'), line: 1, column: 11, endLine: 1, endColumn: 59, suggestions: [] },
      ],
    },
    {
      // A binding that is not static stays `??`; the bindings count positionally, `?` and `??` alike.
      code: `knex.raw('CREATE INDEX ?? ON ?? (status) WHERE kind = ?', [name, 'leads', 'a']);`,
      errors: [{ messageId: 'indexInMigration', data: message('??', 'leads'), line: 1, column: 11, endLine: 1, endColumn: 56, suggestions: [] }],
    },
    {
      code: `const INDEX = 'leads_kind_idx';\nknex.raw('SELECT ?; CREATE INDEX ?? ON leads (kind)', [1, INDEX]);`,
      errors: [
        { messageId: 'indexInMigration', data: message('leads_kind_idx', 'leads'), line: 2, column: 21, endLine: 2, endColumn: 52, suggestions: [] },
      ],
    },
    {
      // DO blocks run when the migration runs: CREATE INDEX and EXECUTE of literal SQL inside them count.
      code: doBlock,
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('idx_a', 'leads'),
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 34,
          suggestions: [sqlSuggestion(doBlock, 'idx_a', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON leads (a)', 'leads (a)')],
        },
        {
          messageId: 'indexInMigration',
          data: message('idx_b', 'leads'),
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 43,
          suggestions: [sqlSuggestion(doBlock, 'idx_b', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_b ON leads (b)', 'leads (b)')],
        },
        { messageId: 'indexInMigration', data: message('%I', '%I'), line: 5, column: 19, endLine: 5, endColumn: 44, suggestions: [] },
      ],
    },
    {
      code: `const statement = "CREATE INDEX idx_leads_status ON leads (status)";`,
      options: [{ registryPath: 'database/indexes.ts' }],
      errors: [
        {
          messageId: 'indexInMigration',
          data: { index: 'idx_leads_status', table: 'leads', registryPath: 'database/indexes.ts' },
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 67,
          suggestions: [
            moveToRegistry(`const statement = "CREATE INDEX idx_leads_status ON leads (status)";`, 1, leadsEntry, {
              registryPath: 'database/indexes.ts',
            }),
          ],
        },
      ],
    },
    {
      // allowNewTables: only the table this migration creates is exempt.
      code: newTables,
      options: [{ allowNewTables: true }],
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('b_x', 'b'),
          line: 1,
          column: 62,
          endLine: 1,
          endColumn: 87,
          suggestions: [sqlSuggestion(newTables, 'b_x', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS b_x ON b (x)', 'b (x)')],
        },
      ],
    },
    {
      code: uniqueAllowed,
      options: [{ allowUnique: true }],
      errors: [
        {
          messageId: 'indexInMigration',
          data: message('i', 'a'),
          line: 1,
          column: 43,
          endLine: 1,
          endColumn: 66,
          suggestions: [sqlSuggestion(uniqueAllowed, 'i', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON a (y)', 'a (y)')],
        },
      ],
    },
    {
      // reportUnverifiable: a computed statement in a call that runs SQL.
      code: ['knex.raw(statement);', 'knex.raw(`${verb} INDEX idx ON leads (a)`);', 'const fixed = `${a} ${b}`;'].join('\n'),
      options: [{ reportUnverifiable: true }],
      errors: [
        { messageId: 'unverifiableSql', data: { registryPath: 'db/indexes.ts' }, line: 1, column: 10, endLine: 1, endColumn: 19 },
        { messageId: 'unverifiableSql', data: { registryPath: 'db/indexes.ts' }, line: 2, column: 11, endLine: 2, endColumn: 41 },
      ],
    },
  ],
});
