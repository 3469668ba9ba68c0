// The SQL core that the builder and the ESLint plugin share, and its one public surface: both import it as
// `@index-builder/sql-core` (a workspace package that Node, TypeScript, jest and esbuild resolve alike), never a file
// of it by path. The registry validator is its second entry, `@index-builder/sql-core/registry`.
// PostgreSQL's own parser (libpg-query, loaded once), its tokens, index statements read from parse trees, and the
// safe `CREATE INDEX CONCURRENTLY IF NOT EXISTS` text the messages suggest.
export * from './parser.ts';
export * from './sql-tokens.ts';
export * from './index-statement.ts';
export * from './safe-index-sql.ts';
export * from './utf8-offsets.ts';
export * from './definition.ts';
export * from './immutability.ts';
export * from './index-rewrite.ts';
export { loadParser } from './pg-query.ts';
