// .sql migrations with pg-promise placeholders (`${schema~}`, `${name:raw}`) and psql variables (`:schema`,
// `:'value'`, `:"name"`) and meta-commands: they parse, and their indexes are reported at their own lines.
import { RuleTester } from 'eslint';
import { psqlSpans } from '../../../src/migration-sql/psql-variables.ts';
import plugin from '../../../src/index.ts';
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';

const tester = new RuleTester({ plugins: { 'index-builder': plugin as never }, language: 'index-builder/sql' });
const rule = noIndexInMigration as never;
const data = (index: string, table: string) => ({ index, table, registryPath: 'db/indexes.ts' });

const pgPromise = `CREATE TABLE IF NOT EXISTS \${schema~}.wallets (address text, vote text);
CREATE UNIQUE INDEX IF NOT EXISTS "wallets_votes_unique" ON \${schema~}.wallets ("address", "vote");
CREATE INDEX \${name:raw} ON \${schema^}.wallets (\${column:name});
`;

const psql = `\\set ON_ERROR_STOP on
create table :SCHEMA.jobs (id bigint, queue text, tags text[], run_at timestamptz);
comment on table :SCHEMA.jobs is :'description';
create index on :SCHEMA.jobs (run_at);
create function :"SCHEMA".f() returns int as $$ begin x := 1; return ':not_a_var'; end $$ language plpgsql;
select tags[1:2], run_at::date from :SCHEMA.jobs where queue = 'a:b'; -- :comment
create index jobs_queue_idx on :"SCHEMA".jobs (queue);
`;

tester.run('no-index-in-migration', rule, {
  valid: [{ code: '\\connect app\nselect a[lo:hi] from t;\n', filename: 'file.sql' }],
  invalid: [
    {
      code: pgPromise,
      filename: 'file.sql',
      errors: [
        {
          messageId: 'uniqueIndexInMigration',
          data: data('wallets_votes_unique', '${schema~}.wallets'),
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 99,
        },
        { messageId: 'indexInMigration', data: data('${name:raw}', '${schema^}.wallets'), line: 3, column: 1, endLine: 3, endColumn: 64 },
      ],
    },
    {
      code: psql,
      filename: 'file.sql',
      errors: [
        { messageId: 'indexInMigration', line: 4, column: 1, endLine: 4, endColumn: 38 },
        { messageId: 'indexInMigration', data: data('jobs_queue_idx', ':"SCHEMA".jobs'), line: 7, column: 1, endLine: 7, endColumn: 54 },
      ],
    },
  ],
});

describe('psqlSpans', () => {
  it('finds variables and meta-commands, not casts, :=, slices, strings, comments or dollar quotes', () => {
    expect(psqlSpans(psql).map((span) => [span.kind, span.label])).toEqual([
      ['blank', '\\set ON_ERROR_STOP on'],
      ['identifier', ':SCHEMA'],
      ['identifier', ':SCHEMA'],
      ['literal', ":'description'"],
      ['identifier', ':SCHEMA'],
      ['identifier', ':"SCHEMA"'],
      ['identifier', ':SCHEMA'],
      ['identifier', ':"SCHEMA"'],
    ]);
  });

  it('is empty for plain SQL', () => {
    expect(psqlSpans("select a::int, b[1:2], 'x:y' from t; -- :c")).toEqual([]);
  });

  it('finds the variable after a cast written against it (a:::name is a, ::, :name)', () => {
    expect(psqlSpans('select a:::name, b::text from t;').map((span) => span.label)).toEqual([':name']);
  });
});
