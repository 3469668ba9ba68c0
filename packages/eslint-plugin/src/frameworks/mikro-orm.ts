// MikroORM: its migrations run SQL text (`this.addSql('CREATE INDEX ...')`, read like any other string) or knex
// (`this.getKnex()`, read by the knex module). What it adds is its names for the databases, in dialect branches
// (`this.platform`, `config.get('type')`, `driver: PostgreSqlDriver`).
import type { MigrationFramework } from './shared/framework.ts';

export const mikroOrm: MigrationFramework = {
  name: 'mikro-orm',
  dialects: { postgres: ['postgresql'], others: ['sqlite', 'better-sqlite', 'libsql', 'mysql', 'mariadb', 'mssql'] },
  read: () => ({
    enter() {},
    indexes: () => undefined,
    indexObjects: () => [],
    constraints: () => undefined,
    createdTable: () => undefined,
  }),
};
