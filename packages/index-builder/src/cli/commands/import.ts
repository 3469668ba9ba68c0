// `index-builder import`: writes a registry from a database's existing indexes (src/import).
import { Command, Option } from 'commander';
import { describeError } from '../../db/errors.ts';
import { databaseUrl } from '../database-url.ts';
import { ExitCode, UsageError, type Io } from '../io.ts';

interface ImportFlags {
  databaseUrl?: string;
  sslCa?: string;
  output: string;
  force?: boolean;
  schema: string[];
  table: string[];
}

/** `--schema a --schema b` and `--schema a,b` both give [a, b]. */
function collectNames(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  ];
}

export function declareImport(program: Command): Command {
  return program
    .command('import')
    .description("write a registry from the database's existing indexes (primary keys, constraints' indexes and system schemas left out)")
    .addOption(new Option('-d, --database-url <url>', 'PostgreSQL URL (default: $DATABASE_URL)'))
    .addOption(new Option('--ssl-ca <file>', 'CA certificate to verify the server with'))
    .addOption(new Option('-o, --output <file>', 'registry to write; its extension says the format: .ts .json .yaml .yml').default('db/indexes.ts'))
    .addOption(new Option('--force', 'overwrite the output file if it exists'))
    .addOption(
      new Option('--schema <names>', 'only these schemas; repeat the option or separate names with commas')
        .default([], 'all but system schemas')
        .argParser(collectNames),
    )
    .addOption(
      new Option('--table <names>', 'only these tables (table or schema.table); repeat the option or separate names with commas')
        .default([], 'all')
        .argParser(collectNames),
    );
}

export async function runImport(flags: ImportFlags, io: Io): Promise<number> {
  const url = databaseUrl(flags.databaseUrl ?? io.env.DATABASE_URL, flags.sslCa);
  const { importRegistry, ImportError } = await import('../../import/import-registry.ts');
  try {
    const result = await importRegistry({
      url,
      output: flags.output,
      force: flags.force === true,
      filter: { schemas: flags.schema, tables: flags.table },
    });
    io.out(`✅ Wrote ${result.imported} index(es) to ${flags.output}`);
    if (result.invalid.length > 0) {
      io.out(
        `⚠️  Left out ${result.invalid.length} invalid index(es) (a CREATE INDEX CONCURRENTLY that failed or is still running): ${result.invalid.join(', ')}; ` +
          'declare the ones you want and build rebuilds them, or DROP INDEX CONCURRENTLY the others',
      );
    }
    if (result.undescribed > 0)
      io.out(`ℹ️  ${result.undescribed} entry(ies) have no description (the index has no comment): say what each index is for`);
    for (const problem of result.problems) io.err(`⚠️  ${problem}`);
    io.out(`Next: review ${flags.output}, then run index-builder check and index-builder plan`);
    return result.problems.length > 0 ? ExitCode.FAILED : ExitCode.OK;
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(error.message);
    io.err(`index-builder: ${describeError(error, url)}`);
    return ExitCode.FAILED;
  }
}
