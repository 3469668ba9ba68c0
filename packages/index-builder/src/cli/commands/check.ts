// `index-builder check`: validates the registry offline with the PostgreSQL parser. Loads neither pg nor the builder.
import { Command, Option } from 'commander';
import { loadRegistry } from '../../registry/load.ts';
import { writeProblemsJson } from '../../registry/problems-json.ts';
import { ExitCode, redactedJson, type Io } from '../io.ts';
import { registryOption, registryTimeoutOption } from '../options.ts';
import { loadOptions, reportProblems, requireRegistryFile } from '../registry-input.ts';

interface CheckFlags {
  registry: string;
  registryTimeout?: number;
  json?: string;
}

export function declareCheck(program: Command): Command {
  return program
    .command('check')
    .description('validate the registry offline with the PostgreSQL parser; exit 0 valid, 1 invalid')
    .addOption(registryOption())
    .addOption(registryTimeoutOption())
    .addOption(new Option('--json <file>', 'also write the problems as JSON: { problems: [{ file, line, code, field, message, fix }] }'));
}

export async function runCheck(flags: CheckFlags, io: Io): Promise<number> {
  const registry = await loadRegistry(flags.registry, loadOptions(flags, io));
  requireRegistryFile(registry);
  if (flags.json) await writeProblemsJson(flags.json, redactedJson(io, registry.problems));
  if (!reportProblems(registry, io)) return ExitCode.FAILED;
  io.out(`✅ ${registry.file}: ${registry.entries.length} index(es), all valid`);
  return ExitCode.OK;
}
