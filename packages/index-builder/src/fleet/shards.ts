// Splitting a fleet across the jobs of a GitHub matrix. Target names sorted (by code unit, so every machine and
// locale agrees) and dealt round-robin: deterministic, disjoint, covering, and balanced to within one target.
import type { Target } from './types.ts';

export interface Shard {
  index: number;
  count: number;
}

/** `i/K` with 1 ≤ i ≤ K; throws an Error naming the accepted form. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`"${text}" is not a shard: write i/K with 1 ≤ i ≤ K, e.g. 2/4`);
  return { index, count };
}

/** Names of each shard, `K` lists (some empty when there are fewer targets than shards). */
export function shardNames(names: readonly string[], count: number): string[][] {
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const shards: string[][] = Array.from({ length: count }, () => []);
  sorted.forEach((name, i) => shards[i % count]!.push(name));
  return shards;
}

/** The targets of one shard, in the file's order (so `--canary N` still means the first N of the file). */
export function selectShard(targets: readonly Target[], shard: Shard): Target[] {
  const names = new Set(
    shardNames(
      targets.map((t) => t.name),
      shard.count,
    )[shard.index - 1],
  );
  return targets.filter((target) => names.has(target.name));
}

/** `strategy.matrix` for GitHub: one entry per non-empty shard. */
export function shardMatrix(targets: readonly Target[], count: number): { include: { shard: string; targets: string[] }[] } {
  const include = shardNames(
    targets.map((t) => t.name),
    count,
  )
    .map((names, i) => ({ shard: `${i + 1}/${count}`, targets: names }))
    .filter((entry) => entry.targets.length > 0);
  return { include };
}
