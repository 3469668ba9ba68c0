// Shards for a GitHub matrix: pure functions, no database.
import { describe, expect, it } from '@jest/globals';
import { parseShard, selectShard, shardMatrix, shardNames } from '../../../src/fleet/shards.ts';
import type { Target } from '../../../src/fleet/types.ts';

const names = Array.from({ length: 23 }, (_, i) => `tenant-${String((i * 7) % 23).padStart(2, '0')}`);
const targets: Target[] = names.map((name) => ({ name, host: 'db:5432', url: `postgres://u@db/${name}` }));

describe('shards', () => {
  it('are disjoint, cover every target and differ in size by at most one', () => {
    for (const count of [1, 2, 3, 5, 23, 30]) {
      const shards = shardNames(names, count);
      expect(shards).toHaveLength(count);
      const all = shards.flat();
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual([...names].sort());
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('do not depend on the order of the file', () => {
    expect(shardNames([...names].reverse(), 4)).toEqual(shardNames(names, 4));
  });

  it('print a matrix of the non-empty shards', () => {
    const matrix = shardMatrix(targets.slice(0, 3), 5);
    expect(matrix).toEqual({
      include: [
        { shard: '1/5', targets: [[...names.slice(0, 3)].sort()[0]] },
        { shard: '2/5', targets: [[...names.slice(0, 3)].sort()[1]] },
        { shard: '3/5', targets: [[...names.slice(0, 3)].sort()[2]] },
      ],
    });
  });

  it('select shard i in the order of the file', () => {
    const chosen = selectShard(targets, { index: 2, count: 3 });
    expect(chosen.map((t) => t.name)).toEqual(names.filter((n) => shardNames(names, 3)[1]!.includes(n)));
  });

  it('parse i/K and name a bad one', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0'])
      expect(() => parseShard(bad)).toThrow(`"${bad}" is not a shard: write i/K with 1 ≤ i ≤ K, e.g. 2/4`);
  });
});
