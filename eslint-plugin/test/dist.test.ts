// eslint-plugin/dist/ is committed (the package works after `npm ci` with no build step): it must be exactly what
// the sources build to. When this fails, run `node eslint-plugin/scripts/bundle.mjs` (or `npm run bundle`) and
// commit eslint-plugin/dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLUGIN = join(dirname(fileURLToPath(import.meta.url)), '..');

it('eslint-plugin/dist/ matches a fresh build of the sources', () => {
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
