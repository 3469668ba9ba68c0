// Bounded concurrency: at most `concurrency` databases at once, and at most `perHost` on one server (host:port).
// A task first waits for its host's slot, then for a global one, so a global slot is never held by a task that is
// still waiting for its host: no slot sits idle while another server's targets could run.
import { SETTING_DEFAULTS } from '../defaults.ts';
import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Connections one database's build holds at most at the same moment: the control session (pooler check, advisory
 * lock, progress and blockers), and for each build in flight (`--parallel n`) its session (catalog, CREATE INDEX) and a
 * short-lived one for a step with timeouts of its own (dropping a failed build's leftover, attaching a constraint, a
 * swap's rename, a prune) or for cancelling a build: 3 with one build at a time.
 */
export function connectionsPerDatabase(parallel = 1): number {
  return 1 + 2 * Math.max(1, parallel);
}

export interface Limits {
  concurrency: number;
  perHost: number;
}

export const FLEET_DEFAULTS: Limits = { concurrency: Number(SETTING_DEFAULTS.concurrency), perHost: Number(SETTING_DEFAULTS['per-host']) };

export function limiter(limits: Limits): <T>(host: string, task: () => Promise<T>) => Promise<T> {
  const global = pLimit(limits.concurrency);
  const hosts = new Map<string, LimitFunction>();
  return (host, task) => {
    let perHost = hosts.get(host);
    if (!perHost) hosts.set(host, (perHost = pLimit(limits.perHost)));
    return perHost(() => global(task));
  };
}

/** The most connections a fleet of these hosts can hold at once under `limits`, each database building `parallel` at once. */
export function connectionBound(hosts: readonly string[], limits: Limits, parallel = 1): number {
  const perHost = new Map<string, number>();
  for (const host of hosts) perHost.set(host, (perHost.get(host) ?? 0) + 1);
  const databases = [...perHost.values()].reduce((sum, count) => sum + Math.min(count, limits.perHost), 0);
  return Math.min(databases, limits.concurrency) * connectionsPerDatabase(parallel);
}
