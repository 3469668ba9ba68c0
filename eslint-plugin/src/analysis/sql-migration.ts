// The rule's walk over a .sql migration (the SQL language): each statement as PostgreSQL parsed it.
import { fromStatement } from '../../../src/sql/index-creations.ts';
import { plainSqlSource } from '../../../src/sql/sql-source.ts';
import type { SqlStatement } from '../language/sql-ast.ts';
import type { SqlSourceCode } from '../language/sql-source-code.ts';
import type { MigrationFindings } from './findings.ts';

/** What collects a file's findings: the index rule's MigrationFindings, or the constraint rule's. */
export type FindingsSink = Pick<MigrationFindings, 'addSql' | 'flush'>;

export function sqlMigrationListener(sourceCode: SqlSourceCode, findings: FindingsSink): Record<string, (node: never) => void> {
  const source = plainSqlSource(sourceCode.text);
  return {
    SqlStatement(statement: SqlStatement) {
      const [start, end] = statement.range;
      findings.addSql(fromStatement(source, { node: statement.node, start, end }), start, true);
    },
    'SqlScript:exit'() {
      findings.flush('--');
    },
  };
}
