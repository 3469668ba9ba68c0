// The rule's walk over a .sql migration (the SQL language): each statement as PostgreSQL parsed it. A template
// that does not parse as a whole is read statement by statement, as SQL in JavaScript is.
import { findSqlFindings, fromStatement } from '../migration-sql/index-creations.ts';
import type { SqlFinding } from '../migration-sql/findings.ts';
import type { SqlScript, SqlStatement } from '../language/sql-ast.ts';
import type { SqlSourceCode } from '../language/sql-source-code.ts';

/** What collects a file's findings: the index rule's MigrationFindings, or the constraint rule's. */
interface FindingsSink {
  addSql(findings: readonly SqlFinding[], anchor: number, inSink: boolean): void;
  flush(marker: '//' | '--'): void;
}

export function sqlMigrationListener(sourceCode: SqlSourceCode, findings: FindingsSink): Record<string, (node: never) => void> {
  const script: SqlScript = sourceCode.ast;
  return {
    SqlScript() {
      if (!script.unparsedTemplate) return;
      for (const finding of templateFindings(script)) findings.addSql([finding], finding.range[0], true);
    },
    SqlStatement(statement: SqlStatement) {
      findings.addSql(statementFindings(script, statement), statement.range[0], true);
    },
    'SqlScript:exit'() {
      findings.flush('--');
    },
  };
}

// Both rules read every statement of a .sql file (one its indexes, the other its constraints): the findings are
// worked out once per statement, for whichever rule comes first. Nothing downstream changes them.
const byNode = new WeakMap<SqlScript | SqlStatement, readonly SqlFinding[]>();

function findingsOnce(node: SqlScript | SqlStatement, find: () => readonly SqlFinding[]): readonly SqlFinding[] {
  let found = byNode.get(node);
  if (!found) byNode.set(node, (found = find()));
  return found;
}

function statementFindings(script: SqlScript, statement: SqlStatement): readonly SqlFinding[] {
  const [start, end] = statement.sqlRange;
  return findingsOnce(statement, () => fromStatement(script.sql, { node: statement.node, start, end }));
}

function templateFindings(script: SqlScript): readonly SqlFinding[] {
  return findingsOnce(script, () => findSqlFindings(script.sql));
}
