// The registry statement's variants (another name, another table, ON ONLY without CONCURRENTLY) are made by editing
// PostgreSQL's tokens, then parsed again: only exactly one CREATE INDEX of the expected name, on the expected table,
// with the registry's columns and predicate, is ever sent.
import { checkIndexStatement, editedIndexSql, rewriteIndexSql, UnsafeStatementError } from '../../src/index-rewrite.ts';
import { readIndexStatement } from '../../src/index-statement.ts';
import { parseSql } from '../../src/parser.ts';

const REGISTRY = "CREATE INDEX CONCURRENTLY IF NOT EXISTS pt_y_idx ON pt /* the table */ (x) WHERE y <> 'a\\'';DROP TABLE victim;--'";
const nodeOf = (sql: string) => readIndexStatement(parseSql(sql)[0]!.stmt)!.node;
const expected = { indexName: 'pt_y_idx_pt_1', tableSchema: 'public', tableName: 'pt_1', concurrent: true };

describe('rewriteIndexSql', () => {
  it('changes the name, the table and the keywords, and keeps the rest as written', () => {
    expect(rewriteIndexSql(REGISTRY, { name: 'pt_y_idx_pt_1', table: { schema: 'public', name: 'pt_1' } })).toBe(
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS pt_y_idx_pt_1 ON public.pt_1 /* the table */ (x) WHERE y <> 'a\\'';DROP TABLE victim;--'",
    );
    expect(rewriteIndexSql(REGISTRY, { onlyWithoutConcurrently: true })).toBe(
      "CREATE INDEX IF NOT EXISTS pt_y_idx ON ONLY pt /* the table */ (x) WHERE y <> 'a\\'';DROP TABLE victim;--'",
    );
    expect(rewriteIndexSql('CREATE INDEX CONCURRENTLY IF NOT EXISTS "Idx" ON s."T" (x)', { name: 'New Name', withoutConcurrently: true })).toBe(
      'CREATE INDEX IF NOT EXISTS "New Name" ON s."T" (x)',
    );
  });

  it('refuses a statement that is not one named CREATE INDEX, before editing anything', () => {
    expect(() => rewriteIndexSql('CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (x); DROP TABLE victim', { name: 'j' })).toThrow(
      UnsafeStatementError,
    );
    // Without a name there is no token to replace: the edit alone would silently keep PostgreSQL's own name.
    expect(() => rewriteIndexSql('CREATE INDEX CONCURRENTLY ON t (x)', { name: 'j' })).toThrow(UnsafeStatementError);
    expect(editedIndexSql('CREATE INDEX CONCURRENTLY ON t (x)', { name: 'j' })).toBe('CREATE INDEX CONCURRENTLY ON t (x)');
  });
});

describe('checkIndexStatement: the re-parse of what is about to be sent', () => {
  const registryNode = nodeOf(REGISTRY);
  const leaf = "CREATE INDEX CONCURRENTLY IF NOT EXISTS pt_y_idx_pt_1 ON public.pt_1 (x) WHERE y <> 'a\\'';DROP TABLE victim;--'";

  it('accepts exactly the expected statement, comments and spacing aside', () => {
    expect(checkIndexStatement(leaf, expected, registryNode).indexName).toBe('pt_y_idx_pt_1');
  });

  it.each([
    [
      'a second statement',
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS pt_y_idx_pt_1 ON public.pt_1 (x) WHERE y <> 'a\\';DROP TABLE victim;--'",
      'it holds 2 statements (CREATE INDEX, DROP)',
    ],
    ['another kind of statement', 'DROP TABLE victim', 'it is DROP, not CREATE INDEX'],
    [
      'text that does not parse',
      "CREATE INDEX CONCURRENTLY pt_y_idx_pt_1 ON public.pt_1 (x) WHERE y <> 'a",
      'it does not parse (unterminated quoted string',
    ],
    ['another index name', leaf.replace('pt_y_idx_pt_1', 'pt_y_idx'), 'it names the index "pt_y_idx"'],
    ['no index name', leaf.replace('IF NOT EXISTS pt_y_idx_pt_1 ', ''), 'it names the index null'],
    ['another table', leaf.replace('public.pt_1', 'public.victim'), 'it is on public.victim'],
    ['an unqualified table', leaf.replace('public.pt_1', 'pt_1'), 'it is on pt_1'],
    ['no CONCURRENTLY', leaf.replace('CONCURRENTLY ', ''), 'it is not CONCURRENTLY'],
    ['another predicate', leaf.replace("y <> 'a", "y <> 'b"), "its columns, method or predicate differ from the registry's"],
    ['another column', leaf.replace('(x)', '(y)'), "its columns, method or predicate differ from the registry's"],
    ['another method', leaf.replace('(x)', 'USING hash (x)'), "its columns, method or predicate differ from the registry's"],
    ['UNIQUE added', leaf.replace('CREATE INDEX', 'CREATE UNIQUE INDEX'), "its columns, method or predicate differ from the registry's"],
  ])('refuses %s, in one line naming the index and its table', (_what, sql, why) => {
    let error: unknown;
    try {
      checkIndexStatement(sql, expected, registryNode);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnsafeStatementError);
    const message = (error as Error).message;
    expect(message).toContain(`refused to send the statement for index "pt_y_idx_pt_1" on public.pt_1: ${why}`);
    expect(message).not.toContain('\n');
  });

  it('checks ON ONLY only when asked', () => {
    const only = leaf.replace('ON public', 'ON ONLY public');
    expect(() => checkIndexStatement(only, expected, registryNode)).not.toThrow();
    expect(() => checkIndexStatement(only, { ...expected, only: false }, registryNode)).toThrow('it is ON ONLY');
    expect(() => checkIndexStatement(leaf, { ...expected, only: true }, registryNode)).toThrow('it is not ON ONLY');
  });
});
