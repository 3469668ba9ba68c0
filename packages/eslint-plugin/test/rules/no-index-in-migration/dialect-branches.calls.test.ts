// Dialect branches in the forms the real-world corpus showed: knex's client tested with
// `client.includes('pg')` and an else-if chain, a local `isPg(knex)` predicate, functions of the file only called
// from another database's branch, and values named for another database (Saltcorn's `sql_sqlite`).
import { RuleTester } from 'eslint';
import plugin from '../../../src/index.ts';
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { indexReportOnT as index } from '../../support/rule-tester.ts';

const tester = new RuleTester({ plugins: { 'index-builder': plugin as never } });
const rule = noIndexInMigration as never;

const elseIfChain = `exports.up = async function up(knex) {
  const client = knex.client.config.client;
  if (client.includes('pg')) {
    await knex.raw('CREATE INDEX on_pg ON t (a)');
  } else if (client.includes('mysql')) {
    await knex.raw('CREATE INDEX on_mysql ON t (a)');
  } else {
    await knex.raw('CREATE INDEX on_sqlite ON t (a)');
  }
};`;

const inlineClient = `exports.up = async (knex) => {
  if (knex.client.config.client.includes('sqlite3')) await knex.raw('CREATE INDEX on_sqlite ON t (a)');
  else await knex.raw('CREATE INDEX on_pg ON t (a)');
};`;

const predicate = `const isPg = knex => knex.client.config.client === 'pg';
function isSqlite(knex) { return knex.client.config.client.startsWith('sqlite'); }
exports.up = async (knex) => {
  if (isPg(knex)) await knex.raw('CREATE INDEX on_pg ON t (a)');
  else await knex.raw('CREATE INDEX not_pg ON t (a)');
  if (!isSqlite(knex)) await knex.raw('CREATE INDEX not_sqlite ON t (a)');
};`;

const calledFunctions = `exports.up = async function up(knex) {
  const client = knex.client.config.client;
  if (client.includes('pg')) await upPostgres(knex);
  else if (client.includes('mysql')) await upMysql(knex);
  else await upSqlite(knex);
};
async function upPostgres(knex) { await knex.raw('CREATE INDEX in_up_postgres ON t (a)'); }
async function upMysql(knex) { await dropMysqlIndex(knex); await knex.raw('CREATE INDEX in_up_mysql ON t (a)'); }
async function dropMysqlIndex(knex) { await knex.raw('CREATE INDEX in_mysql_helper ON t (a)'); }
const upSqlite = async (knex) => { await knex.raw('CREATE INDEX in_up_sqlite ON t (a)'); };
async function shared(knex) { await knex.raw('CREATE INDEX in_shared ON t (a)'); }
async function exported(knex) { await knex.raw('CREATE INDEX in_exported ON t (a)'); }
exports.down = async (knex) => { if (knex.client.config.client === 'mysql') await exported(knex); else await shared(knex); await shared(knex); };
exports.other = exported;`;

const namedForSqlite = `const sql_pg = 'CREATE INDEX on_pg ON t (a);';
const sql_sqlite = 'CREATE INDEX on_sqlite ON t (a);';
const statements = { mysqlStatements: 'CREATE INDEX on_mysql ON t (a)', postgres: 'CREATE INDEX also_pg ON t (a)' };
exports.sqlite = 'CREATE INDEX exported_sqlite ON t (a)';
module.exports = { sql_pg, sql_sqlite, statements };`;

tester.run('no-index-in-migration', rule, {
  valid: [],
  invalid: [
    { code: elseIfChain, filename: 'file.js', errors: [index(elseIfChain, 'on_pg')] },
    { code: inlineClient, filename: 'file.js', errors: [index(inlineClient, 'on_pg', 1)] },
    { code: predicate, filename: 'file.js', errors: [index(predicate, 'on_pg'), index(predicate, 'not_sqlite')] },
    {
      code: calledFunctions,
      filename: 'file.js',
      errors: [index(calledFunctions, 'in_up_postgres'), index(calledFunctions, 'in_shared'), index(calledFunctions, 'in_exported')],
    },
    { code: namedForSqlite, filename: 'file.js', errors: [index(namedForSqlite, 'on_pg'), index(namedForSqlite, 'also_pg')] },
  ],
});
