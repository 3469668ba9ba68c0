// Nothing that may create an index is dropped silently: a DO block's statement that cannot be read is
// unverifiable, and a CREATE INDEX right after a hole with no `;` between them is read as its own statement.
import { findSqlFindings } from '../../../src/migration-sql/index-creations.ts';
import type { SqlFinding } from '../../../src/migration-sql/findings.ts';
import { plainSqlSource, sqlFromParts } from '../../../src/migration-sql/sql-source.ts';
import { noIndexInMigration } from '../../../src/rules/no-index-in-migration/index.ts';
import { moveToRegistry, ruleTester } from '../../support/rule-tester.ts';

const afterHole = 'knex.raw(`${dropOld}\nCREATE INDEX idx_a ON t (a)`);';

const spans = (sql: string, findings: SqlFinding[]) => findings.map((f) => `${f.kind}:${sql.slice(f.range[0], f.range[1])}`);

/** `text` with each `${name}` as a hole, as a template literal gives it. */
function templated(text: string) {
  const parts = text.split(/(\$\{\w+\})/).map((piece, i, all) => {
    const start = all.slice(0, i).join('').length;
    return i % 2
      ? { kind: 'hole' as const, label: piece, start, end: start + piece.length }
      : { kind: 'text' as const, text: piece, offsets: [...piece].map((_, k) => start + k), end: start + piece.length };
  });
  return findSqlFindings(sqlFromParts(parts));
}

describe('DO blocks', () => {
  it('calls an EXECUTE of a computed string unverifiable, noting whether it mentions an index', () => {
    const sql = [
      'DO $$ BEGIN',
      "  EXECUTE 'CREATE INDEX idx_' || tbl || ' ON ' || quote_ident(tbl) || ' (a)';",
      '  EXECUTE v_statement;',
      'END $$;',
    ].join('\n');
    const findings = findSqlFindings(plainSqlSource(sql));
    expect(spans(sql, findings)).toEqual([
      "unverifiable:EXECUTE 'CREATE INDEX idx_' || tbl || ' ON ' || quote_ident(tbl) || ' (a)'",
      'unverifiable:EXECUTE v_statement',
    ]);
    expect(findings.map((f) => f.kind === 'unverifiable' && f.mentionsIndex)).toEqual([true, false]);
  });

  it('calls a CREATE INDEX that PostgreSQL cannot parse unverifiable, and still finds the others', () => {
    const sql = 'DO $$ BEGIN\n  CREATE INDEX broken ON t (a) WITH (fillfactor = );\n  CREATE INDEX fine ON t (b);\nEND $$;';
    expect(spans(sql, findSqlFindings(plainSqlSource(sql)))).toEqual([
      'unverifiable:CREATE INDEX broken ON t (a) WITH (fillfactor = )',
      'index:CREATE INDEX fine ON t (b)',
    ]);
  });

  it('keeps an unverifiable statement of a template inside a DO block', () => {
    const text = 'DO $$ BEGIN ${statement}; CREATE INDEX i ON t (a); END $$';
    expect(spans(text, templated(text))).toEqual(['unverifiable:${statement}', 'index:CREATE INDEX i ON t (a)']);
  });
});

describe('holes at statement boundaries', () => {
  it('reads a CREATE INDEX that follows a hole with no semicolon', () => {
    const text = '${createTable}\nCREATE INDEX idx_a ON t (a)';
    expect(spans(text, templated(text))).toEqual(['unverifiable:${createTable}', 'index:CREATE INDEX idx_a ON t (a)']);
  });

  it('ends a statement at its trailing hole when a CREATE follows', () => {
    const text = 'DROP INDEX IF EXISTS ${old}\nCREATE INDEX ${name} ON ${table} (a);\nCREATE UNIQUE INDEX u ON t (b)';
    expect(spans(text, templated(text))).toEqual(['index:CREATE INDEX ${name} ON ${table} (a)', 'index:CREATE UNIQUE INDEX u ON t (b)']);
  });

  it('still calls a statement whose keyword is a hole unverifiable', () => {
    const text = '${create} INDEX idx ON t (a)';
    expect(templated(text)).toMatchObject([{ kind: 'unverifiable', mentionsIndex: true }]);
  });
});

ruleTester.run('no-index-in-migration (no silent skips)', noIndexInMigration, {
  valid: [{ code: 'knex.raw(`DO $$ BEGIN EXECUTE v_sql; END $$`);', options: [{ reportUnverifiable: false }] }],
  invalid: [
    {
      code: afterHole,
      errors: [
        {
          messageId: 'indexInMigration',
          line: 2,
          column: 1,
          suggestions: [
            moveToRegistry(afterHole, 1, {
              name: 'idx_a',
              sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a)',
              description: 'Index on t (a), moved from migration file.ts',
            }),
          ],
        },
      ],
    },
    {
      code: "knex.raw(`DO $$ BEGIN EXECUTE 'CREATE INDEX i_' || t || ' ON ' || t || ' (a)'; END $$`);",
      options: [{ reportUnverifiable: true }],
      errors: [{ messageId: 'unverifiableSql', line: 1, column: 23 }],
    },
  ],
});
