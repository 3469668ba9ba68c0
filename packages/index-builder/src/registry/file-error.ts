// A registry path that names no readable registry file (missing, unreadable, an extension index-builder cannot
// read) is a mistake in the command or the workflow, not in the registry: a usage error that stops the run whatever
// `fail-on` says, like a missing targets file. Problems inside a readable registry stay governed by `fail-on`.
import type { LoadedRegistry } from './load.ts';

const FILE_CODES = new Set(['file-not-found', 'file-unreadable', 'unsupported-file-type']);

/**
 * One line naming the path and the fix when the registry file itself cannot be used; undefined otherwise.
 * `setting` is how the path is given: `--registry` on the command line, the `registry` input in the Action.
 */
export function registryFileError(registry: LoadedRegistry, setting: string): string | undefined {
  const problem = registry.problems.find((p) => FILE_CODES.has(p.code));
  if (!problem) return undefined;
  if (problem.code === 'file-not-found') {
    return `${registry.file}: registry file not found; pass the right path with ${setting}, or write one with index-builder import`;
  }
  return `${registry.file}: ${problem.message}; ${problem.code === 'unsupported-file-type' ? problem.fix : `pass a readable file with ${setting}`}`;
}
