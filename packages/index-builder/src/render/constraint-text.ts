// How an entry's constraint (registry `constraint`) reads in the console log and the job summary. A failed one
// needs no words of its own: the entry is failed and its error says what happened to the constraint.
import type { IndexResult } from '../builder/result.ts';

export function constraintNote(result: IndexResult): string | undefined {
  const constraint = result.constraint;
  if (!constraint || constraint.status === 'failed') return undefined;
  const what = `${constraint.type === 'unique' ? 'Unique constraint' : 'Primary key'} ${constraint.name}`;
  if (constraint.status === 'present') return `${what} already in place`;
  const retries = constraint.attempts > 1 ? ` after ${constraint.attempts} attempts` : '';
  return `${what} attached to the index${retries}`;
}
