// The rule's walk over a .sql migration (the SQL language): each statement as PostgreSQL parsed it. A template
// that does not parse as a whole is read statement by statement, as SQL in JavaScript is.
import { findSqlFindings, fromStatement } from '../sql/index-creations.ts';
import type { SqlScript, SqlStatement } from '../language/sql-ast.ts';
import type { SqlSourceCode } from '../language/sql-source-code.ts';
import type { MigrationFindings } from './findings.ts';

/** What collects a file's findings: the index rule's MigrationFindings, or the constraint rule's. */
export type FindingsSink = Pick<MigrationFindings, 'addSql' | 'flush'>;

export function sqlMigrationListener(sourceCode: SqlSourceCode, findings: FindingsSink): Record<string, (node: never) => void> {
  const script: SqlScript = sourceCode.ast;
  return {
    SqlScript() {
      if (!script.unparsedTemplate) return;
      for (const finding of findSqlFindings(script.sql)) findings.addSql([finding], finding.range[0], true);
    },
    SqlStatement(statement: SqlStatement) {
      const [start, end] = statement.sqlRange;
      findings.addSql(fromStatement(script.sql, { node: statement.node, start, end }), statement.range[0], true);
    },
    'SqlScript:exit'() {
      findings.flush('--');
    },
  };
}
