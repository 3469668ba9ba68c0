// `build` of a fleet from the CLI: the targets, the registry, then src/fleet's bounded, canaried run and its report.
import { DatabaseUrlError, withSslCa } from '../../db/url.ts';
import { fleetConsoleEvents, fleetEndLines } from '../../render/fleet-console.ts';
import { fleetShouldFail } from '../../fleet/report.ts';
import { runFleet } from '../../fleet/run.ts';
import { selectShard } from '../../fleet/shards.ts';
import { loadTargets, TargetsError, targetsFromUrls } from '../../fleet/targets.ts';
import type { Target } from '../../fleet/types.ts';
import { loadRegistry, type LoadedRegistry } from '../../registry/load.ts';
import { writeJsonReport } from '../../render/json.ts';
import { ExitCode, UsageError, type Io } from '../io.ts';
import { runSettingsOf } from '../options.ts';
import { loadOptions, reportProblems, requireRegistryFile } from '../registry-input.ts';
import type { FleetFlags } from './fleet-options.ts';

export async function buildFleet(flags: FleetFlags, io: Io): Promise<number> {
  const { targets, registry } = await loadFleetSetup(flags, io);
  if (!reportProblems(registry, io)) {
    io.err('Nothing was built: fix the registry first (index-builder check).');
    return flags.failOn === 'never' ? ExitCode.OK : ExitCode.FAILED;
  }
  if (targets.length === 0) {
    io.out(`Shard ${flags.shard!.index}/${flags.shard!.count} has no targets: nothing to do.`);
    return ExitCode.OK;
  }
  const shard = flags.shard ? `, shard ${flags.shard.index}/${flags.shard.count}` : '';
  io.out(`Fleet: ${targets.length} database(s), at most ${flags.concurrency} at once and ${flags.perHost} per server${shard}`);
  io.signal?.addEventListener('abort', () =>
    io.out(`⚠️  ${String(io.signal?.reason)} received: cancelling the running builds; databases not started yet are left for the next run`),
  );
  const fleet = await runFleet(registry.entries, targets, {
    concurrency: flags.concurrency,
    perHost: flags.perHost,
    ...(flags.canary !== undefined ? { canary: flags.canary } : {}),
    build: runSettingsOf(flags),
    ...(io.signal ? { signal: io.signal } : {}),
    events: fleetConsoleEvents(io.out),
  });
  for (const line of fleetEndLines(fleet)) io.out(line);
  if (flags.json) await writeJsonReport(flags.json, io.secrets?.redactDeep(fleet) ?? fleet);
  return fleetShouldFail(fleet, flags.failOn) ? ExitCode.FAILED : ExitCode.OK;
}

/** A fleet's targets and registry (problems and all); a bad targets file, URL or registry path is a {@link UsageError}. */
export async function loadFleetSetup(
  flags: Pick<FleetFlags, 'targets' | 'databaseUrl' | 'shard' | 'sslCa' | 'registry' | 'registryTimeout'>,
  io: Io,
): Promise<{ targets: Target[]; registry: LoadedRegistry }> {
  let targets: Target[];
  try {
    targets = await fleetTargets(flags, io);
  } catch (error) {
    if (error instanceof TargetsError || error instanceof DatabaseUrlError) throw new UsageError(error.message);
    throw error;
  }
  const registry = await loadRegistry(flags.registry, loadOptions(flags, io));
  requireRegistryFile(registry);
  return { targets, registry };
}

async function fleetTargets(flags: Pick<FleetFlags, 'targets' | 'databaseUrl' | 'shard' | 'sslCa'>, io: Io): Promise<Target[]> {
  const env = io.env;
  if (flags.targets !== undefined && flags.databaseUrl?.length) throw new TargetsError('give --targets or --database-url, not both');
  if (flags.shard && flags.targets === undefined) throw new TargetsError('--shard needs --targets (the shards are computed from its names)');
  const all = flags.targets !== undefined ? await loadTargets(flags.targets, env) : targetsFromUrls(flags.databaseUrl ?? []);
  // Every target's URL (from the file or its urlEnv variable) is hidden, those of other shards too.
  for (const target of all) io.secrets?.addUrl(target.url);
  const chosen = flags.shard ? selectShard(all, flags.shard) : all;
  return chosen.map((target) => (target.url ? { ...target, url: withSslCa(target.url, flags.sslCa) } : target));
}
