// The golden scenario matrix: one report (or fleet report) per situation a user meets, as the builder produces it,
// and every channel rendered from it: the console log, the JSON report, the outputs, the annotations, the job summary.
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { countTotals, type FailOn, type IndexResult, type Report } from '../../src/builder/result.ts';
import { fleetTotals } from '../../src/fleet/report.ts';
import type { FleetReport, FleetTargetResult } from '../../src/fleet/types.ts';
import { consoleEvents } from '../../src/render/console.ts';
import { fleetEndLines } from '../../src/render/fleet-console.ts';
import { renderSummary } from '../../src/render/summary.ts';
import { renderFleetSummary } from '../../src/render/fleet-summary.ts';
import { capAnnotations, reportAnnotations, type Annotation } from '../../src/render/annotations.ts';
import { fleetOutputsOf, outputsOf } from '../../src/action/outputs.ts';
import { fleetAnnotations, fleetStepFailure } from '../../src/action/fleet.ts';
import { failedDatabases } from '../../src/fleet/report.ts';
import { runView, stepFailureOf } from '../../src/outcome/run-outcome.ts';

interface SingleScenario {
  name: string;
  database: string;
  report: Report;
  dryRun?: boolean;
  reasons?: Record<string, string>;
  failOn?: FailOn;
}

interface FleetScenario {
  name: string;
  fleet: FleetReport;
  failOn?: FailOn;
}

export type Scenario = SingleScenario | FleetScenario;

export interface Channels {
  console: string;
  json: string;
  outputs: string;
  annotations: string;
  summary: string;
}

let line = 4;
function entry(overrides: Partial<IndexResult> & Pick<IndexResult, 'name' | 'status'>): IndexResult {
  line += 6;
  return {
    table: 'public.users',
    critical: false,
    attempts: overrides.status === 'skipped' || overrides.status === 'deferred' || overrides.status === 'drifted' ? 0 : 1,
    durationMs: overrides.status === 'skipped' || overrides.status === 'drifted' ? 0 : 1840,
    registry: { file: 'db/indexes.ts', line },
    ...overrides,
  };
}

function report(indexes: IndexResult[], extra: Partial<Report> = {}): Report {
  return { outcome: 'completed', indexes, totals: countTotals(indexes), orphans: [], durationMs: 5210, ...extra };
}

const DATABASE = 'db.internal:5432/app';
const lockTimeout = {
  sqlstate: '55P03',
  message: 'canceling statement due to lock timeout',
  blockers: [{ pid: 4242, state: 'idle in transaction', transactionAgeSeconds: 312, query: 'UPDATE orders SET status = $1 WHERE id = $2' }],
};
const missingColumn = { sqlstate: '42703', message: 'column "archived_at" does not exist', blockers: [] };
const duplicateKey = {
  sqlstate: '23505',
  message: 'could not create unique index "idx_users_email"',
  detail: 'Key (email)=(ada@example.com) is duplicated.',
  blockers: [],
};
const UNREACHABLE = 'could not start: could not connect to db.internal:5432/app: connection refused (is PostgreSQL running there?)';
const POOLER =
  'db.internal:6432/app is reached through a connection pooler in transaction pooling mode: nothing was done. Use a direct or session-mode URL instead.';
const ANOTHER = 'another index build is running on this database; nothing was done';

function created(): IndexResult[] {
  line = 4;
  return [
    entry({ name: 'idx_users_email', status: 'created', critical: true }),
    entry({ name: 'idx_orders_created_at', table: 'public.orders', status: 'created', durationMs: 12_400 }),
    entry({ name: 'idx_orders_status', table: 'public.orders', status: 'created' }),
  ];
}

function upToDate(names = ['idx_users_email', 'idx_orders_created_at', 'idx_orders_status']): IndexResult[] {
  line = 4;
  return names.map((name, i) => entry({ name, table: i === 0 ? 'public.users' : 'public.orders', status: 'skipped', critical: i === 0 }));
}

const driftOf = (database: string, registry: string, kept?: string) => ({ database, registry, ...(kept ? { kept } : {}) });

