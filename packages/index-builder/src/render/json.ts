import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FleetReport } from '../fleet/types.ts';
import type { Report } from '../builder/result.ts';

/** Writes the report (or a fleet's) as JSON (the shape of Report and FleetReport), creating the folder when needed. */
export async function writeJsonReport(path: string, report: Report | FleetReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
}
