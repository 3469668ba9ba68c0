// After a cancelled or killed run: drop the invalid indexes it left, so the next deploy starts clean and a half-built
// UNIQUE index stops checking writes. Only registry indexes, only invalid ones nobody is building, and only while no
// builder holds the advisory lock. A partitioned table's own index is kept: the next run resumes it. Never throws.
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { ADVISORY_LOCK_KEY } from './build.ts';
import { physicalState, quoteQualified, readCatalog } from './catalog.ts';
import { applySettings, connect, disconnect } from '../db/connection.ts';
import { describeError } from '../db/errors.ts';
import { detectPooler } from './pooler.ts';
import { runStatement } from '../db/statement-reading.ts';

const BUILDER_RUNNING_NOTHING_DROPPED = 'an index build is running on this database; its indexes are left alone';

export interface CleanupResult {
  /** Schema-qualified names of the invalid indexes dropped. */
  dropped: string[];
  /** Invalid indexes another session is building right now: left alone. */
  inProgress: string[];
  failed: { name: string; message: string }[];
  /** Set when nothing was looked at: the database could not be reached, or a builder is running. */
  notice?: string;
}

export async function dropAbandonedIndexes(
  entries: readonly RegistryEntry[],
  options: { url: string; lockTimeoutMs: number },
): Promise<CleanupResult> {
  const result: CleanupResult = { dropped: [], inProgress: [], failed: [] };
  let client: pg.Client | undefined;
  let locked = false;
  try {
    client = await connect(options.url);
    const pooler = await detectPooler(client, options.url);
    if ('message' in pooler) return { ...result, notice: pooler.message };
    await applySettings(client, { lockTimeoutMs: options.lockTimeoutMs, statementTimeoutMs: 0 });
    locked = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [ADVISORY_LOCK_KEY])).rows[0]!.locked;
    if (!locked) return { ...result, notice: BUILDER_RUNNING_NOTHING_DROPPED };
    const states = await readCatalog(client, entries);
    for (const [i, entry] of entries.entries()) {
      const state = states[i]!;
      const physical = physicalState(entry, state);
      const name = `${state.schema}.${entry.indexName}`;
      if (physical.kind === 'in-progress') result.inProgress.push(name);
      if (physical.kind !== 'invalid' || state.relkind === 'I') continue;
      try {
        await runStatement(client, `DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(state.schema, entry.indexName)}`);
        result.dropped.push(name);
      } catch (error) {
        result.failed.push({ name, message: describeError(error, options.url) });
      }
    }
    return result;
  } catch (error) {
    return { ...result, notice: describeError(error, options.url) };
  } finally {
    if (locked) await client?.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => {});
    await disconnect(client);
  }
}
