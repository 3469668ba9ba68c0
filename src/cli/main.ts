// The command line. Each command loads what it needs when it runs: `check` never loads pg, the builder or the fleet.
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { SETTING_DEFAULTS } from '../defaults.ts';
import { registryFileError } from '../registry/file-error.ts';
import { loadRegistry, type LoadedRegistry } from '../registry/load.ts';
import { problemText } from '../registry/problems.ts';
import { writeProblemsJson } from '../registry/problems-json.ts';
import { RegistryLoadStopped } from '../registry/sandbox.ts';
import { consoleEvents } from '../report/console.ts';
import { writeJsonReport } from '../report/json.ts';
import { safeLine } from '../report/safe-text.ts';
import { secretsFromEnv, type Secrets } from '../report/secrets.ts';
import { shouldFail, type FailOn } from '../report/types.ts';
import { parseDuration } from '../util/duration.ts';
import { databaseUrl, isDatabaseUrlError } from './database-url.ts';
import { addShardsCommand, fleetOptions, isFleetRun, repeatedUrlOption, type FleetFlags } from './fleet-command.ts';
import type { FleetPlanFlags } from './fleet-plan.ts';
import { addImportCommand } from './import-command.ts';
import {
  durationOption,
  failOnOption,
  healthOptions,
  onDriftOption,
  positiveIntegerOption,
  pruneIncludeOption,
  runSettingsOf,
  wholeNumberOption,
  type RunSettingFlags,
} from './options.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** 128 + the signal's number, as a shell reports a process the signal ended. */
const EXIT_SIGINT = 130;
const EXIT_SIGTERM = 143;

export interface Io {
  // Function properties, not methods: the writers are passed on alone (consoleEvents(io.out)), without `this`.
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Aborted when the process receives SIGINT or SIGTERM. */
  signal?: AbortSignal;
  /** The run's secrets, hidden from `out`, `err` and the JSON files (set by main; a fleet adds its targets' URLs). */
  secrets?: Secrets;
}

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

interface BuildFlags extends RunSettingFlags {
  registry: string;
  registryTimeout?: number;
  databaseUrl?: string;
  sslCa?: string;
  failOn: FailOn;
  json?: string;
}

