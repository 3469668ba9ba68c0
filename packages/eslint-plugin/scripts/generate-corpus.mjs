// Generates a corpus of migration files for benchmarks: a mix of .ts (knex, TypeORM, Kysely), .js (knex,
// node-pg-migrate, Sequelize) and .sql migrations, about one in four creating an index, plus an eslint.config.js
// using the plugin's recommended config. Deterministic: the same count gives the same files.
//   node packages/eslint-plugin/scripts/generate-corpus.mjs --out /tmp/corpus --count 5000
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const PLUGIN_DIST = resolve(fileURLToPath(new URL('../dist/index.js', import.meta.url)));

/** A small seeded PRNG (mulberry32), so the corpus is the same on every run. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TABLES = ['users', 'accounts', 'orders', 'invoices', 'leads', 'events', 'comments', 'posts', 'teams', 'payments'];
const COLUMNS = ['status', 'created_at', 'account_id', 'email', 'kind', 'owner_id', 'updated_at', 'external_id'];

function columnsSql(pick) {
  return COLUMNS.slice(0, 3 + Math.floor(pick() * 5))
    .map((column) => `    ${column} text`)
    .join(',\n');
}

const TEMPLATES = {
  knexJs: (n, table, column, withIndex) => `exports.up = async function up(knex) {
  await knex.schema.alterTable('${table}', (table) => {
    table.string('${column}_${n}');
    table.integer('counter_${n}').defaultTo(0);
    table.timestamp('seen_at_${n}').nullable();${withIndex ? `\n    table.index(['${column}_${n}'], 'idx_${table}_${column}_${n}');` : ''}
  });
  await knex('${table}').update({ counter_${n}: 1 }).where('id', '<', 1000);
  await knex.raw('UPDATE ${table} SET seen_at_${n} = now() WHERE seen_at_${n} IS NULL');
};

exports.down = async function down(knex) {
  await knex.schema.alterTable('${table}', (table) => {
    table.dropColumn('${column}_${n}');
    table.dropColumn('counter_${n}');
    table.dropColumn('seen_at_${n}');
  });
};
`,
  pgmJs: (n, table, column, withIndex) => `/* eslint-disable camelcase */
export const shorthands = undefined;

