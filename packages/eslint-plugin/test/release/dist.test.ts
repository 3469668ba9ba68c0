// The plugin's dist/ is committed (the package works after `npm ci` with no build step): it must be exactly what
// the sources build to. When this fails, run `npm run bundle` and commit
// packages/eslint-plugin/dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLUGIN } from '../support/paths.ts';

it('dist/ matches a fresh build of the sources', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'ib-eslint-dist-'));
  try {
    execFileSync(process.execPath, [join(PLUGIN, 'scripts/bundle.mjs'), '--outdir', fresh]);
    const committed = join(PLUGIN, 'dist');
    expect(readdirSync(committed).sort()).toEqual(readdirSync(fresh).sort());
    for (const file of readdirSync(fresh)) {
      const same = readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file)));
      expect({ file, same }).toEqual({ file, same: true });
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
});
