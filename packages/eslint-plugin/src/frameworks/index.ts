// The migration libraries the rules read, one module each. A call is shown to each library in this order and the
// first that recognises it answers, so order matters where libraries share a method name: Kysely's and TypeORM's
// createIndex come before node-pg-migrate's, Sequelize's addIndex, addConstraint and createTable before
// node-pg-migrate's.
import { databaseNames } from '../js/dialect.ts';
import { knex } from './knex.ts';
import { kysely } from './kysely.ts';
import { mikroOrm } from './mikro-orm.ts';
import { nodePgMigrate } from './node-pg-migrate.ts';
import { sequelize } from './sequelize.ts';
import type { MigrationFramework } from './shared/framework.ts';
import { typeorm } from './typeorm.ts';

export const FRAMEWORKS: readonly MigrationFramework[] = [knex, kysely, typeorm, sequelize, nodePgMigrate, mikroOrm];

/** Every library's names for PostgreSQL and the other databases, for the dialect guards. */
export const DATABASE_NAMES = databaseNames(FRAMEWORKS.map((framework) => framework.dialects));
