// `index-builder shards`: splits a targets file into K shards for a GitHub matrix.
import { Command } from 'commander';
import { shardMatrix } from '../../fleet/shards.ts';
import { ExitCode, UsageError, type Io } from '../io.ts';
import { positiveIntegerOption } from '../options.ts';

interface ShardsFlags {
  targets: string;
  shards: number;
}

export function declareShards(program: Command): Command {
  return program
    .command('shards')
    .description('split a targets file into K shards for a GitHub matrix; prints { "include": [{ "shard": "i/K", "targets": [...] }] }')
    .requiredOption('--targets <file>', 'the targets file (YAML or JSON)')
    .requiredOption('--shards <k>', 'how many shards', positiveIntegerOption);
}

export async function runShards(flags: ShardsFlags, io: Io): Promise<number> {
  const { loadTargets, TargetsError } = await import('../../fleet/targets.ts');
  try {
    // Names only: the URLs are not needed (and their variables may not be set in this job).
    const targets = await loadTargets(flags.targets, {});
    io.out(JSON.stringify(shardMatrix(targets, flags.shards)));
    return ExitCode.OK;
  } catch (error) {
    if (error instanceof TargetsError) throw new UsageError(error.message);
    throw error;
  }
}
