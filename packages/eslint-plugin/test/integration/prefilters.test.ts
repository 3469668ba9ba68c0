// The cheap tests that spare files and strings PostgreSQL's parser must never hide what the rules find:
// words spelled with escapes or split across `+`, keywords right after a dollar quote, constraints whose table
// creation comes later in the file, and database names the dialect analysis needs.
import { Linter } from 'eslint';
import plugin from '../../src/index.ts';

const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.js'],
    plugins: { 'index-builder': plugin as never },
    rules: { 'index-builder/no-index-in-migration': 'error' as const, 'index-builder/no-constraint-index-in-migration': 'error' as const },
  },
];

// no-index-in-migration skips a file that never says "index" unless a \u, \x, octal escape or line continuation is
// in it (as before the prefilters existed): the strings below that spell it otherwise sit in a file that also says it.
const SAYS_INDEX = '// the index migration\n';

/** `rule: name` for each report in `code`. */
function reported(code: string): string[] {
  return linter
    .verify(code, config, 'migrations/20240101000000_x.js')
    .map((message) => `${message.ruleId?.replace('index-builder/', '')}: ${/"(.*?)"/.exec(message.message)?.[1] ?? message.message}`);
}

describe('prefilters', () => {
  it.each([
    ['a word spelled with a unicode escape', String.raw`knex.raw('CREATE IND\u0045X idx_a ON t (a)');`, ['no-index-in-migration: idx_a']],
    ['a word spelled with an identity escape', SAYS_INDEX + String.raw`knex.raw('CREATE IND\EX idx_a ON t (a)');`, ['no-index-in-migration: idx_a']],
    ['a line continuation inside a word', "knex.raw('CREATE IN\\\nDEX idx_a ON t (a)');", ['no-index-in-migration: idx_a']],
    ['an escaped line break before the keyword', String.raw`knex.raw('SELECT 1;\nCREATE INDEX idx_a ON t (a)');`, ['no-index-in-migration: idx_a']],
    ['a word split across +', SAYS_INDEX + `knex.raw('CREATE IND' + 'EX idx_a ON t (a)');`, ['no-index-in-migration: idx_a']],
    [
      'a keyword right after a dollar quote',
      'knex.raw(`DO $$ BEGIN EXECUTE $q$CREATE INDEX idx_a ON t (a)$q$; END $$`);',
      ['no-index-in-migration: idx_a'],
    ],
    ['words only inside longer names', `log('notification_receivers_createdAt_index'); log('create_index_job');`, []],
    [
      'a constraint word spelled with an escape',
      String.raw`exports.up = (knex) => knex.schema.alterTable('t', (t) => { t.uniq\u0075e(['a']); });`,
      ['no-constraint-index-in-migration: t_a_unique'],
    ],
    [
      'a table created after the constraint on it, in text that cannot add a constraint',
      `knex.raw('ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a)'); knex.raw('CREATE TABLE t (a int)');`,
      [],
    ],
    [
      'a constraint on another table than the one created',
      `knex.raw('ALTER TABLE u ADD CONSTRAINT u_a_key UNIQUE (a)'); knex.raw('CREATE TABLE t (a int)');`,
      ['no-constraint-index-in-migration: u_a_key'],
    ],
    [
      'a database named only through an escape',
      String.raw`if (client === 'sq\u006cite3') knex.raw('CREATE INDEX idx_sqlite ON t (a)'); else knex.raw('CREATE INDEX idx_pg ON t (a)');`,
      ['no-index-in-migration: idx_pg'],
    ],
    ["PostgreSQL's name only: `client !== 'pg'`", `if (client !== 'pg') knex.raw('CREATE INDEX idx_other ON t (a)');`, []],
    ['a flag only: `isPg`', `if (!isPg) knex.raw('CREATE INDEX idx_other ON t (a)');`, []],
  ])('%s', (_, code, expected) => {
    expect(reported(code)).toEqual(expected);
  });
});
