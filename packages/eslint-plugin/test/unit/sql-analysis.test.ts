// The SQL analysis shared by the rules (src/migration-sql/): what a piece of SQL creates, where, and how its registry form
// is written. Positions are string offsets into the analysed text.
import { findSqlFindings } from '../../src/migration-sql/index-creations.ts';
import type { SqlFinding } from '../../src/migration-sql/findings.ts';
import { byteToCharOffsets, missingKeywordsInsertion, oneLine, quoteIdentifier, renderIndexSql, safeIndexSql } from '@index-builder/sql-core';
import { plainSqlSource, sqlFromParts, withHoles } from '../../src/migration-sql/sql-source.ts';
import { parseStatements } from '../../src/migration-sql/statements.ts';

const find = (sql: string) => findSqlFindings(plainSqlSource(sql));
const spans = (sql: string, findings: SqlFinding[]) => findings.map((f) => `${f.kind}:${sql.slice(f.range[0], f.range[1])}`);

describe('findSqlFindings', () => {
  it('finds CREATE INDEX statements, with names, tables and the statement text', () => {
    const sql = 'SELECT 1; CREATE UNIQUE INDEX IF NOT EXISTS "Idx" ON s.t USING gin (a, lower(b)) WHERE x = \'a;b\';';
    expect(find(sql)).toEqual([
      {
        kind: 'index',
        range: [10, 96],
        name: 'Idx',
        defaultName: undefined,
        tableName: 't',
        tableSchema: 's',
        unique: true,
        concurrent: false,
        columns: ['a', 'lower'],
        statement: 'CREATE UNIQUE INDEX IF NOT EXISTS "Idx" ON s.t USING gin (a, lower(b)) WHERE x = \'a;b\'',
      },
    ]);
  });

  it('names an unnamed index as PostgreSQL does', () => {
    expect(find('create index on leads (status, created_at)')[0]).toMatchObject({ name: undefined, defaultName: 'leads_status_created_at_idx' });
  });

  it('ignores comments, strings, quoted identifiers, function bodies and DROP INDEX; constraints are their own kind', () => {
    const sql = [
      '-- CREATE INDEX a ON t (x)',
      '/* CREATE INDEX b ON t (x) */',
      'SELECT \'CREATE INDEX c ON t (x)\', "CREATE INDEX d ON t (x)";',
      'CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ CREATE INDEX e ON t (x) $$;',
      'ALTER TABLE t ADD CONSTRAINT t_x_key UNIQUE (x), ADD PRIMARY KEY (id);',
      'DROP INDEX CONCURRENTLY IF EXISTS f;',
    ].join('\n');
    expect(find(sql).filter((finding) => finding.kind !== 'constraint')).toEqual([]);
    expect(find(sql).map((finding) => finding.kind === 'constraint' && [finding.type, finding.name, finding.columns])).toEqual([
      ['unique', 't_x_key', ['x']],
      ['primary key', 't_pkey', ['id']],
    ]);
  });

  it('finds CREATE INDEX in DO blocks, in EXECUTE strings and in EXECUTE format()', () => {
    const sql = [
      'DO LANGUAGE plpgsql $body$',
      'BEGIN',
      '  CREATE INDEX a ON t (x);',
      "  EXECUTE 'CREATE INDEX b ON t (y) WHERE z = ''on''';",
      "  EXECUTE format('CREATE INDEX %I ON %I (z)', 'c', 't');",
      'END $body$;',
      "DO 'BEGIN CREATE INDEX d ON t (w); END';",
    ].join('\n');
    expect(spans(sql, find(sql))).toEqual([
      'index:CREATE INDEX a ON t (x)',
      "index:CREATE INDEX b ON t (y) WHERE z = ''on''",
      'index:CREATE INDEX %I ON %I (z)',
      'index:CREATE INDEX d ON t (w)',
    ]);
  });

  it('reads a DO block only at a CREATE or EXECUTE keyword, whatever its case, not at a name such as created_at', () => {
    expect(find('DO $$ BEGIN UPDATE t SET created_at = now(); PERFORM executed(); END $$;')).toEqual([]);
    const sql = 'DO $$ BEGIN UPDATE t SET created_at = now(); create index a ON t (created_at); END $$;';
    expect(spans(sql, find(sql))).toEqual(['index:create index a ON t (created_at)']);
  });

  it('leaves DO blocks in other languages alone', () => {
    expect(find("DO LANGUAGE plpython3u $$ plpy.execute('CREATE INDEX a ON t (x)') $$;")).toEqual([]);
  });

  it('finds created tables, for allowNewTables', () => {
    expect(find('CREATE TABLE s.t (x int); CREATE UNLOGGED TABLE u AS SELECT 1;').map((f) => f.kind === 'table' && f.tableName)).toEqual(['t', 'u']);
  });

  it('reads SQL with holes, and calls a statement whose keyword is a hole unverifiable', () => {
    const text = 'CREATE ${u} INDEX idx_${t} ON ${t} (a); ${stmt}; SELECT 1';
    const parts = text.split(/(\$\{\w+\})/).map((piece, i, all) => {
      const start = all.slice(0, i).join('').length;
      return i % 2
        ? { kind: 'hole' as const, label: piece, start, end: start + piece.length }
        : { kind: 'text' as const, text: piece, offsets: [...piece].map((_, k) => start + k), end: start + piece.length };
    });
    const findings = findSqlFindings(sqlFromParts(parts));
    expect(spans(text, findings)).toEqual(['index:CREATE ${u} INDEX idx_${t} ON ${t} (a)', 'unverifiable:${stmt}']);
    expect(findings[0]).toMatchObject({ name: 'idx_${t}', tableName: '${t}', statement: undefined });
  });

  it('treats bind parameters as holes when the statement does not parse otherwise', () => {
    const sql = 'CREATE INDEX :name: ON leads (status) WHERE kind = ?';
    expect(find(sql)).toMatchObject([{ kind: 'index', name: ':name:', tableName: 'leads', range: [0, sql.length] }]);
  });

  it('never throws on text that is not SQL', () => {
    for (const text of ["it's an index", 'SELECT "unterminated', '/* open', '', '   ', 'index']) expect(find(text)).toEqual([]);
  });
});

