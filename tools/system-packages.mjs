// Where the test suite's system programs are: PgBouncer (the pooler tests) and Chromium (the docs site's browser
// test). Shared by tools/ensure-system-packages.mjs and the tests that start them.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The first executable file among `candidates`, then `names` on PATH. */
function find(candidates, names) {
  const onPath = (process.env.PATH ?? '').split(delimiter).flatMap((dir) => names.map((name) => join(dir, name)));
  return [...candidates, ...onPath].find((file) => file && existsSync(file));
}

export function findPgbouncer() {
  return find(['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'], ['pgbouncer']);
}

/** CHROMIUM_PATH, else Debian's chromium, Ubuntu's chromium-browser or Google Chrome (GitHub's Ubuntu runners have it). */
export function findChromium() {
  return find(
    [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
    ['chromium', 'chromium-browser', 'google-chrome'],
  );
}
