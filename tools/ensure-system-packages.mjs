// Run first by `npm test`: makes sure PgBouncer and Chromium are installed. When one is missing on Debian or Ubuntu it
// installs it with apt-get (as root, or through passwordless sudo); otherwise it fails with one line giving the exact
// command to run. When both are there it only looks at a few paths.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findChromium, findPgbouncer } from './system-packages.mjs';

function osRelease() {
  if (!existsSync('/etc/os-release')) return {};
  return Object.fromEntries(
    readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line))
      .filter(Boolean)
      .map(([, key, value]) => [key, value.replace(/^"|"$/g, '')]),
  );
}

function canRun(command, args) {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const os = osRelease();
const ubuntu = os.ID === 'ubuntu' || /\bubuntu\b/.test(os.ID_LIKE ?? '');
const debianLike = ubuntu || os.ID === 'debian' || /\bdebian\b/.test(os.ID_LIKE ?? '');
const missing = [
  ...(findPgbouncer() ? [] : ['pgbouncer']),
  // Ubuntu ships Chromium as chromium-browser; Debian as chromium.
  ...(findChromium() ? [] : [ubuntu ? 'chromium-browser' : 'chromium']),
];
if (missing.length === 0) process.exit(0);

const install = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const fail = (line) => {
  console.error(`npm test: ${line}`);
  process.exit(1);
};
if (!debianLike) {
  fail(`${missing.join(' and ')} not found (needed by the pooler and docs tests): install them with your package manager, or set CHROMIUM_PATH`);
}
const root = process.getuid?.() === 0;
const sudo = root ? [] : canRun('sudo', ['-n', 'true']) ? ['sudo', '-n'] : undefined;
if (!sudo) fail(`${missing.join(' and ')} not installed (needed by the pooler and docs tests); run: sudo sh -c '${install}'`);

console.log(`npm test: installing ${missing.join(' and ')} (needed by the pooler and docs tests): ${install}`);
const run = (args) => {
  const [command, ...rest] = [...sudo, ...args];
  execFileSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
try {
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);
} catch {
  fail(`installing ${missing.join(' and ')} failed (see above); run: sudo sh -c '${install}'`);
}
const still = [...(findPgbouncer() ? [] : ['pgbouncer']), ...(findChromium() ? [] : ['Chromium'])];
if (still.length > 0) fail(`${still.join(' and ')} still not found after apt-get install; set CHROMIUM_PATH to the browser's executable`);
