// `npm run test:matrix`: the db and e2e tests on every supported PostgreSQL major, one pass/fail line per version.
import { spawnSync } from 'node:child_process';
import { SUPPORTED_MAJORS } from './embedded-server.mjs';

const results = [];
for (const major of SUPPORTED_MAJORS) {
  console.log(`\n=== PostgreSQL ${major} ===`);
  const started = Date.now();
  const run = spawnSync('npx', ['jest', '--selectProjects', 'db', 'e2e', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_PG_MAJOR: major, TEST_DATABASE_URL: '', NODE_OPTIONS: '--experimental-vm-modules' },
  });
  results.push({ major, ok: run.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(0) });
}
console.log('\nPostgreSQL matrix:');
for (const { major, ok, seconds } of results) console.log(`  PostgreSQL ${major}: ${ok ? 'pass' : 'FAIL'} (${seconds}s)`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
