// The server must read what the builder sends exactly as `check` read it: `check` parses registry text with
// libpg-query, which is PostgreSQL's parser with standard_conforming_strings on, backslash_quote safe_encoding and
// UTF-8 text. A role or database can set other values (`ALTER ROLE ... SET standard_conforming_strings = off`, legal
// and common on old databases), and then `'a\'';DROP TABLE t;--'` is one statement to `check` and two to the server.
// Two defences, each of which alone keeps a second statement from running: every session pins the settings below
// before any registry text is sent (connection.ts sets them with the session's name and timeouts; the `transaction`
// form is for work done inside one transaction), and every statement that carries registry text goes out with the
// extended protocol (runStatement), whose Parse message refuses a second statement. Only the pin makes the server
// read the statement's constants as `check` did. (The drift comparison EXECUTEs statements in PL/pgSQL, which would
// run a second one: there the pin and the re-parse of the rewritten statement stand, in a transaction rolled back.)
//
// Pinned, because they change how statement text is read, or what a statement's text stands for:
// - standard_conforming_strings = on: off, a backslash escapes in '...' and `\'` no longer ends a string.
// - backslash_quote = safe_encoding (the default; with UTF-8 the same as on): off, the server refuses `E'\''`,
//   which `check` accepts.
// - client_encoding = UTF8: node-postgres sends UTF-8 (and asks for it at startup, which a role setting cannot
//   override), but a pooler may pass the server connection's own encoding on; in Shift-JIS, Big5, GBK, GB18030 or
//   UHC a byte of a UTF-8 character followed by `\` reads as one character, and the backslash disappears.
// - transform_null_equals = off (the default): on, `x = NULL` becomes `x IS NULL`, not what the text and the
//   parse tree `check` fingerprints say.
// - extra_float_digits = 1 (the default since PostgreSQL 12) and quote_all_identifiers = off (the default): they only
//   change how pg_get_indexdef prints, but drift comparison and `import` read those prints; with fewer float digits
//   two different constants print alike, and an index would be called equal to a definition it is not.
// Left as the role and database set them:
// - DateStyle (its field order), IntervalStyle, TimeZone: they decide what a date, interval or timestamptz constant
//   means ('01/02/2024' is 1 February in a DMY database). `check` never interprets constants, so it cannot disagree
//   with the server; the application's own queries run under the database's values, and a partial index is only
//   used when its predicate matches theirs. Every session of a run gets the same values (same role and database),
//   so plan, build and the drift comparison agree; equivalence.ts resets TimeZone and search_path to those values
//   on a pooled connection.
// - escape_string_warning: a warning only, never a different reading (and silent with standard_conforming_strings).
// - search_path, default_tablespace: where names resolve and where the index goes, not how text reads.
// They are SET after connecting, not sent in the startup packet's `options`: PgBouncer refuses `options` unless told
// to ignore it, and then drops it silently. A SET is reset by RESET ALL before the connection is closed, and is only
// made once the pooler check has passed (a transaction pooler would hand it to other clients). The SETs are plain
// ASCII without backslashes, so they read the same under whatever settings they replace.
import type pg from 'pg';

const PINNED: readonly (readonly [name: string, value: string])[] = [
  ['standard_conforming_strings', 'on'],
  ['backslash_quote', 'safe_encoding'],
  ['client_encoding', "'UTF8'"],
  ['transform_null_equals', 'off'],
  ['extra_float_digits', '1'],
  ['quote_all_identifiers', 'off'],
];

/**
 * The SET statements that pin how the server reads statement text: `session` for the session (reset by RESET ALL when
 * it closes), `transaction` (SET LOCAL) for work inside a transaction that leaves nothing behind.
 */
export function pinnedReadingSql(scope: 'session' | 'transaction' = 'session'): string {
  const set = scope === 'session' ? 'SET' : 'SET LOCAL';
  return PINNED.map(([name, value]) => `${set} ${name} = ${value};`).join(' ');
}

/**
 * Sends one statement with the extended protocol (Parse, Bind, Execute): the server refuses text that holds a second
 * statement ("cannot insert multiple commands into a prepared statement") instead of running it. CREATE and DROP
 * INDEX CONCURRENTLY run this way too: each message sequence ends with Sync, outside any transaction block.
 */
export function runStatement(client: pg.Client, text: string, values?: unknown[]): Promise<pg.QueryResult> {
  // queryMode is node-postgres's (8.11+), not yet in its type definitions.
  return client.query({ text, ...(values ? { values } : {}), queryMode: 'extended' } as pg.QueryConfig);
}
