// Index-building constraints in forms once missed or misreported: Sequelize `addColumn` /
// `changeColumn` with `unique: true` or `primaryKey: true`; UNIQUE / PRIMARY KEY added inside a DO block; a constraint
// on a table that only another database's branch creates (on PostgreSQL the table is not new); and knex `.unique()`
// on a table the same migration creates with raw SQL, which is exempt; and in a file that lists its migrations as objects,
// a table an earlier entry creates is an existing table.
import { Linter } from 'eslint';
import plugin from '../../src/index.ts';

const linter = new Linter({ cwd: '/project' });
const config = [
  {
    files: ['**/*.js'],
    plugins: { 'index-builder': plugin as never },
    rules: { 'index-builder/no-constraint-index-in-migration': 'error' as const, 'index-builder/no-index-in-migration': 'error' as const },
  },
  {
    files: ['**/*.sql'],
    plugins: { 'index-builder': plugin as never },
    language: 'index-builder/sql',
    rules: { 'index-builder/no-constraint-index-in-migration': 'error' as const, 'index-builder/no-index-in-migration': 'error' as const },
  },
];

/** `line messageId` of every report, and every fatal message. */
function lint(code: string, file = 'migrations/20240101000000_x.js'): string[] {
  return linter.verify(code, config as Linter.Config[], `/project/${file}`).map((m) => `${m.line} ${m.messageId ?? m.message}`);
}

describe('Sequelize column options', () => {
  it('reports addColumn and changeColumn with unique: true or primaryKey: true on an existing table', () => {
    const code = `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.addColumn('users', 'handle', { type: Sequelize.STRING, unique: true });
    await queryInterface.changeColumn('users', 'email', { type: Sequelize.STRING, allowNull: false, unique: true });
    await queryInterface.addColumn('users', 'nickname', { type: Sequelize.STRING });
    await queryInterface.changeColumn('users', 'code', { type: Sequelize.STRING, unique: false });
    await queryInterface.addColumn('tokens', 'id', { type: Sequelize.INTEGER, primaryKey: true });
  },
};`;
    expect(lint(code)).toEqual(['3 uniqueConstraint', '4 uniqueConstraint', '7 primaryKeyConstraint']);
  });

  it('names the constraint as Sequelize does and suggests the registry entry', () => {
    const code = `module.exports = { up: (qi, S) => qi.addColumn('users', 'handle', { type: S.STRING, unique: true }) };`;
    const [message] = linter.verify(code, config, '/project/migrations/1.js');
    expect(message?.message).toContain('"users_handle_key"');
    expect(message?.suggestions?.[0]?.desc).toContain("constraint: 'unique'");
  });

  it('does not report a column added to a table the migration creates', () => {
    const code = `module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('users', { id: { type: Sequelize.INTEGER } });
    await queryInterface.addColumn('users', 'handle', { type: Sequelize.STRING, unique: true });
  },
};`;
    expect(lint(code)).toEqual([]);
  });
});

describe('DO blocks', () => {
  const doBlock = `DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'users_email_key') THEN
    ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'tokens_pkey') THEN
    ALTER TABLE tokens ADD PRIMARY KEY (id);
  END IF;
  ALTER TABLE users ADD COLUMN note text;
END
$$;
`;
  it('reports UNIQUE and PRIMARY KEY added inside a DO block in a .sql migration', () => {
    expect(lint(doBlock, 'migrations/20240101000000_x.sql')).toEqual(['4 uniqueConstraint', '7 primaryKeyConstraint']);
  });

  it('and in SQL text of a JavaScript migration', () => {
    const code = `exports.up = (knex) => knex.raw(\`${doBlock}\`);`;
    expect(lint(code)).toEqual(['4 uniqueConstraint', '7 primaryKeyConstraint']);
  });
});

