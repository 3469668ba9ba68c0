// `index-builder build`: creates missing indexes and rebuilds invalid ones, of one database or (fleet-build.ts) of
// each of a fleet, and reports; exits 0 unless --fail-on says otherwise.
import { Command, Option } from 'commander';
import { shouldFail } from '../../builder/result.ts';
import { describeTarget } from '../../db/url.ts';
import { SETTING_DEFAULTS } from '../../defaults.ts';
import { loadRegistry } from '../../registry/load.ts';
import { consoleEvents } from '../../render/console.ts';
import { writeJsonReport } from '../../render/json.ts';
import { parseDuration } from '../../util/duration.ts';
import { databaseUrl } from '../database-url.ts';
import { ExitCode, redactedJson, type Io } from '../io.ts';
import {
  durationOption,
  failOnOption,
  healthOptions,
  positiveIntegerOption,
  registryOption,
  registryTimeoutOption,
  runSettingsOf,
  sslCaOption,
  whatBuildDoesOptions,
} from '../options.ts';
import { loadOptions, reportProblems, requireRegistryFile } from '../registry-input.ts';
import { fleetOptions, isFleetRun, repeatedUrlOption, type FleetFlags } from './fleet-options.ts';

type OneDatabaseFlags = Omit<FleetFlags, 'databaseUrl'> & { databaseUrl?: string };

export function declareBuild(program: Command): Command {
  const command = program
    .command('build')
    .description('create missing indexes, rebuild invalid ones, report; exits 0 unless --fail-on says otherwise')
    .addOption(registryOption())
    .addOption(registryTimeoutOption())
    .addOption(repeatedUrlOption())
    .addOption(sslCaOption())
    .addOption(
      new Option('--lock-timeout <duration>', 'lock_timeout for each attempt')
        .default(parseDuration(SETTING_DEFAULTS['lock-timeout']), SETTING_DEFAULTS['lock-timeout'])
        .argParser(durationOption),
    )
    .addOption(
      new Option('--max-attempts <n>', 'attempts per index on lock conflicts')
        .default(Number(SETTING_DEFAULTS['max-attempts']))
        .argParser(positiveIntegerOption),
    )
    .addOption(
      new Option('--statement-timeout <duration>', 'statement_timeout for each build (0: none)')
        .default(parseDuration(SETTING_DEFAULTS['statement-timeout']))
        .argParser(durationOption),
    )
    .addOption(new Option('--time-budget <duration>', 'start no new build after this long; the rest are deferred').argParser(durationOption))
    .addOption(
      new Option('--progress-interval <duration>', 'how often to print build progress')
        .default(parseDuration(SETTING_DEFAULTS['progress-interval']), SETTING_DEFAULTS['progress-interval'])
        .argParser(durationOption),
    )
    .addOption(
      new Option('--fail-on <when>', 'exit 1 when: never, a critical index failed, any index failed')
        .default(SETTING_DEFAULTS['fail-on'])
        .argParser(failOnOption),
    );
  for (const option of whatBuildDoesOptions()) command.addOption(option);
  command.addOption(new Option('--json <file>', 'write the report as JSON; restore.sql goes beside it'));
  for (const option of [...fleetOptions(), ...healthOptions()]) command.addOption(option);
  return command;
}

export async function runBuildCommand(flags: FleetFlags, io: Io): Promise<number> {
  if (isFleetRun(flags)) {
    const { buildFleet } = await import('./fleet-build.ts');
    return buildFleet(flags, io);
  }
  return buildOneDatabase({ ...flags, databaseUrl: flags.databaseUrl?.[0] }, io);
}

async function buildOneDatabase(flags: OneDatabaseFlags, io: Io): Promise<number> {
  const url = databaseUrl(flags.databaseUrl ?? io.env.DATABASE_URL, flags.sslCa);
  // The builder first, so its connections authenticate, and the pooler check runs, while the registry loads; the
  // lock and everything after it wait for a valid registry.
  const [{ build, openRun }, { whileOpening }] = await Promise.all([import('../../builder/build.ts'), import('../../builder/sessions.ts')]);
  const settings = runSettingsOf(flags);
  const sessions = openRun(url, settings);
  const registry = await whileOpening(sessions, loadRegistry(flags.registry, loadOptions(flags, io)), (loaded) => loaded.problems.length === 0);
  requireRegistryFile(registry);
  if (!reportProblems(registry, io)) {
    io.err('Nothing was built: fix the registry first (index-builder check).');
    return flags.failOn === 'never' ? ExitCode.OK : ExitCode.FAILED;
  }
  const events = consoleEvents(io.out, undefined, { failOn: flags.failOn });
  io.signal?.addEventListener('abort', () => events.cancelling(String(io.signal?.reason)));
  const report = await build(registry.entries, {
    ...settings,
    url,
    ...(io.signal ? { signal: io.signal } : {}),
    events,
    sessions,
  });
  const safeReport = redactedJson(io, report);
  if (flags.json) await writeJsonReport(flags.json, safeReport);
  const { appendRestoreFile, restoreFilePath } = await import('../../builder/restore.ts');
  // restore.sql holds the database's own definitions; written with the same care as the JSON report.
  const restore = await appendRestoreFile(restoreFilePath(flags.json), safeReport, redactedJson(io, describeTarget(url)));
  if (restore) io.out(`Statements that undo this run's drops and swaps were appended to ${restore}`);
  if (report.outcome === 'another-builder') return ExitCode.OK;
  return shouldFail(report, flags.failOn) ? ExitCode.FAILED : ExitCode.OK;
}
