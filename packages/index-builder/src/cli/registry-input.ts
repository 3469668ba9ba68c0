// The registry a command names: how it is loaded, and what is printed when it is missing or has problems.
import { problemText } from '@index-builder/sql-core/registry';
import { registryFileError } from '../registry/file-error.ts';
import type { LoadedRegistry } from '../registry/load.ts';
import { UsageError, type Io } from './io.ts';

/** The registry's deadline (--registry-timeout) and the run's signal, which stops loading too. */
export function loadOptions(flags: { registryTimeout?: number }, io: Io) {
  return { timeoutMs: flags.registryTimeout, signal: io.signal };
}

/** A registry path that names no usable file is a usage error. */
export function requireRegistryFile(registry: LoadedRegistry): void {
  const error = registryFileError(registry, '--registry');
  if (error) throw new UsageError(error);
}

/** Prints each registry problem as `file:line: message`; true when there were none. */
export function reportProblems(registry: LoadedRegistry, io: Io): boolean {
  for (const problem of registry.problems) io.err(`${problem.location.file}:${problem.location.line}: ${problemText(problem)}`);
  if (registry.problems.length > 0) {
    io.err(`${registry.problems.length} problem(s) in ${registry.file}`);
    return false;
  }
  return true;
}
