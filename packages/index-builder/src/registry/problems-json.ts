// `check --json FILE`: the registry's problems as data, for CI tools and editors that key on `code`.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ProblemCode } from '@index-builder/sql-core/registry';
import type { RegistryProblem } from '@index-builder/sql-core/registry';

export interface ProblemRecord {
  file: string;
  line: number;
  code: ProblemCode;
  field: string | null;
  message: string;
  fix: string | null;
}

function problemRecords(problems: readonly RegistryProblem[]): { problems: ProblemRecord[] } {
  return {
    problems: problems.map((p) => ({
      file: p.location.file,
      line: p.location.line,
      code: p.code,
      field: p.field ?? null,
      message: p.message,
      fix: p.fix ?? null,
    })),
  };
}

/** Writes `{ problems: [...] }` (an empty list when the registry is valid), creating the folder when needed. */
export async function writeProblemsJson(path: string, problems: readonly RegistryProblem[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(problemRecords(problems), null, 2)}\n`);
}
