// What every command shares: its I/O (Io), the exit codes, and UsageError, the one way a command reports a usage
// problem (main prints it and exits USAGE).
import type { Secrets } from '../db/secrets.ts';

/** The CLI's exit codes. A command resolves to one of OK, FAILED, USAGE; main adds the signals'. */
export const ExitCode = {
  OK: 0,
  FAILED: 1,
  USAGE: 2,
  /** 128 + the signal's number, as a shell reports a process the signal ended. */
  SIGINT: 130,
  SIGTERM: 143,
} as const;

export interface Io {
  // Function properties, not methods: the writers are passed on alone (consoleEvents(io.out)), without `this`.
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Aborted when the process receives SIGINT or SIGTERM. */
  signal?: AbortSignal;
  /** The run's secrets, hidden from `out`, `err` and the JSON files (set by main; a fleet adds its targets' URLs). */
  secrets?: Secrets;
}

/** A usage problem (a bad option value, a missing file or URL): main prints `index-builder: message` and exits USAGE. */
export class UsageError extends Error {}

/** What a JSON file of ours is given: the value with the run's secrets hidden. */
export function redactedJson<T>(io: Io, value: T): T {
  return io.secrets ? io.secrets.redactDeep(value) : value;
}
