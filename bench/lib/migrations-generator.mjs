// Generates realistic migration files for the lint benchmark: TypeScript migrations in the styles of knex, Kysely,
// TypeORM, node-pg-migrate and Sequelize, and plain .sql migrations (Prisma/Supabase/Flyway-like), half and half.
// About one file in ten creates an index (what the rule reports); the rest carry schema and data changes, comments,
// dollar-quoted functions and string literals that merely mention CREATE INDEX (what the rule must not report).
// Deterministic: the same seed writes the same files.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TABLES = ['users', 'orders', 'invoices', 'leads', 'events', 'accounts', 'payments', 'products', 'sessions', 'audit_log', 'subscriptions', 'messages'];
const COLUMNS = ['status', 'created_at', 'updated_at', 'email', 'account_id', 'user_id', 'amount', 'external_id', 'kind', 'deleted_at', 'priority', 'region'];
const TYPES = ['text', 'integer', 'bigint', 'boolean', 'timestamptz', 'numeric(12,2)', 'jsonb', 'uuid'];

function picker(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const columns = (n) => Array.from({ length: n }, (_, i) => `${pick(COLUMNS)}_${i}`);
  return { pick, columns };
}

function sqlMigration(random, i, withIndex) {
  const { pick, columns } = picker(random);
  const table = `${pick(TABLES)}_${i % 97}`;
  const cols = columns(4 + Math.floor(random() * 6));
  const lines = [
    `-- Migration ${i}: ${table}`,
    `-- Generated for the index-builder lint benchmark. CREATE INDEX in a comment is not an index.`,
    `CREATE TABLE IF NOT EXISTS ${table} (`,
    `  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,`,
    ...cols.map((c) => `  ${c} ${pick(TYPES)},`),
    `  created_at timestamptz NOT NULL DEFAULT now()`,
    `);`,
    '',
    `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS note_${i % 13} text;`,
    `COMMENT ON TABLE ${table} IS 'rows of ${table}; see "CREATE INDEX" policy in docs';`,
    '',
    `UPDATE ${table} SET ${cols[0]} = NULL WHERE id IN (SELECT id FROM ${table} WHERE created_at < now() - interval '1 day' LIMIT 1000);`,
    '',
    `CREATE OR REPLACE FUNCTION touch_${table}() RETURNS trigger LANGUAGE plpgsql AS $$`,
    'BEGIN',
    '  NEW.created_at := coalesce(NEW.created_at, now());',
    '  RETURN NEW;',
    'END;',
    '$$;',
  ];
  if (withIndex) {
    const concurrently = random() < 0.5 ? 'CONCURRENTLY ' : '';
    lines.push('', `CREATE INDEX ${concurrently}idx_${table}_${cols[1]} ON ${table} (${cols[1]});`);
  }
  return `${lines.join('\n')}\n`;
}

const TS_STYLES = [
  // knex
  (random, i, table, cols, withIndex) => `import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('${table}', (t) => {
    t.bigIncrements('id').primary();
${cols.map((c) => `    t.string('${c}');`).join('\n')}
    t.timestamps(true, true);
  });
  await knex('${table}').update({ ${cols[0]}: null }).where('id', '<', ${i});
  await knex.raw('COMMENT ON TABLE ${table} IS ?', ['created by migration ${i}']);
${withIndex ? `  await knex.schema.alterTable('${table}', (t) => {\n    t.index(['${cols[1]}'], 'idx_${table}_${cols[1]}');\n  });\n` : ''}}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('${table}');
}
`,
  // Kysely
  (random, i, table, cols, withIndex) => `import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('${table}')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
${cols.map((c) => `    .addColumn('${c}', 'text')`).join('\n')}
    .execute();
  await sql\`UPDATE ${table} SET ${cols[0]} = lower(${cols[0]}) WHERE id < \${${i}}\`.execute(db);
${withIndex ? `  await db.schema.createIndex('idx_${table}_${cols[1]}').on('${table}').column('${cols[1]}').execute();\n` : ''}}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('${table}').execute();
}
`,
  // TypeORM
  (random, i, table, cols, withIndex) => `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Migration${i}${table.replace(/_/g, '')} implements MigrationInterface {
  name = 'Migration${i}';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`CREATE TABLE "${table}" ("id" SERIAL NOT NULL, ${cols.map((c) => `"${c}" character varying`).join(', ')}, CONSTRAINT "PK_${table}" PRIMARY KEY ("id"))\`);
    await queryRunner.query(\`ALTER TABLE "${table}" ADD "note" text\`);
${withIndex ? `    await queryRunner.query(\`CREATE INDEX "IDX_${table}_${cols[1]}" ON "${table}" ("${cols[1]}")\`);\n` : ''}  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`DROP TABLE "${table}"\`);
  }
}
`,
  // node-pg-migrate
  (random, i, table, cols, withIndex) => `import type { MigrationBuilder } from 'node-pg-migrate';

export const shorthands = undefined;

export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.createTable('${table}', {
    id: 'id',
${cols.map((c) => `    ${c}: { type: 'text' },`).join('\n')}
    created_at: { type: 'timestamptz', notNull: true, default: pgm.func('now()') },
  });
  pgm.sql("UPDATE ${table} SET ${cols[0]} = 'x' WHERE id = ${i}");
${withIndex ? `  pgm.createIndex('${table}', '${cols[1]}');\n` : ''}}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.dropTable('${table}');
}
`,
  // Sequelize
  (random, i, table, cols, withIndex) => `import type { QueryInterface, Sequelize } from 'sequelize';

export default {
  async up(queryInterface: QueryInterface, sequelize: typeof Sequelize): Promise<void> {
    await queryInterface.createTable('${table}', {
      id: { type: 'BIGINT', primaryKey: true, autoIncrement: true },
${cols.map((c) => `      ${c}: { type: 'TEXT', allowNull: true },`).join('\n')}
    });
    const note = 'mentions CREATE INDEX in a string, which is not SQL sent to the database';
    console.log(note);
${withIndex ? `    await queryInterface.addIndex('${table}', ['${cols[1]}']);\n` : ''}  },

  async down(queryInterface: QueryInterface): Promise<void> {
    await queryInterface.dropTable('${table}');
  },
};
`,
];

/**
 * Writes `count` migrations into `dir/migrations/` (half .ts, half .sql); returns the file paths and how many were
 * written with an index creation in them.
 */
export async function generateMigrations(dir, count, seed = 6) {
  const random = rng(seed);
  const { pick, columns } = picker(random);
  const folder = join(dir, 'migrations');
  await mkdir(folder, { recursive: true });
  const files = { ts: [], sql: [] };
  let withIndexes = 0;
  for (let i = 0; i < count; i += 1) {
    const withIndex = random() < 0.1;
    if (withIndex) withIndexes += 1;
    const stamp = String(20200101000000 + i * 137).padStart(14, '0');
    const table = `${pick(TABLES)}_${i % 97}`;
    if (i % 2 === 0) {
      const file = join(folder, `${stamp}_migration_${i}.ts`);
      const style = TS_STYLES[(i / 2) % TS_STYLES.length];
      await writeFile(file, style(random, i, table, columns(3 + Math.floor(random() * 5)), withIndex));
      files.ts.push(file);
    } else {
      const file = join(folder, `${stamp}_migration_${i}.sql`);
      await writeFile(file, sqlMigration(random, i, withIndex));
      files.sql.push(file);
    }
  }
  return { folder, files, withIndexes };
}
