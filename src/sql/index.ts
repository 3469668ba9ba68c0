// The SQL core that the builder and the ESLint plugin share, and its one public surface: the plugin imports it as
// `#sql` (a path alias that tsconfig.json, jest and esbuild resolve), never a file under src/sql/ by path.
// PostgreSQL's own parser (libpg-query, loaded once), its tokens, index statements read from parse trees, and the
// safe `CREATE INDEX CONCURRENTLY IF NOT EXISTS` text the messages suggest.
export * from './parser.ts';
export * from './sql-tokens.ts';
export * from './index-statement.ts';
export * from './safe-index-sql.ts';
export * from './utf8-offsets.ts';
