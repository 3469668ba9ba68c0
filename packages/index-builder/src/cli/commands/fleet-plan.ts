// `plan` of a fleet from the CLI (`plan --targets FILE`, or several --database-url): each database's plan, bounded
// like a fleet build, then the fleet's table; `--json` writes `{ targets: [{ name, outcome, report }] }` as a fleet
// build does. Exits 1 when a database could not be planned (as `plan` does for one), after planning all the others.
import type { OnDrift } from '../../builder/decide.ts';
import type { PruneClass } from '../../builder/prune-classes.ts';
import { fleetPlanConsoleEvents, fleetPlanEndLines } from '../../render/fleet-console.ts';
import { planFleet } from '../../fleet/plan.ts';
import { writeJsonReport } from '../../render/json.ts';
import { ExitCode, type Io } from '../io.ts';
import { reportProblems } from '../registry-input.ts';
import { loadFleetSetup } from './fleet-build.ts';
import type { FleetFlags } from './fleet-options.ts';

export type FleetPlanFlags = Pick<
  FleetFlags,
  'registry' | 'registryTimeout' | 'databaseUrl' | 'targets' | 'sslCa' | 'concurrency' | 'perHost' | 'shard' | 'json'
> & {
  onDrift: OnDrift;
  prune: boolean;
  pruneInclude: PruneClass[];
  pruneMax: number;
};

export async function runFleetPlan(flags: FleetPlanFlags, io: Io): Promise<number> {
  const { targets, registry } = await loadFleetSetup(flags, io);
  if (!reportProblems(registry, io)) return ExitCode.FAILED;
  if (targets.length === 0) {
    io.out(`Shard ${flags.shard!.index}/${flags.shard!.count} has no targets: nothing to plan.`);
    return ExitCode.OK;
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
  return fleet.targets.some((target) => target.outcome !== 'completed') ? ExitCode.FAILED : ExitCode.OK;
}
