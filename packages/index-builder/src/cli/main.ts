// The command line: the program, its commands (one module each under commands/) and how an error becomes the exit
// code. Each command loads what it needs when it runs: `check` and `--help` never load pg, the builder or the fleet.
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { RegistryLoadStopped } from '../registry/sandbox.ts';
import { safeLine } from '../render/safe-text.ts';
import { secretsFromEnv } from '../db/secrets.ts';
import { declareBuild, runBuildCommand } from './commands/build.ts';
import { declareCheck, runCheck } from './commands/check.ts';
import { declareImport, runImport } from './commands/import.ts';
import { declarePlan, runPlan } from './commands/plan.ts';
import { declareShards, runShards } from './commands/shards.ts';
import { ExitCode, UsageError, type Io } from './io.ts';

const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

/** Runs the CLI and resolves to its exit code; never throws. */
export async function main(argv: readonly string[], rawIo: Io = processIo): Promise<number> {
  const io = guardedIo(rawIo, argv);
  let exitCode: number = ExitCode.OK;
  /** A command's action: its run, whose exit code becomes the CLI's. */
  const exitWith =
    <Flags>(run: (flags: Flags, io: Io) => Promise<number>) =>
    async (flags: Flags) => {
      exitCode = await run(flags, io);
    };
  const program = new Command('index-builder')
    .description('Build PostgreSQL performance indexes concurrently and idempotently, after migrations.')
    .version(packageJson.version, '-V, --version')
    .configureOutput({ writeOut: (s) => linesOf(s).forEach(io.out), writeErr: (s) => linesOf(s).forEach(io.err) })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  declareCheck(program).action(exitWith(runCheck));
  declarePlan(program).action(exitWith(runPlan));
  declareBuild(program).action(exitWith(runBuildCommand));
  declareShards(program).action(exitWith(runShards));
  declareImport(program).action(exitWith(runImport));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? ExitCode.OK : ExitCode.USAGE;
    }
    if (error instanceof RegistryLoadStopped) {
      io.err(`index-builder: ${error.message}; nothing was done`);
      return error.signalName === 'SIGINT' ? ExitCode.SIGINT : ExitCode.SIGTERM;
    }
    io.err(`index-builder: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof UsageError ? ExitCode.USAGE : ExitCode.FAILED;
  }
}

/**
 * The one way out for every line the CLI prints: each call is one line, whose secrets are hidden and whose external
 * text cannot pass for a workflow command when a GitHub runner reads it (render/safe-text.ts). The secrets
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
