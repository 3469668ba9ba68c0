// `index-builder plan`: what build would do for each index, of one database or (fleet-plan.ts) of each of a fleet.
// Changes nothing.
import { Command, Option } from 'commander';
import { loadRegistry } from '../../registry/load.ts';
import { writeJsonReport } from '../../render/json.ts';
import { databaseUrl } from '../database-url.ts';
import { ExitCode, redactedJson, type Io } from '../io.ts';
import { parseWindow } from '../../builder/window.ts';
import { healthOptions, registryOption, registryTimeoutOption, sslCaOption, whatBuildDoesOptions } from '../options.ts';
import { loadOptions, reportProblems, requireRegistryFile } from '../registry-input.ts';
import { fleetOptions, isFleetRun, repeatedUrlOption } from './fleet-options.ts';
import type { FleetPlanFlags } from './fleet-plan.ts';

export function declarePlan(program: Command): Command {
  const command = program
    .command('plan')
    .description('show what build would do for each index (of one database, or of each of a fleet); changes nothing')
    .addOption(registryOption())
    .addOption(registryTimeoutOption())
    .addOption(repeatedUrlOption('plan'))
    .addOption(sslCaOption());
  for (const option of whatBuildDoesOptions()) command.addOption(option);
  command.addOption(new Option('--json <file>', 'write the report build would give, as JSON'));
  for (const option of fleetOptions('plan')) command.addOption(option);
  command.addOption(healthOptions().find((option) => option.long === '--window')!);
  return command;
}

export async function runPlan(flags: FleetPlanFlags & { window?: string }, io: Io): Promise<number> {
  if (isFleetRun(flags)) {
    const { runFleetPlan } = await import('./fleet-plan.ts');
    return runFleetPlan(flags, io);
  }
  const url = databaseUrl(flags.databaseUrl?.[0] ?? io.env.DATABASE_URL, flags.sslCa);
  const registry = await loadRegistry(flags.registry, loadOptions(flags, io));
  requireRegistryFile(registry);
  if (!reportProblems(registry, io)) return ExitCode.FAILED;
  const { plan } = await import('../../builder/plan.ts');
  const result = await plan(registry.entries, url, {
    onDrift: flags.onDrift,
    prune: flags.prune,
    pruneInclude: flags.pruneInclude,
    pruneMax: flags.pruneMax,
    // --window was checked as it was parsed.
    ...(flags.window?.trim() ? { window: parseWindow(flags.window.trim()) } : {}),
  });
  for (const line of result.lines) io.out(line);
  if (flags.json) await writeJsonReport(flags.json, redactedJson(io, result.report));
  return result.error ? ExitCode.FAILED : ExitCode.OK;
}