/** Runs the CLI and resolves to its exit code; never throws. */
export async function main(argv: readonly string[], rawIo: Io = processIo): Promise<number> {
  const io = guardedIo(rawIo, argv);
  let exitCode = EXIT_OK;
  const program = new Command('index-builder')
    .description('Build PostgreSQL performance indexes concurrently and idempotently, after migrations.')
    .version(packageJson.version, '-V, --version')
    .configureOutput({ writeOut: (s) => linesOf(s).forEach(io.out), writeErr: (s) => linesOf(s).forEach(io.err) })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  const registryOption = () =>
    new Option('-r, --registry <file>', 'registry file (.ts .mts .js .mjs .json .yaml .yml)').default(SETTING_DEFAULTS.registry);
  const registryTimeoutOption = () =>
    new Option(
      '--registry-timeout <duration>',
      'stop a .ts/.js registry still loading after this long, 0 for never (default: $INDEX_BUILDER_REGISTRY_TIMEOUT, else 60s)',
    ).argParser(durationOption);
  // Build's options that change what it does; plan takes them too, to say exactly what build would do.
  const onDriftFlag = () =>
    new Option('--on-drift <what>', 'a valid index whose definition differs from the registry: report it, or rebuild it concurrently and swap')
      .default(SETTING_DEFAULTS['on-drift'])
      .argParser(onDriftOption);
  const pruneFlag = () => new Option('--prune', 'drop indexes index-builder built that the registry no longer declares').default(false);
  const pruneIncludeFlag = () =>
    new Option('--prune-include <classes>', '--prune may also drop: adopted, unique, constraint, shrunk-registry (comma-separated)')
      .default([], 'none')
      .argParser(pruneIncludeOption);
  const pruneMaxFlag = () =>
    new Option('--prune-max <n>', '--prune drops at most this many indexes in one run')
      .default(Number(SETTING_DEFAULTS['prune-max']))
      .argParser(wholeNumberOption);
  const sslCaOption = () =>
    new Option('--ssl-ca <file>', 'CA certificate to verify the server with (sslmode verify-full unless the URL says otherwise)');

  program
    .command('check')
    .description('validate the registry offline with the PostgreSQL parser; exit 0 valid, 1 invalid')
    .addOption(registryOption())
    .addOption(registryTimeoutOption())
    .addOption(new Option('--json <file>', 'also write the problems as JSON: { problems: [{ file, line, code, field, message, fix }] }'))
    .action(async (flags: { registry: string; registryTimeout?: number; json?: string }) => {
      const registry = await loadRegistry(flags.registry, loadOptions(flags, io));
      if (reportFileError(registry, io)) return void (exitCode = EXIT_USAGE);
      if (flags.json) await writeProblemsJson(flags.json, redactedJson(io, registry.problems));
      if (!reportProblems(registry, io)) return void (exitCode = EXIT_FAILED);
      io.out(`✅ ${registry.file}: ${registry.entries.length} index(es), all valid`);
    });

  const planCommand = program
    .command('plan')
    .description('show what build would do for each index (of one database, or of each of a fleet); changes nothing')
    .addOption(registryOption())
    .addOption(registryTimeoutOption())
    .addOption(repeatedUrlOption('plan'))
    .addOption(sslCaOption())
    .addOption(onDriftFlag())
    .addOption(pruneFlag())
    .addOption(pruneIncludeFlag())
    .addOption(pruneMaxFlag())
    .addOption(new Option('--json <file>', 'write the report build would give, as JSON'))
    .action(async (flags: FleetPlanFlags) => {
      if (isFleetRun(flags)) {
        const { runFleetPlan } = await import('./fleet-plan.ts');
        return void (exitCode = await runFleetPlan(flags, io, (registry) => reportProblems(registry, io)));
      }
      const url = await databaseUrl(flags.databaseUrl?.[0] ?? io.env.DATABASE_URL, flags.sslCa);
      const registry = await loadRegistry(flags.registry, loadOptions(flags, io));
      if (reportFileError(registry, io)) return void (exitCode = EXIT_USAGE);
      if (!reportProblems(registry, io)) return void (exitCode = EXIT_FAILED);
      const { plan } = await import('../builder/plan.ts');
      const result = await plan(registry.entries, url, {
        onDrift: flags.onDrift,
        prune: flags.prune,
        pruneInclude: flags.pruneInclude,
        pruneMax: flags.pruneMax,
        ...windowOf(flags as { window?: string }),
      });
      for (const line of result.lines) io.out(line);
      if (flags.json) await writeJsonReport(flags.json, redactedJson(io, result.report));
      if (result.error) exitCode = EXIT_FAILED;
    });

  for (const option of fleetOptions('plan')) planCommand.addOption(option);
  planCommand.addOption(healthOptions().find((option) => option.long === '--window')!);

  const buildCommand = program
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
    )
    .addOption(onDriftFlag())
    .addOption(pruneFlag())
    .addOption(pruneIncludeFlag())
    .addOption(pruneMaxFlag())
    .addOption(new Option('--json <file>', 'write the report as JSON; restore.sql goes beside it'))
    .action(async (flags: FleetFlags) => {
      if (isFleetRun(flags)) {
        const { runFleetBuild } = await import('./fleet-build.ts');
        exitCode = await runFleetBuild(flags, io, (registry) => reportProblems(registry, io));
      } else exitCode = await runBuild({ ...flags, databaseUrl: flags.databaseUrl?.[0] }, io);
    });
  for (const option of [...fleetOptions(), ...healthOptions()]) buildCommand.addOption(option);
  addShardsCommand(program, io, (code) => (exitCode = code));

  addImportCommand(program, io, (code) => void (exitCode = code));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof RegistryLoadStopped) {
      io.err(`index-builder: ${error.message}; nothing was done`);
      return error.signalName === 'SIGINT' ? EXIT_SIGINT : EXIT_SIGTERM;
    }
    if (await isDatabaseUrlError(error)) {
      io.err(`index-builder: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
    io.err(`index-builder: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  }
}

