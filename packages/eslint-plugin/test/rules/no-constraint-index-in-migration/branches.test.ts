// The "table created in the same migration" exemption follows the code's branches: a migration that
// creates the table when it does not exist and alters it otherwise (Coko's migrations) adds its constraint to an
// existing table in the alter branch. Branches for another database add no constraint and create no table.
import { RuleTester } from 'eslint';
import plugin from '../../../src/index.ts';
import { noConstraintIndexInMigration } from '../../../src/rules/no-constraint-index-in-migration/index.ts';
import { constraintData, constraintSuggestion } from '../../support/constraint-report.ts';

const tester = new RuleTester({ plugins: { 'index-builder': plugin as never } });
const rule = noConstraintIndexInMigration as never;

/** The report of `ALTER TABLE teams ADD PRIMARY KEY (id)` on the given line of `code` (1-based), at its exact columns. */
function primaryKey(code: string, line: number) {
  const column = code.split('\n')[line - 1]!.indexOf(ADD_PK) + 1;
  const data = constraintData('teams_pkey', 'teams', 'id', 'PRIMARY KEY');
  return {
    messageId: 'primaryKeyConstraint',
    data,
    line,
    column,
    endLine: line,
    endColumn: column + ADD_PK.length,
    suggestions: [constraintSuggestion(code, line, data, 'primary key', 'Index on teams (id), moved from migration file.js')],
  };
}

const ADD_PK = 'ALTER TABLE teams ADD PRIMARY KEY (id)';

const createElseAlter = `exports.up = async (knex) => {
  if (!(await knex.schema.hasTable('teams'))) {
    await knex.schema.createTable('teams', (t) => { t.uuid('id'); });
    await knex.raw('${ADD_PK}');
  } else {
    await knex.raw('${ADD_PK}');
  }
};`;

const createThenReturn = `exports.up = async (knex) => {
  try {
    const exists = await knex.schema.hasTable('teams');
    if (!exists) {
      await knex.schema.createTable('teams', (t) => { t.uuid('id'); });
      return true;
    }
    await knex.raw('${ADD_PK}');
  } catch (e) { throw e; }
};`;

const ternary = `exports.up = async (knex, exists) => {
  await (exists ? knex.raw('${ADD_PK}') : knex.schema.createTable('teams', (t) => { t.uuid('id').primary(); }));
};`;

const sqliteRecreates = `exports.up = async (knex) => {
  if (knex.client.config.client.includes('sqlite3')) {
    await knex.schema.createTable('teams', (t) => { t.uuid('id'); });
    await knex.raw('ALTER TABLE teams ADD CONSTRAINT teams_sqlite_only UNIQUE (id)');
  } else {
    await knex.raw('${ADD_PK}');
  }
};`;

tester.run('no-constraint-index-in-migration', rule, {
  valid: [
    {
      // Created, then constrained, on the same path: exempt.
      code: `exports.up = async (knex) => {
  await knex.schema.createTable('teams', (t) => { t.uuid('id'); });
  if (withKey) await knex.raw('${ADD_PK}');
};`,
      filename: 'file.js',
    },
    {
      // A branch that leaves after the creation, and the constraint before it: still the same path.
      code: `exports.up = async (knex) => {
  await knex.schema.createTable('teams', (t) => { t.uuid('id'); });
  await knex.raw('${ADD_PK}');
  if (done) { return; }
};`,
      filename: 'file.js',
    },
  ],
  invalid: [
    { code: createElseAlter, filename: 'file.js', errors: [primaryKey(createElseAlter, 6)] },
    { code: createThenReturn, filename: 'file.js', errors: [primaryKey(createThenReturn, 8)] },
    { code: ternary, filename: 'file.js', errors: [primaryKey(ternary, 2)] },
    { code: sqliteRecreates, filename: 'file.js', errors: [primaryKey(sqliteRecreates, 6)] },
  ],
});
