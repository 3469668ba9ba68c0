// `index-builder plan`: what build would do for each entry, read from one catalog query. Changes nothing.
import type { RegistryEntry } from '../registry/types.ts';
import type { IndexStatus, RunOutcome } from '../report/types.ts';
import { buildOrder } from './build.ts';
import { readCatalog } from './catalog.ts';
import { decide } from './decide.ts';
import { connect, describeError, disconnect } from './connection.ts';
import { detectPooler } from './pooler.ts';

export interface PlannedIndex {
  name: string;
  table: string;
  /** The status build would report, if nothing changes meanwhile. */
  status: IndexStatus;
  reason: string;
}

export interface Plan {
  indexes: PlannedIndex[];
  lines: string[];
  error?: string;
  /** With `error`: why build would not start (the database is unreachable, or a transaction pooler is in the way). */
  outcome?: Extract<RunOutcome, 'unreachable' | 'pooler'>;
}

export async function plan(entries: readonly RegistryEntry[], url: string): Promise<Plan> {
  let client;
  try {
    client = await connect(url);
    const pooler = await detectPooler(client, url);
    if ('message' in pooler) return { indexes: [], lines: [`⚠️  build would refuse: ${pooler.message}`], error: pooler.message, outcome: 'pooler' };
    const ordered = buildOrder(entries);
    const states = await readCatalog(client, ordered);
    const indexes = ordered.map((entry, i): PlannedIndex => {
      const action = decide(entry, states[i]!);
      const table = entry.tableSchema ? `${entry.tableSchema}.${entry.tableName}` : entry.tableName;
      const base = { name: entry.name, table };
      switch (action.kind) {
        case 'create':
          return states[i]!.tableExists
            ? { ...base, status: 'created', reason: 'missing: would create it' }
            : { ...base, status: 'failed', reason: `table ${table} does not exist: would fail` };
        case 'skip':
          return { ...base, status: 'skipped', reason: 'exists and is valid' };
        case 'adopt':
          return { ...base, status: 'skipped', reason: 'exists, valid and as the registry says: would adopt it' };
        case 'drifted':
          return { ...base, status: 'drifted', reason: `exists, but the database has: ${action.database}` };
        case 'rebuild':
          return {
            ...base,
            status: 'rebuilt',
            reason: states[i]!.relkind === 'I' ? 'partly built on its partitions: would resume it' : 'invalid (a failed build left it): would drop and rebuild it',
          };
        case 'in-progress':
          return { ...base, status: 'in-progress', reason: `being built by session ${action.pid}: would leave it alone` };
        case 'conflict':
          return { ...base, status: 'failed', reason: action.message };
      }
    });
    const width = Math.max(...indexes.map((i) => i.status.length));
    const lines = [
      `Plan for ${indexes.length} index(es); nothing is changed:`,
      ...indexes.map((i) => `  ${i.status.padEnd(width)}  ${i.name} on ${i.table}: ${i.reason}`),
    ];
    return { indexes, lines };
  } catch (error) {
    const message = describeError(error, url);
    return { indexes: [], lines: [`⚠️  ${message}`], error: message, outcome: 'unreachable' };
  } finally {
    await disconnect(client);
  }
}
