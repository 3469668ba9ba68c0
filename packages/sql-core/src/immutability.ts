// Index expressions and predicates may only call immutable functions; PostgreSQL enforces that when the statement
// runs. The registry checks what it can before anything connects: functions known to have side effects or to
// change between calls, SQL value functions (CURRENT_TIMESTAMP, CURRENT_USER) and subqueries.
import type { Node } from './parser.ts';

const NOT_IMMUTABLE = new Set([
  'pg_sleep',
  'pg_sleep_for',
  'pg_sleep_until',
  'dblink',
  'dblink_exec',
  'dblink_connect',
  'dblink_connect_u',
  'dblink_send_query',
  'dblink_open',
  'dblink_fetch',
  'pg_read_file',
  'pg_read_binary_file',
  'pg_ls_dir',
  'pg_stat_file',
  'lo_import',
  'lo_export',
  'lo_unlink',
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_notify',
  'set_config',
  'current_setting',
  'nextval',
  'setval',
  'currval',
  'lastval',
  'pg_advisory_lock',
  'pg_advisory_xact_lock',
  'pg_try_advisory_lock',
  'pg_advisory_unlock',
  'random',
  'random_normal',
  'gen_random_uuid',
  'uuid_generate_v4',
  'now',
  'clock_timestamp',
  'statement_timestamp',
  'transaction_timestamp',
  'timeofday',
  'txid_current',
  'pg_current_xact_id',
  'query_to_xml',
  'pg_backend_pid',
  'inet_client_addr',
]);

/** What in an IndexStmt's expressions or predicate is not immutable, as a message; undefined when nothing is. */
export function findNonImmutable(indexStmt: { indexParams?: Node[]; whereClause?: Node } | undefined): string | undefined {
  const roots = [...(indexStmt?.indexParams ?? []), ...(indexStmt?.whereClause ? [indexStmt.whereClause] : [])];
  for (const root of roots) {
    const found = walk(root);
    if (found) return found;
  }
  return undefined;
}

function walk(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = walk(item);
      if (found) return found;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  const call = record.FuncCall as { funcname?: { String?: { sval?: string } }[] } | undefined;
  if (call) {
    const name = call.funcname?.at(-1)?.String?.sval?.toLowerCase();
    if (name && NOT_IMMUTABLE.has(name)) return `calls ${name}(), which is not immutable`;
  }
  if (record.SQLValueFunction) {
    const op = String((record.SQLValueFunction as { op?: string }).op ?? '').replace(/^SVFOP_/, '');
    return `uses ${op}, which is not immutable`;
  }
  if (record.SubLink) return 'holds a subquery';
  for (const value of Object.values(record)) {
    const found = walk(value);
    if (found) return found;
  }
  return undefined;
}
