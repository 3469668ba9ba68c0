// Whether a build may start now, asked before each attempt: inside the maintenance window (window.ts), and with the
// replicas and slots within their bounds (health-gate.ts, which waits). Remembers how long each index was held back
// and why, for the report, and the cause that spent the time budget, for the entries deferred after it.
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { waitForHealth, type HealthBounds } from './health-gate.ts';
import type { BuildProgress } from './monitor.ts';
import { outsideWindowReason, type MaintenanceWindow } from './window.ts';

export interface StartGateOptions {
  window?: MaintenanceWindow;
  bounds: HealthBounds;
  url: string;
  monitor: () => pg.Client | undefined;
  livenessTimeoutMs: number;
  deadline: number | undefined;
  signal: AbortSignal | undefined;
  progressIntervalMs: number;
  pollIntervalMs?: number;
  now?: () => number;
}

export interface HeldBack {
  waitedMs: number;
  cause: string;
}

export class StartGate {
  /** By entry name: how long its build waited for the replicas and slots, and the cause. */
  readonly heldBack = new Map<string, HeldBack>();
  /** Set once the time budget ran out while the gate held a build back: why the rest are deferred too. */
  budgetSpentOn: string | undefined;

  constructor(private readonly options: StartGateOptions) {}

  get checksHealth(): boolean {
    return this.options.bounds.maxReplicaLagMs !== undefined || this.options.bounds.maxRetainedWalBytes !== undefined;
  }

  /** Why `entry` may not start now (outside the window): checked before anything is said about building it. */
  outsideWindow(entry: RegistryEntry): string | undefined {
    if (entry.ignoreWindow) return undefined;
    return outsideWindowReason(this.options.window, new Date((this.options.now ?? Date.now)()));
  }

  /** Waits while a bound is exceeded; resolves to the deferred reason when the build may not start at all. */
  async hold(entry: RegistryEntry, onProgress: (progress: BuildProgress, waitedMs: number) => void): Promise<string | undefined> {
    const window = this.outsideWindow(entry);
    if (window) return window;
    if (!this.checksHealth) return undefined;
    const o = this.options;
    const result = await waitForHealth({
      client: o.monitor,
      bounds: o.bounds,
      url: o.url,
      livenessTimeoutMs: o.livenessTimeoutMs,
      deadline: o.deadline,
      signal: o.signal,
      pollIntervalMs: o.pollIntervalMs ?? 1000,
      progressIntervalMs: o.progressIntervalMs,
      ...(o.now ? { now: o.now } : {}),
      onWaiting: (problem, waitedMs) =>
        onProgress({ phase: `held back: ${problem}`, percent: null, partitionsDone: null, partitionsTotal: null, waitingFor: [] }, waitedMs),
    });
    if (result.cause) {
      const earlier = this.heldBack.get(entry.name);
      this.heldBack.set(entry.name, { waitedMs: (earlier?.waitedMs ?? 0) + result.waitedMs, cause: result.cause });
    }
    if (result.deferred) this.budgetSpentOn ??= result.cause;
    return result.deferred;
  }
}