describe('tables another database creates', () => {
  it('reports a constraint on a table that only the SQLite branch creates', () => {
    const code = `exports.up = async (knex) => {
  if (knex.client.config.client === 'sqlite3') {
    await knex.schema.createTable('tags', (t) => { t.string('name'); });
  }
  await knex.raw('ALTER TABLE tags ADD CONSTRAINT tags_name_key UNIQUE (name)');
};`;
    expect(lint(code)).toEqual(['5 uniqueConstraint']);
  });

  it('reports it when the table is created in a class method called only for SQLite', () => {
    const code = `import { DatabaseTypeEnum } from '@gauzy/config';
export class Tags1700000000000 {
  async up(queryRunner) {
    if (queryRunner.connection.options.type === DatabaseTypeEnum.sqlite) await this.sqliteUpQueryRunner(queryRunner);
    await queryRunner.query('ALTER TABLE "tags" ADD CONSTRAINT "tags_name_key" UNIQUE ("name")');
  }
  async sqliteUpQueryRunner(queryRunner) {
    await queryRunner.query('CREATE TABLE "tags" ("name" varchar)');
  }
}`;
    expect(lint(code)).toEqual(['5 uniqueConstraint']);
  });

  it('does not report it when the PostgreSQL path creates the table', () => {
    const code = `exports.up = async (knex) => {
  if (knex.client.config.client !== 'sqlite3') {
    await knex.raw('CREATE TABLE tags (name text)');
  }
  await knex.raw('ALTER TABLE tags ADD CONSTRAINT tags_name_key UNIQUE (name)');
};`;
    expect(lint(code)).toEqual([]);
  });
});

describe('a file that lists its migrations as objects', () => {
  it('reports a constraint on a table that an earlier entry of the list creates', () => {
    const code = `exports.allMigrations = (schema) => [
  { name: '1_tables', pg: [\`create table "\${schema}"."queue" ("id" text, "dedup_id" text)\`] },
  { name: '2_dedup', pg: [\`alter table "\${schema}"."queue" add constraint "queue_dedup_unique" unique ("dedup_id")\`] },
  { name: '3_pkey', pg: [\`alter table "\${schema}"."queue" add constraint "queue_pkey" primary key ("id")\`] },
];`;
    expect(lint(code, 'migrations/index.js')).toEqual(['3 uniqueConstraint', '4 primaryKeyConstraint']);
  });

  it('does not report it when the same entry creates the table', () => {
    const code = `exports.allMigrations = (schema) => [
  { name: '1_schema', pg: [\`create schema "\${schema}"\`] },
  {
    name: '2_queue',
    pg: [
      \`create table "\${schema}"."queue" ("id" text, "dedup_id" text)\`,
      \`alter table "\${schema}"."queue" add constraint "queue_dedup_unique" unique ("dedup_id")\`,
    ],
  },
];`;
    expect(lint(code, 'migrations/index.js')).toEqual([]);
  });

  it('keeps one migration whole when its statements are objects without a name', () => {
    const code = `exports.up = (knex) =>
  [{ sql: 'CREATE TABLE queue (id text, dedup_id text)' }, { sql: 'ALTER TABLE queue ADD CONSTRAINT queue_dedup_unique UNIQUE (dedup_id)' }].map(
    (statement) => knex.raw(statement.sql),
  );`;
    expect(lint(code)).toEqual([]);
  });
});

describe('knex on a table created with raw SQL', () => {
  it('does not report unique() on a table the same migration creates with CREATE TABLE text', () => {
    const code = `const TABLE = 'sessions';
exports.up = async (knex) => {
  await knex.raw(\`CREATE TABLE "\${TABLE}" (id uuid, token text)\`);
  await knex.schema.alterTable(TABLE, (table) => {
    table.unique(['token']);
  });
};`;
    expect(lint(code)).toEqual([]);
  });

  it('still reports unique() on a table that another table name was created for', () => {
    const code = `exports.up = async (knex) => {
  await knex.raw('CREATE TABLE "sessions_archive" (id uuid, token text)');
  await knex.schema.alterTable('sessions', (table) => {
    table.unique(['token']);
  });
};`;
    expect(lint(code)).toEqual(['4 uniqueConstraint']);
  });
});