export function scenarios(): Scenario[] {
  const drifted = (kept?: string) => {
    line = 4;
    return [
      entry({ name: 'idx_users_email', status: 'skipped', critical: true }),
      entry({
        name: 'idx_orders_status',
        table: 'public.orders',
        status: 'drifted',
        drift: driftOf(
          'CREATE INDEX idx_orders_status ON public.orders USING btree (status)',
          'CREATE INDEX CONCURRENTLY idx_orders_status ON orders (status) WHERE archived_at IS NULL',
          kept,
        ),
      }),
      entry({
        name: 'idx_events_at',
        table: 'public.events',
        status: 'drifted',
        drift: driftOf(
          'CREATE INDEX idx_events_at ON ONLY public.events USING btree (at)',
          'CREATE INDEX idx_events_at ON events (at DESC)',
          'an index on a partitioned table is not swapped: drop it, and the next run builds the new one',
        ),
      }),
    ];
  };
  const single: SingleScenario[] = [
    { name: 'clean', database: DATABASE, report: report(created()) },
    { name: 'second-run', database: DATABASE, report: report(upToDate(), { durationMs: 310 }) },
    { name: 'drift', database: DATABASE, report: report(drifted()) },
    {
      name: 'drift-rebuild',
      database: DATABASE,
      report: (() => {
        line = 4;
        return report([
          entry({ name: 'idx_users_email', status: 'skipped', critical: true }),
          entry({
            name: 'idx_orders_status',
            table: 'public.orders',
            status: 'rebuilt',
            drift: driftOf(
              'CREATE INDEX idx_orders_status ON public.orders USING btree (status)',
              'CREATE INDEX idx_orders_status ON orders (status) WHERE archived_at IS NULL',
            ),
            restore: 'CREATE INDEX CONCURRENTLY idx_orders_status ON public.orders USING btree (status);',
          }),
          drifted()[2]!,
        ]);
      })(),
    },
    {
      name: 'failed-critical',
      database: DATABASE,
      failOn: 'critical',
      report: (() => {
        line = 4;
        return report([
          entry({ name: 'idx_users_archived', status: 'failed', critical: true, error: missingColumn }),
          entry({ name: 'idx_orders_status', table: 'public.orders', status: 'created' }),
        ]);
      })(),
    },
    {
      name: 'failed-non-critical',
      database: DATABASE,
      report: (() => {
        line = 4;
        return report([
          entry({ name: 'idx_users_email', status: 'skipped', critical: true }),
          entry({ name: 'idx_orders_status', table: 'public.orders', status: 'failed', attempts: 5, durationMs: 61_000, error: lockTimeout }),
        ]);
      })(),
    },
    {
      name: 'duplicate-key',
      database: DATABASE,
      report: (() => {
        line = 4;
        return report([entry({ name: 'idx_users_email', status: 'failed', error: duplicateKey, durationMs: 930 })]);
      })(),
    },
    {
      name: 'unreachable',
      database: DATABASE,
      failOn: 'critical',
      report: (() => {
        line = 4;
        return report(
          created().map((index) => ({
            ...index,
            status: 'failed' as const,
            attempts: 0,
            durationMs: 0,
            error: { message: UNREACHABLE, blockers: [] },
          })),
          { outcome: 'unreachable', notice: UNREACHABLE, durationMs: 15_020 },
        );
      })(),
    },
    {
      name: 'pooler-refused',
      database: 'db.internal:6432/app',
      report: report(
        created().map((index) => ({ ...index, status: 'failed' as const, attempts: 0, durationMs: 0, error: { message: POOLER, blockers: [] } })),
        { outcome: 'pooler', notice: POOLER, durationMs: 120 },
      ),
    },
    {
      name: 'another-builder',
      database: DATABASE,
      report: report(
        created().map((index) => ({
          ...index,
          status: 'deferred' as const,
          attempts: 0,
          durationMs: 0,
          reason: 'not attempted: another index-builder run holds this database',
        })),
        { outcome: 'another-builder', notice: ANOTHER, durationMs: 80 },
      ),
    },
    {
      name: 'cancelled',
      database: DATABASE,
      report: (() => {
        const [first, second, third] = created();
        return report(
          [
            first!,
            { ...second!, status: 'failed', attempts: 1, error: { sqlstate: '57014', message: 'cancelled by SIGINT', blockers: [] } },
            { ...third!, status: 'deferred', attempts: 0, durationMs: 0, reason: 'not attempted: the run was cancelled (SIGINT) before its turn' },
          ],
          { outcome: 'cancelled', cancelled: true, notice: 'SIGINT received: the running build was cancelled and nothing else was started' },
        );
      })(),
    },
    {
      name: 'time-budget',
      database: DATABASE,
      report: (() => {
        const [first, second, third] = created();
        return report([
          first!,
          { ...second!, status: 'deferred', attempts: 0, durationMs: 0, reason: 'the time budget was spent before its turn' },
          { ...third!, status: 'deferred', attempts: 0, durationMs: 0, reason: 'the time budget was spent before its turn' },
        ]);
      })(),
    },
    {
      name: 'dry-run',
      database: DATABASE,
      dryRun: true,
      failOn: 'critical',
      report: (() => {
        line = 4;
        return report([
          entry({ name: 'idx_users_email', status: 'created', critical: true, attempts: 0, durationMs: 0 }),
          entry({ name: 'idx_orders_created_at', table: 'public.orders', status: 'created', attempts: 0, durationMs: 0 }),
          entry({ name: 'idx_orders_status', table: 'public.orders', status: 'skipped' }),
        ]);
      })(),
      reasons: {
        idx_users_email: 'missing: would create it',
        idx_orders_created_at: 'missing: would create it',
        idx_orders_status: 'exists and is valid',
      },
    },
    {
      name: 'orphans',
      database: DATABASE,
      report: report(upToDate(), {
        orphans: [
          { name: 'public.idx_users_legacy', table: 'public.users', dropped: false },
          { name: 'public.idx_orders_old', table: 'public.orders', dropped: false },
        ],
      }),
    },
    { name: '10000-entries', database: DATABASE, report: tenThousand() },
  ];
  return [...single, canaryFailed(), fleetOfFive()];
}

