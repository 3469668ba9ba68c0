// The fleet runner's own decisions where no database answers: a closed port, an unset urlEnv, a cancelled run.
import { describe, expect, it } from '@jest/globals';
import { freePort } from '../../../../../tools/embedded-server.mjs';
import { silentEvents } from '../../../src/builder/events.ts';
import { fleetShouldFail } from '../../../src/fleet/report.ts';
import { canaryTargets, runFleet, type FleetEvents } from '../../../src/fleet/run.ts';
import type { Target } from '../../../src/fleet/types.ts';
import { entries, index } from '../../support/registry.ts';

const registry = entries(index('idx_a', 'leads (a)', { critical: true }), index('idx_b', 'leads (b)'));
const started: string[] = [];
const events: FleetEvents = {
  buildEvents: () => silentEvents,
  targetStarted: (target) => void started.push(target.name),
  targetFinished() {},
  canariesStarted() {},
  canariesFailed() {},
};

async function closedTarget(name: string, group?: string): Promise<Target> {
  return { name, url: `postgres://postgres:pw@127.0.0.1:${await freePort()}/app`, host: '127.0.0.1', ...(group ? { group } : {}) };
}

describe('runFleet', () => {
  it('defers the rest when an unreachable canary counts as failed, naming it', async () => {
    started.length = 0;
    const targets = [
      await closedTarget('canary-1', 'canary'),
      { name: 'b', host: 'unknown', problem: 'environment variable B_URL (its urlEnv) is not set or empty' },
    ];
    const fleet = await runFleet(registry, targets, { concurrency: 2, perHost: 2, build: {}, events });
    expect(fleet.targets.map((t) => [t.name, t.outcome])).toEqual([
      ['canary-1', 'unreachable'],
      ['b', 'deferred'],
    ]);
    expect(fleet.targets[1]!.report.notice).toBe(
      'deferred: canary database(s) canary-1 had 2 failed index(es); nothing was done here. Fix the canaries and run again.',
    );
    expect(started).toEqual(['canary-1']);
    expect(fleetShouldFail(fleet, 'critical')).toBe(true);
  });

  it('starts nothing once cancelled: every database is a cancelled row, its indexes deferred', async () => {
    started.length = 0;
    const controller = new AbortController();
    controller.abort('SIGTERM');
    const fleet = await runFleet(registry, [await closedTarget('a'), await closedTarget('b')], {
      concurrency: 1,
      perHost: 1,
      build: {},
      events,
      signal: controller.signal,
    });
    expect(fleet.targets.map((t) => t.outcome)).toEqual(['cancelled', 'cancelled']);
    expect(fleet.targets[0]!.report.indexes.map((i) => i.status)).toEqual(['deferred', 'deferred']);
    expect(started).toEqual([]);
    expect(fleetShouldFail(fleet, 'any')).toBe(false);
  });

  it('takes --canary N as the first N targets, else the group canary', () => {
    const targets: Target[] = ['a', 'b', 'c'].map((name, i) => ({ name, host: 'h', ...(i === 2 ? { group: 'canary' } : {}) }));
    expect(canaryTargets(targets, 2).map((t) => t.name)).toEqual(['a', 'b']);
    expect(canaryTargets(targets, undefined).map((t) => t.name)).toEqual(['c']);
  });
});
