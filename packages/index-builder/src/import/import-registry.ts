// `index-builder import`: reads the live database's indexes and writes them as a registry file.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { connect, disconnect } from '../db/connection.ts';
import { describeTarget } from '../db/url.ts';
import { pinnedReadingSql } from '../db/statement-reading.ts';
import { problemText } from '@index-builder/sql-core/registry';
import { validateRegistry } from '@index-builder/sql-core/registry';
import { readIndexes, type CatalogIndex, type ImportFilter } from './catalog.ts';
import { entryFor } from './entries.ts';
import { formatOf, IMPORT_FORMATS, renderRegistry } from './render.ts';

export interface ImportOptions {
  url: string;
  output: string;
  force: boolean;
  filter: ImportFilter;
}

export interface ImportResult {
  imported: number;
  /** Invalid indexes (a failed CREATE INDEX CONCURRENTLY left them), `schema.name`: not imported. */
  invalid: string[];
  /** Entries without a description (the index had no comment). */
  undescribed: number;
  /** Entries that would not pass `index-builder check`, as `name: problem` (none expected). */
  problems: string[];
}

/** A refusal to import, said in one line (bad output path, existing file). */
export class ImportError extends Error {}

function alreadyExists(output: string): ImportError {
  return new ImportError(`${output} already exists; pass --force to overwrite it, or choose another --output`);
}

export async function importRegistry(options: ImportOptions): Promise<ImportResult> {
  const format = formatOf(options.output);
  if (!format) {
    throw new ImportError(`cannot write "${options.output}": the output's extension says the format; use ${Object.keys(IMPORT_FORMATS).join(' ')}`);
  }
  if (!options.force && existsSync(options.output)) throw alreadyExists(options.output);
  const client = await connect(options.url);
  let indexes: CatalogIndex[];
  try {
    // pg_get_indexdef prints string constants as standard_conforming_strings says: pinned as check reads them, for
    // this transaction only (import makes no pooler check, and leaves nothing behind on the server connection).
    await client.query(`BEGIN READ ONLY; ${pinnedReadingSql('transaction')}`);
    indexes = await readIndexes(client, options.filter);
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    await disconnect(client);
  }
  const entries = indexes.filter((index) => index.valid).map(entryFor);
  const { problems } = validateRegistry(entries, options.output, (i) => i + 1);
  const header = `Imported from ${describeTarget(options.url)} by index-builder import; review each entry, then run index-builder check.`;
  const text = renderRegistry(entries, format, header);
  await mkdir(dirname(options.output), { recursive: true });
  try {
    await writeFile(options.output, text, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? alreadyExists(options.output) : error;
  }
  return {
    imported: entries.length,
    invalid: indexes.filter((index) => !index.valid).map((index) => `${index.schema}.${index.name}`),
    undescribed: entries.filter((entry) => entry.description === undefined).length,
    problems: problems.map(problemText),
  };
}
