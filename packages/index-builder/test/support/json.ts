// The JSON files the CLI and the Action write, read back with the shapes that wrote them.
import { readFile } from 'node:fs/promises';
import type { ProblemRecord } from '../../src/registry/problems-json.ts';
import type { Report } from '../../src/builder/result.ts';

/** A `--json` / `report` file of one database's run (plan reports add `orphans`, read through toMatchObject). */
export async function readJsonReport(path: string): Promise<Report> {
  return JSON.parse(await readFile(path, 'utf8')) as Report;
}

/** A `check --json` file. */
export async function readProblemsJson(path: string): Promise<{ problems: ProblemRecord[] }> {
  return JSON.parse(await readFile(path, 'utf8')) as { problems: ProblemRecord[] };
}
