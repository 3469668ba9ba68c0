// Dialect dispatch through class methods, as generated multi-database TypeORM migrations write it:
// `switch (queryRunner.connection.options.type) { case DatabaseTypeEnum.sqlite: await this.sqliteUpQueryRunner(qr) }`
// with the enum imported from another package. A method called only from another database's branch runs only
// there; an enum member named for a database (`X.sqlite`, `X.betterSqlite3`, `X.mysql`, `X.mariadb`, `X.mssql`,
// `X.oracle`) is that database, as a string literal is.
import { RuleTester } from 'eslint';
import plugin from '../../../src/index.ts';
import { noConstraintIndexInMigration } from '../../../src/rules/no-constraint-index-in-migration/index.ts';
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { indexReportOnT as index } from '../../support/rule-tester.ts';

const tester = new RuleTester({ plugins: { 'index-builder': plugin as never } });

const dispatch = (extra = '') => `import { DatabaseTypeEnum } from '@gauzy/config';

export class AddIndexes1700000000000 {
  name = 'AddIndexes1700000000000';

  async up(queryRunner) {
    switch (queryRunner.connection.options.type) {
      case DatabaseTypeEnum.sqlite:
      case DatabaseTypeEnum.betterSqlite3:
        await this.sqliteUpQueryRunner(queryRunner);
        break;
      case DatabaseTypeEnum.postgres:
        await this.postgresUpQueryRunner(queryRunner);
        break;
      case DatabaseTypeEnum.mysql:
      case DatabaseTypeEnum.mariadb:
        await this.mysqlUpQueryRunner(queryRunner);
        break;
      default:
        throw Error(\`Unsupported database: \${queryRunner.connection.options.type}\`);
    }
  }

  async postgresUpQueryRunner(queryRunner) {
    await queryRunner.query(\`CREATE INDEX on_pg ON t (a)\`);
  }

  async sqliteUpQueryRunner(queryRunner) {
    await queryRunner.query(\`CREATE INDEX on_sqlite ON t (a)\`);
  }

  async mysqlUpQueryRunner(queryRunner) {
    await queryRunner.query(\`CREATE INDEX on_mysql ON t (a)\`);
  }${extra}
}
`;

const plain = dispatch();
// The SQLite method is also called from down(), where nothing says which database runs it.
const alsoUnguarded = dispatch(`

  async down(queryRunner) {
    await this.sqliteUpQueryRunner(queryRunner);
  }`);
// The MySQL method is handed around as a value: it may run anywhere.
const passedAround = dispatch(`

  async down(queryRunner) {
    const run = this.mysqlUpQueryRunner;
    await run(queryRunner);
  }`);

const ifEnum = `import { DatabaseType } from '../database';
export class X1700000000001 {
  async up(queryRunner) {
    if (queryRunner.connection.options.type === DatabaseType.mssql) await queryRunner.query('CREATE INDEX on_mssql ON t (a)');
    if ([DatabaseType.oracle, DatabaseType.sqlite].includes(queryRunner.connection.options.type)) await queryRunner.query('CREATE INDEX on_oracle ON t (a)');
    await queryRunner.query('CREATE INDEX on_pg ON t (a)');
  }
}
`;

tester.run('no-index-in-migration (dialect dispatch through class methods)', noIndexInMigration as never, {
  valid: [],
  invalid: [
    { code: plain, filename: 'file.js', errors: [index(plain, 'on_pg')] },
    { code: alsoUnguarded, filename: 'file.js', errors: [index(alsoUnguarded, 'on_pg'), index(alsoUnguarded, 'on_sqlite')] },
    { code: passedAround, filename: 'file.js', errors: [index(passedAround, 'on_pg'), index(passedAround, 'on_mysql')] },
    { code: ifEnum, filename: 'file.js', errors: [index(ifEnum, 'on_pg')] },
  ],
});

const constraints = `import { DatabaseTypeEnum } from '@gauzy/config';
export class Unique1700000000002 {
  async up(queryRunner) {
    if (queryRunner.connection.options.type === DatabaseTypeEnum.sqlite) await this.sqliteUp(queryRunner);
  }
  async sqliteUp(queryRunner) {
    await queryRunner.query('ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a)');
  }
}
`;

tester.run('no-constraint-index-in-migration (dialect dispatch through class methods)', noConstraintIndexInMigration as never, {
  valid: [constraints],
  invalid: [],
});