describe('positions', () => {
  it('converts libpg-query byte offsets to string offsets', () => {
    const text = 'é😀a';
    const toChar = byteToCharOffsets(text);
    expect([0, 2, 6, 7].map(toChar)).toEqual([0, 1, 3, 4]);
  });

  it('reports statements after non-ASCII text at their character offsets', () => {
    const sql = "SELECT '😀é'; CREATE INDEX a ON t (x);";
    const parsed = parseStatements(sql);
    expect(parsed.ok && parsed.statements.map((s) => sql.slice(s.start, s.end))).toEqual(["SELECT '😀é'", 'CREATE INDEX a ON t (x)']);
  });

  it('reports a syntax error at its character offset', () => {
    expect(parseStatements("SELECT 'é' FRM x")).toEqual({ ok: false, message: 'syntax error at or near "x"', offset: 15 });
  });

  it('maps offsets through holes added after the fact', () => {
    const source = withHoles(plainSqlSource('CREATE INDEX ?? ON t (x)', 100), [{ start: 13, end: 15, label: '??' }]);
    expect(source.text).toBe('CREATE INDEX __ibh0__ ON t (x)');
    expect([0, 13, 21, 30].map((offset) => source.toSource(offset))).toEqual([100, 113, 115, 124]);
  });
});

describe('registry SQL', () => {
  it('inserts CONCURRENTLY and IF NOT EXISTS where PostgreSQL expects them', () => {
    expect(missingKeywordsInsertion('CREATE INDEX a ON t (x)')).toEqual({ offset: 12, text: ' CONCURRENTLY IF NOT EXISTS' });
    expect(missingKeywordsInsertion('CREATE UNIQUE INDEX CONCURRENTLY a ON t (x)')).toEqual({ offset: 32, text: ' IF NOT EXISTS' });
    expect(missingKeywordsInsertion('create index if not exists a on t (x)')).toEqual({ offset: 12, text: ' CONCURRENTLY' });
    expect(missingKeywordsInsertion('CREATE INDEX CONCURRENTLY IF NOT EXISTS a ON t (x)')).toBeUndefined();
    expect(missingKeywordsInsertion('DROP INDEX a')).toBeUndefined();
  });

  it('writes the safe form on one line, naming an unnamed index', () => {
    expect(safeIndexSql("CREATE INDEX\n  ON leads (status) -- why\n  WHERE note = 'a  b'", 'leads_status_idx')).toBe(
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS leads_status_idx ON leads (status) WHERE note = 'a  b'",
    );
    expect(oneLine('SELECT  1 /* c */ ,2')).toBe('SELECT 1 ,2');
  });

  it('renders ORM-described indexes, quoting only what must be quoted', () => {
    expect(
      renderIndexSql({
        name: 'IDX_a',
        tableName: 'User',
        tableSchema: 'app',
        columns: ['email', 'created_at DESC', 'lower(name)', 'order'],
        unique: true,
        method: 'GIN',
        include: ['id'],
        where: 'deleted_at IS NULL',
      }),
    ).toBe(
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "IDX_a" ON app."User" USING gin (email, created_at DESC, lower(name), "order") ' +
        'INCLUDE (id) WHERE deleted_at IS NULL',
    );
    expect([quoteIdentifier('name'), quoteIdentifier('user'), quoteIdentifier('a"b')]).toEqual(['name', '"user"', '"a""b"']);
  });
});