function tenThousand(): Report {
  const indexes: IndexResult[] = [];
  for (let i = 0; i < 10_000; i += 1) {
    const status = i % 500 === 7 ? 'failed' : i % 250 === 3 ? 'created' : 'skipped';
    indexes.push({
      name: `idx_tenant_table_${String(i).padStart(5, '0')}_created_at`,
      table: `tenant_${String(i % 97).padStart(2, '0')}.events_${i % 13}`,
      critical: i % 1000 === 7,
      status,
      attempts: status === 'skipped' ? 0 : 1,
      durationMs: status === 'skipped' ? 0 : 420,
      registry: { file: 'db/indexes.ts', line: 10 + i * 4 },
      ...(status === 'failed' ? { error: lockTimeout } : {}),
    });
  }
  return report(indexes, { durationMs: 912_000 });
}

function target(name: string, built: Report, group?: string): FleetTargetResult {
  return { name, ...(group ? { group } : {}), outcome: built.outcome, report: built };
}

function fleetOf(targets: FleetTargetResult[]): FleetReport {
  return { targets, totals: fleetTotals(targets), durationMs: 48_300 };
}

function canaryFailed(): FleetScenario {
  line = 4;
  const failedCanary = report([
    entry({ name: 'idx_users_email', status: 'failed', critical: true, error: duplicateKey }),
    entry({ name: 'idx_orders_status', table: 'public.orders', status: 'created' }),
  ]);
  const heldBack = (): Report => {
    const indexes = created().map((index) => ({
      ...index,
      status: 'deferred' as const,
      attempts: 0,
      durationMs: 0,
      reason: 'not attempted: the canary databases failed',
    }));
    return report(indexes, {
      outcome: 'deferred',
      notice: 'the canary databases failed (canary-eu: 1 critical index failed); this database was held back',
      durationMs: 0,
    });
  };
  return {
    name: 'canary-failed',
    failOn: 'critical',
    fleet: fleetOf([target('canary-eu', failedCanary, 'canary'), target('tenant-a', heldBack()), target('tenant-b', heldBack())]),
  };
}

function fleetOfFive(): FleetScenario {
  const clean = report(created());
  const failed = (() => {
    line = 4;
    return report([
      entry({ name: 'idx_users_archived', status: 'failed', critical: true, error: missingColumn }),
      entry({ name: 'idx_orders_status', table: 'public.orders', status: 'failed', attempts: 5, error: lockTimeout }),
      entry({ name: 'idx_orders_created_at', table: 'public.orders', status: 'created' }),
    ]);
  })();
  const drift = (() => {
    line = 4;
    return report([
      entry({ name: 'idx_users_email', status: 'skipped', critical: true }),
      entry({
        name: 'idx_orders_status',
        table: 'public.orders',
        status: 'drifted',
        drift: driftOf(
          'CREATE INDEX idx_orders_status ON public.orders USING btree (status)',
          'CREATE INDEX idx_orders_status ON orders (status) WHERE archived_at IS NULL',
        ),
      }),
    ]);
  })();
  const unreachable = report(
    created().map((index) => ({
      ...index,
      status: 'failed' as const,
      attempts: 0,
      durationMs: 0,
      error: { message: `not attempted: ${UNREACHABLE}`, blockers: [] },
    })),
    { outcome: 'unreachable', notice: UNREACHABLE, durationMs: 15_000 },
  );
  const held = report(
    created().map((index) => ({
      ...index,
      status: 'deferred' as const,
      attempts: 0,
      durationMs: 0,
      reason: 'not attempted: another index-builder run holds this database',
    })),
    { outcome: 'another-builder', notice: ANOTHER, durationMs: 60 },
  );
  return {
    name: 'fleet-of-5',
    failOn: 'critical',
    fleet: fleetOf([
      target('tenant-a', clean, 'eu'),
      target('tenant-b', failed, 'eu'),
      target('tenant-c', drift, 'us'),
      target('tenant-d', unreachable, 'us'),
      target('tenant-e', held, 'us'),
    ]),
  };
}