async function runBuild(flags: BuildFlags, io: Io): Promise<number> {
  const url = await databaseUrl(flags.databaseUrl ?? io.env.DATABASE_URL, flags.sslCa);
  // The builder first, so its connections authenticate, and the pooler check runs, while the registry loads; the
  // lock and everything after it wait for a valid registry.
  const [{ build, openRun }, { whileOpening }] = await Promise.all([import('../builder/build.ts'), import('../builder/sessions.ts')]);
  const settings = runSettingsOf(flags);
  const sessions = openRun(url, settings);
  const registry = await whileOpening(sessions, loadRegistry(flags.registry, loadOptions(flags, io)), (loaded) => loaded.problems.length === 0);
  if (reportFileError(registry, io)) return EXIT_USAGE;
  if (!reportProblems(registry, io)) {
    io.err('Nothing was built: fix the registry first (index-builder check).');
    return flags.failOn === 'never' ? EXIT_OK : EXIT_FAILED;
  }
  const events = consoleEvents(io.out);
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
  const { appendRestoreFile, restoreFilePath } = await import('../builder/restore.ts');
  const { describeTarget } = await import('../builder/connection.ts');
  // restore.sql holds the database's own definitions; written with the same care as the JSON report.
  const restore = await appendRestoreFile(restoreFilePath(flags.json), safeReport, redactedJson(io, describeTarget(url)));
  if (restore) io.out(`Statements that undo this run's drops and swaps were appended to ${restore}`);
  if (report.outcome === 'another-builder') return EXIT_OK;
  return shouldFail(report, flags.failOn) ? EXIT_FAILED : EXIT_OK;
}

/** plan --window: the window build would be given. */
function windowOf(flags: { window?: string }) {
  const { window } = runSettingsOf({ window: flags.window } as RunSettingFlags);
  return window ? { window } : {};
}

/** The registry's deadline (--registry-timeout) and the run's signal, which stops loading too. */
function loadOptions(flags: { registryTimeout?: number }, io: Io) {
  return { timeoutMs: flags.registryTimeout, signal: io.signal };
}

/** A registry path that names no usable file: prints the one-line usage error and returns true. */
function reportFileError(registry: LoadedRegistry, io: Io): boolean {
  const error = registryFileError(registry, '--registry');
  if (error) io.err(`index-builder: ${error}`);
  return error !== undefined;
}

/** Prints each registry problem as `file:line: message`; true when there were none. */
function reportProblems(registry: LoadedRegistry, io: Io): boolean {
  for (const problem of registry.problems) io.err(`${problem.location.file}:${problem.location.line}: ${problemText(problem)}`);
  if (registry.problems.length > 0) {
    io.err(`${registry.problems.length} problem(s) in ${registry.file}`);
    return false;
  }
  return true;
}

/**
 * The one way out for every line the CLI prints: each call is one line, whose secrets are hidden and whose external
 * text cannot pass for a workflow command when a GitHub runner reads it (src/report/safe-text.ts). The secrets
 * known at the start: $DATABASE_URL, $PGPASSWORD, and any URL among the arguments.
 */
function guardedIo(io: Io, argv: readonly string[]): Io {
  const secrets = io.secrets ?? secretsFromEnv(io.env);
  for (const word of argv) for (const url of [word, word.replace(/^(-d|--database-url=)/, '')]) secrets.addUrl(url);
  return {
    ...io,
    out: (line) => io.out(safeLine(secrets.redact(line))),
    err: (line) => io.err(safeLine(secrets.redact(line))),
    secrets,
  };
}

/** Commander's text (help, usage errors), one line per call, without the trailing newline. */
function linesOf(text: string): string[] {
  return text.trimEnd().split(/\r\n|\r|\n/);
}

/** What a JSON file of ours is given: the value with the run's secrets hidden. */
function redactedJson<T>(io: Io, value: T): T {
  return io.secrets ? io.secrets.redactDeep(value) : value;
}
