// The rule's walk over a .sql migration (the SQL language): each statement as PostgreSQL parsed it.
import { fromStatement } from '../sql/index-creations.ts';
import { plainSqlSource } from '../sql/sql-source.ts';
import type { SqlStatement } from '../language/sql-ast.ts';
import type { SqlSourceCode } from '../language/sql-source-code.ts';
import type { MigrationFindings } from './findings.ts';

export function sqlMigrationListener(sourceCode: SqlSourceCode, findings: MigrationFindings): Record<string, (node: never) => void> {
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