/** Every channel of a scenario, as text. */
export function renderChannels(scenario: Scenario, reportPath = '/home/runner/work/_temp/index-builder-report.json'): Channels {
  const lines: string[] = [];
  const write = (text: string) => lines.push(text);
  if ('fleet' in scenario) {
    const { fleet } = scenario;
    const stepFailure = fleetStepFailure(fleet, scenario.failOn ?? 'never');
    const annotations = capAnnotations(
      fleetAnnotations(fleet, (file) => file),
      stepFailure ? 1 : 0,
    );
    for (const t of fleet.targets) replayConsole(t.report, (text) => write(text ? `[${t.name}] ${text}` : `[${t.name}]`));
    for (const text of fleetEndLines(fleet)) write(text);
    const outputs = {
      ...fleetOutputsOf(
        fleet.targets.map((t) => t.report),
        reportPath,
      ),
      'failed-databases': JSON.stringify(failedDatabases(fleet.targets)),
    };
    return {
      console: `${lines.join('\n')}\n`,
      json: `${JSON.stringify(fleet, null, 2)}\n`,
      outputs: outputsText(outputs),
      annotations: annotationsText(annotations.shown, stepFailure),
      summary: renderFleetSummary({ fleet, omitted: annotations.omitted, ...(stepFailure ? { stepFailure } : {}), reportPath }),
    };
  }
  const dryRun = scenario.dryRun === true;
  const run = runView(scenario.report, { dryRun, surface: 'action' });
  const stepFailure = scenario.report.outcome === 'another-builder' ? undefined : stepFailureOf(run, scenario.failOn ?? 'never', dryRun);
  const annotations = capAnnotations(reportAnnotations(scenario.report, { dryRun, stepFailed: stepFailure !== undefined }), stepFailure ? 1 : 0);
  if (dryRun) write('(a dry run prints the plan: see the plan tests)');
  else replayConsole(scenario.report, write, scenario.failOn);
  return {
    console: `${lines.join('\n')}\n`,
    json: `${JSON.stringify(scenario.report, null, 2)}\n`,
    outputs: outputsText(outputsOf(scenario.report, reportPath, dryRun)),
    annotations: annotationsText(annotations.shown, stepFailure),
    summary: renderSummary({
      report: scenario.report,
      database: scenario.database,
      dryRun,
      ...(scenario.reasons ? { reasons: scenario.reasons } : {}),
      omitted: annotations.omitted,
      ...(stepFailure ? { stepFailure } : {}),
      reportPath,
    }),
  };
}

/** The console log of a build that ends with `report`, as the Action prints it. */
function replayConsole(built: Report, write: (line: string) => void, failOn?: FailOn): void {
  const events = consoleEvents(write, undefined, { surface: 'action', ...(failOn ? { failOn } : {}) });
  events.connecting('db.internal:5432/app');
  const started = built.outcome === 'completed' || built.outcome === 'cancelled';
  if (built.outcome !== 'unreachable') events.connected();
  if (built.notice && !started) events.notice(built.notice);
  if (started) {
    events.runStarted(built.indexes.length);
    built.indexes.forEach((index, i) => {
      const registryEntry = { name: index.name, critical: index.critical } as unknown as RegistryEntry;
      events.indexStarted(i + 1, built.indexes.length, registryEntry);
      events.indexFinished(registryEntry, index);
    });
  }
  events.runFinished(built);
}

function outputsText(outputs: Record<string, string>): string {
  return `${Object.entries(outputs)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n')}\n`;
}

function annotationsText(annotations: readonly Annotation[], stepFailure: string | undefined): string {
  const lines = annotations.map(
    (a) =>
      `::${a.level} ${[a.file ? `file=${a.file}` : '', a.startLine ? `line=${a.startLine}` : '', `title=${a.title}`].filter(Boolean).join(',')}::${a.message}`,
  );
  if (stepFailure) lines.push(`::error::index-builder: ${stepFailure}`);
  return `${lines.join('\n')}\n`;
}
