// The plain-SQL reader that spares the registry entry of a reported CREATE INDEX a call to PostgreSQL's scanner: on
// every plain text it must see the tokens the scanner sees, and it must decline everything else.
import { plainTokens } from '../../src/sql/plain-tokens.ts';
import { codeTokens, safeIndexSql, scanTokens, type SqlToken } from '../../src/sql/index.ts';

/** The keywords safeIndexSql looks for: plain tokens name these (and no other word) as keywords. */
const LOOKED_FOR = ['CREATE', 'UNIQUE', 'INDEX', 'CONCURRENTLY', 'IF', 'NOT', 'EXISTS', 'ON'];

/**
 * What safeIndexSql reads of the tokens: the text with comments dropped and each gap folded to a space, and where
 * each keyword it looks for stands, with its category. (Operators may split differently: `<>` is one token to the
 * scanner, two here, with no gap between.)
 */
function reading(sql: string, tokens: readonly SqlToken[]) {
  const folded = tokens.map((token, i) => (i > 0 && token.start > tokens[i - 1]!.end ? ' ' : '') + sql.slice(token.start, token.end)).join('');
  const keywords = tokens.flatMap((token) =>
    token.keyword && LOOKED_FOR.includes(token.keyword) ? [`${token.start}:${token.keyword}:${token.keywordKind}`] : [],
  );
  return { folded, keywords };
}

describe('plainTokens', () => {
  it.each([
    'CREATE INDEX "IDX_6b2a7d" ON "product_variant" ("variant_id") WHERE deleted_at IS NULL',
    'create unique index concurrently if not exists idx_a on s.t using gin (lower(a), b) include (c) where not exists (select)',
    'CREATE INDEX "a ""quoted"" name" ON "é" (x)',
    'CREATE INDEX\n\tidx ON t(a)\r\nWHERE b <> 1 AND c::int >= 12',
    'CREATE INDEX"x"ON t(a)',
    'CREATE INDEX on_x ON "on" (only_a)',
  ])('reads %j as the scanner does', (sql) => {
    const plain = plainTokens(sql);
    expect(plain).toBeDefined();
    expect(reading(sql, plain!)).toEqual(reading(sql, codeTokens(scanTokens(sql) ?? [])));
  });

  it.each([
    "CREATE INDEX i ON t (a) WHERE b = 'x'",
    'CREATE INDEX i ON t (a) -- comment',
    'CREATE INDEX /* c */ i ON t (a)',
    'CREATE INDEX i ON t (a) WHERE b = $1',
    'CREATE INDEX i ON t (a) WHERE b > 1.5',
    'CREATE INDEX i ON t (a) WHERE b > 1e5',
    'CREATE INDEX U&"d\\0061t" ON t (a)',
    'CREATE INDEX é ON t (a)',
    'CREATE INDEX "" ON t (a)',
    'CREATE INDEX "open ON t (a)',
    'CREATE INDEX i ON t (1abc)',
  ])('leaves %j to the scanner', (sql) => {
    expect(plainTokens(sql)).toBeUndefined();
  });

  it('gives safeIndexSql the same registry form whichever way the statement is read', () => {
    expect(safeIndexSql('CREATE  INDEX "IDX_a"\n  ON "t" ("a")', 'IDX_a')).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_a" ON "t" ("a")');
    expect(safeIndexSql('create unique index on t(a)', 't_a_idx')).toBe('create unique index CONCURRENTLY IF NOT EXISTS t_a_idx on t(a)');
    expect(safeIndexSql("CREATE INDEX /* c */ ON t (a) WHERE b = 'x'", 't_a_idx')).toBe(
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a) WHERE b = 'x'",
    );
    expect(safeIndexSql('CREATE INDEX IF NOT EXISTS ON t (a)', 'select')).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS "select" ON t (a)');
  });
});