export const up = (pgm) => {
  pgm.addColumns('${table}', {
    ${column}_${n}: { type: 'text' },
    flag_${n}: { type: 'boolean', notNull: true, default: false },
  });
  pgm.addConstraint('${table}', '${table}_flag_${n}_check', { check: 'flag_${n} IS NOT NULL' });${withIndex ? `\n  pgm.createIndex('${table}', '${column}_${n}');` : ''}
  pgm.sql(\`UPDATE ${table} SET flag_${n} = true WHERE ${column}_${n} IS NOT NULL\`);
};

export const down = (pgm) => {
  pgm.dropColumns('${table}', ['${column}_${n}', 'flag_${n}']);
};
`,
  sequelizeJs: (n, table, column, withIndex) => `'use strict';

module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('${table}', '${column}${n}', { type: Sequelize.STRING, allowNull: true });
    await queryInterface.addColumn('${table}', 'note${n}', { type: Sequelize.TEXT });${withIndex ? `\n    await queryInterface.addIndex('${table}', ['${column}${n}']);` : ''}
    await queryInterface.sequelize.query('UPDATE "${table}" SET "note${n}" = \\'\\' WHERE "note${n}" IS NULL');
  },

  async down(queryInterface) {
    await queryInterface.removeColumn('${table}', '${column}${n}');
    await queryInterface.removeColumn('${table}', 'note${n}');
  },
};
`,
  knexTs: (n, table, column, withIndex) => `import type { Knex } from 'knex';

const TABLE = '${table}';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable(TABLE, (table: Knex.AlterTableBuilder) => {
    table.string('${column}_${n}', 64);
    table.jsonb('payload_${n}').defaultTo('{}');
  });
  await knex.schema.raw(\`
    UPDATE ${table}
       SET payload_${n} = jsonb_build_object('n', ${n})
     WHERE id % 10 = ${n % 10}
  \`);${withIndex ? `\n  await knex.schema.raw('CREATE INDEX idx_${table}_payload_${n} ON ${table} USING gin (payload_${n})');` : ''}
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable(TABLE, (table) => {
    table.dropColumn('${column}_${n}');
    table.dropColumn('payload_${n}');
  });
}
`,
  typeormTs: (n, table, column, withIndex) => `import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';

export class Migration${n}1700000000000 implements MigrationInterface {
  name = 'Migration${n}1700000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('${table}', new TableColumn({ name: '${column}_${n}', type: 'varchar', isNullable: true }));
    await queryRunner.query(\`ALTER TABLE "${table}" ADD "version_${n}" integer NOT NULL DEFAULT 0\`);${withIndex ? `\n    await queryRunner.createIndex('${table}', new TableIndex({ name: 'IDX_${table}_${n}', columnNames: ['${column}_${n}'] }));` : ''}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "${table}" DROP COLUMN "version_${n}"\`);
    await queryRunner.dropColumn('${table}', '${column}_${n}');
  }
}
`,
  kyselyTs: (n, table, column, withIndex) => `import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('${table}')
    .addColumn('${column}_${n}', 'text')
    .addColumn('score_${n}', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await sql\`UPDATE ${table} SET score_${n} = 1 WHERE ${column}_${n} IS NOT NULL\`.execute(db);${withIndex ? `\n  await db.schema.createIndex('${table}_score_${n}_idx').on('${table}').column('score_${n}').execute();` : ''}
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('${table}').dropColumn('score_${n}').dropColumn('${column}_${n}').execute();
}
`,
  sql: (n, table, column, withIndex, pick) => `-- Migration ${n}: ${table}.${column}
CREATE TABLE IF NOT EXISTS ${table}_history_${n} (
    id bigserial PRIMARY KEY,
${columnsSql(pick)}
);

ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column}_${n} text;
ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_${n}_key UNIQUE (${column}_${n});

INSERT INTO ${table}_history_${n} (status) SELECT 'migrated: CREATE INDEX is not run here' FROM ${table} LIMIT 10;

DO $$
BEGIN
  UPDATE ${table} SET ${column}_${n} = 'x' WHERE ${column}_${n} IS NULL;
END
$$;
${withIndex ? `\nCREATE INDEX idx_${table}_${column}_${n} ON ${table} (${column}_${n});\n` : ''}`,
};

const KINDS = [
  ['knexJs', 'js'],
  ['pgmJs', 'js'],
  ['sequelizeJs', 'cjs'],
  ['knexTs', 'ts'],
  ['typeormTs', 'ts'],
  ['kyselyTs', 'ts'],
  ['sql', 'sql'],
  ['sql', 'sql'],
];

/** Writes `count` migrations and an eslint.config.js into `out` (emptied first). Returns how many create an index. */
export async function generateCorpus(out, count) {
  const pick = random(count);
  await rm(out, { recursive: true, force: true });
  const dir = join(out, 'migrations');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(out, 'eslint.config.js'),
    `import indexBuilder from ${JSON.stringify(pathToFileURL(PLUGIN_DIST).href)};\n\nexport default [...indexBuilder.configs.recommended];\n`,
  );
  await writeFile(join(out, 'package.json'), '{ "private": true, "type": "module" }\n');
  let withIndexes = 0;
  for (let n = 0; n < count; n++) {
    const [kind, extension] = KINDS[Math.floor(pick() * KINDS.length)];
    const table = TABLES[Math.floor(pick() * TABLES.length)];
    const column = COLUMNS[Math.floor(pick() * COLUMNS.length)];
    const withIndex = pick() < 0.25;
    if (withIndex) withIndexes++;
    const name = `${String(20240101000000 + n).padStart(14, '0')}_${kind}_${table}.${extension}`;
    await writeFile(join(dir, name), TEMPLATES[kind](n, table, column, withIndex, pick));
  }
  return withIndexes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, count: { type: 'string', default: '5000' } } });
  if (!values.out) throw new Error('usage: generate-corpus.mjs --out DIR [--count N]');
  const withIndexes = await generateCorpus(resolve(values.out), Number(values.count));
  console.log(`wrote ${values.count} migrations (${withIndexes} creating an index) to ${resolve(values.out)}`);
}
