// `plan` of a fleet from the CLI (`plan --targets FILE`, or several --database-url): each database's plan, bounded
// like a fleet build, then the fleet's table; `--json` writes `{ targets: [{ name, outcome, report }] }` as a fleet
// build does. Exits 1 when a database could not be planned (as `plan` does for one), after planning all the others.
import type { OnDrift } from '../builder/decide.ts';
import type { PruneClass } from '../builder/prune-classes.ts';
import { fleetPlanConsoleEvents, fleetPlanEndLines } from '../render/fleet-console.ts';
import { planFleet } from '../fleet/plan.ts';
import type { LoadedRegistry } from '../registry/load.ts';
import { writeJsonReport } from '../render/json.ts';
import { loadFleetSetup } from './fleet-build.ts';
import type { FleetFlags } from './fleet-command.ts';
import type { Io } from './main.ts';

const EXIT_OK = 0;
const EXIT_FAILED = 1;

export type FleetPlanFlags = Pick<
  FleetFlags,
  'registry' | 'registryTimeout' | 'databaseUrl' | 'targets' | 'sslCa' | 'concurrency' | 'perHost' | 'shard' | 'json'
> & {
  onDrift: OnDrift;
  prune: boolean;
  pruneInclude: PruneClass[];
  pruneMax: number;
};

export async function runFleetPlan(flags: FleetPlanFlags, io: Io, reportProblems: (registry: LoadedRegistry) => boolean): Promise<number> {
  const setup = await loadFleetSetup(flags, io);
  if (typeof setup === 'number') return setup;
  const { targets, registry } = setup;
  if (!reportProblems(registry)) return EXIT_FAILED;
  if (targets.length === 0) {
    io.out(`Shard ${flags.shard!.index}/${flags.shard!.count} has no targets: nothing to plan.`);
    return EXIT_OK;
  }
  const shard = flags.shard ? `, shard ${flags.shard.index}/${flags.shard.count}` : '';
  io.out(
    `Fleet plan: ${targets.length} database(s), at most ${flags.concurrency} at once and ${flags.perHost} per server${shard}; nothing is changed`,
  );
  const fleet = await planFleet(registry.entries, targets, {
    concurrency: flags.concurrency,
    perHost: flags.perHost,
    plan: { onDrift: flags.onDrift, prune: flags.prune, pruneInclude: flags.pruneInclude, pruneMax: flags.pruneMax },
    ...(io.signal ? { signal: io.signal } : {}),
    events: fleetPlanConsoleEvents(io.out),
  });
  for (const line of fleetPlanEndLines(fleet)) io.out(line);
  if (flags.json) await writeJsonReport(flags.json, io.secrets?.redactDeep(fleet) ?? fleet);
  return fleet.targets.some((target) => target.outcome !== 'completed') ? EXIT_FAILED : EXIT_OK;
}
