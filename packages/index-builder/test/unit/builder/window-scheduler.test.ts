// The maintenance window against a fixed clock, and the scheduler of parallel builds, without PostgreSQL.
import { describe, expect, it } from '@jest/globals';
import { runScheduled } from '../../../src/builder/scheduler.ts';
import { insideWindow, outsideWindowReason, parseWindow } from '../../../src/builder/window.ts';
import { formatBytes, parseSize } from '../../../src/builder/health-gate.ts';
import { connectionBound, connectionsPerDatabase } from '../../../src/fleet/limits.ts';

describe('parseWindow', () => {
  it('reads HH:MM-HH:MM with an optional zone, UTC by default', () => {
    expect(parseWindow('01:00-05:00')).toEqual({ startMinute: 60, endMinute: 300, zone: 'UTC', text: '01:00–05:00 UTC' });
    expect(parseWindow(' 22:30 - 4:15 America/New_York ').text).toBe('22:30–04:15 America/New_York');
    expect(parseWindow('20:00-24:00').endMinute).toBe(24 * 60);
  });

  it('names what is wrong', () => {
    expect(() => parseWindow('1am-5am')).toThrow('"1am-5am" is not a window: write HH:MM-HH:MM with an optional time zone (e.g. 01:00-05:00 UTC)');
    expect(() => parseWindow('25:00-05:00')).toThrow('hours go from 00 to 23');
    expect(() => parseWindow('01:00-01:00')).toThrow('it starts and ends at the same time');
    expect(() => parseWindow('01:00-05:00 Nowhere/Town')).toThrow('"Nowhere/Town" is not a time zone');
  });
});

describe('insideWindow', () => {
  const at = (iso: string) => new Date(iso);

  it('includes the start and excludes the end', () => {
    const window = parseWindow('01:00-05:00 UTC');
    expect(insideWindow(window, at('2026-03-02T00:59:59Z'))).toBe(false);
    expect(insideWindow(window, at('2026-03-02T01:00:00Z'))).toBe(true);
    expect(insideWindow(window, at('2026-03-02T04:59:00Z'))).toBe(true);
    expect(insideWindow(window, at('2026-03-02T05:00:00Z'))).toBe(false);
  });

  it('runs over midnight when the end is before the start', () => {
    const window = parseWindow('22:00-04:00');
    expect(insideWindow(window, at('2026-03-02T23:30:00Z'))).toBe(true);
    expect(insideWindow(window, at('2026-03-02T03:00:00Z'))).toBe(true);
    expect(insideWindow(window, at('2026-03-02T12:00:00Z'))).toBe(false);
  });

  it("reads the zone's wall clock, daylight saving time included", () => {
    const window = parseWindow('01:00-05:00 Europe/Paris');
    // 02:30 in Paris is 01:30 UTC in winter (UTC+1), 00:30 UTC in summer (UTC+2).
    expect(insideWindow(window, at('2026-01-15T01:30:00Z'))).toBe(true);
    expect(insideWindow(window, at('2026-07-15T00:30:00Z'))).toBe(true);
    expect(insideWindow(window, at('2026-07-15T03:30:00Z'))).toBe(false);
  });

  it('says why outside, with the time there', () => {
    const window = parseWindow('01:00-05:00 Asia/Tokyo');
    expect(outsideWindowReason(window, at('2026-03-02T12:00:00Z'))).toBe(
      'outside the maintenance window 01:00–05:00 Asia/Tokyo (it is 21:00 there); the next run inside it builds it',
    );
    expect(outsideWindowReason(window, at('2026-03-02T17:00:00Z'))).toBeUndefined();
    expect(outsideWindowReason(undefined, at('2026-03-02T12:00:00Z'))).toBeUndefined();
  });
});

describe('runScheduled', () => {
  async function trace(keys: string[][], parallel: number) {
    const order: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const busy = new Set<string>();
    const overlaps: number[] = [];
    const release: (() => void)[] = [];
    const finished = runScheduled(
      keys.length,
      parallel,
      (i) => keys[i]!,
      async (i) => {
        order.push(i);
        if (keys[i]!.some((key) => busy.has(key))) overlaps.push(i);
        for (const key of keys[i]!) busy.add(key);
        peak = Math.max(peak, ++inFlight);
        await new Promise<void>((resolve) => release.push(resolve));
        for (const key of keys[i]!) busy.delete(key);
        inFlight -= 1;
      },
    );
    // Finish the builds one by one, oldest first, until all are done.
    while (order.length < keys.length || release.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      release.shift()?.();
    }
    await finished;
    return { order, peak, overlaps };
  }

  it('starts in order, up to n at once, skipping an entry whose table is busy until it is free', async () => {
    const result = await trace([['a'], ['a'], ['b'], ['c'], ['a', 'p']], 2);
    expect(result.peak).toBe(2);
    expect(result.overlaps).toEqual([]);
    expect(result.order).toEqual([0, 2, 1, 3, 4]);
  });

  it('runs one at a time in order with n = 1', async () => {
    const result = await trace([['a'], ['b'], ['c']], 1);
    expect(result).toEqual({ order: [0, 1, 2], peak: 1, overlaps: [] });
  });
});

describe('sizes', () => {
  it('reads and prints PostgreSQL units', () => {
    expect(parseSize('5GB')).toBe(5 * 1024 ** 3);
    expect(parseSize('512kB')).toBe(512 * 1024);
    expect(parseSize('100')).toBe(100);
    expect(() => parseSize('5 gigs')).toThrow('"5 gigs" is not a size (examples: 512MB, 1GB, 64kB)');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(200 * 1024 ** 2)).toBe('200 MB');
  });
});

describe('the connection bound with --parallel', () => {
  it('is the control session plus two per build in flight, for each database a fleet runs at once', () => {
    expect(connectionsPerDatabase()).toBe(3);
    expect(connectionsPerDatabase(4)).toBe(9);
    const hosts = ['a:5432', 'a:5432', 'a:5432', 'b:5432'];
    expect(connectionBound(hosts, { concurrency: 4, perHost: 2 })).toBe(9);
    expect(connectionBound(hosts, { concurrency: 4, perHost: 2 }, 2)).toBe(15);
  });
});
