// The post step over a fleet: the same cleanup as for one database (drop the invalid registry indexes a killed build
// left, none another session is building), on each target of the run's shard, within the same bounds.
import { resolve } from 'node:path';
import { dropAbandonedIndexes, type CleanupResult } from '../builder/cleanup.ts';
import { limiter } from '../fleet/limits.ts';
import { selectShard } from '../fleet/shards.ts';
import { loadTargets } from '../fleet/targets.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { FleetInputs } from './inputs.ts';
import { protect } from './log.ts';

export async function cleanupFleet(
  entries: readonly RegistryEntry[],
  fleet: FleetInputs,
  lockTimeoutMs: number,
  print: (result: CleanupResult, prefix: string) => void,
): Promise<void> {
  const all = await loadTargets(resolve(fleet.targets), process.env);
  for (const target of all) protect(target.url);
  const targets = fleet.shard ? selectShard(all, fleet.shard) : all;
  const schedule = limiter(fleet);
  await Promise.all(
    targets.flatMap(({ url, host, name }) =>
      url ? [schedule(host, async () => print(await dropAbandonedIndexes(entries, { url, lockTimeoutMs }), `[${name}] `))] : [],
    ),
  );
}
