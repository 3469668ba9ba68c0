// Types of system-packages.mjs, for the TypeScript tests that import it.
/** The path of the pgbouncer executable, if it is installed. */
export function findPgbouncer(): string | undefined;
/** The path of a Chromium (or Chrome) executable, if one is installed. */
export function findChromium(): string | undefined;
