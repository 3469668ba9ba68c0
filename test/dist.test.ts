// dist/ is committed (the Action runs it, `npx index-builder` runs it): it must be what the sources build to.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/cli.ts';

it('dist/ matches a fresh build of the sources (run `npm run bundle` and commit dist/)', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'ib-dist-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), '--outdir', fresh], { cwd: ROOT });
  const committed = join(ROOT, 'dist');
  expect(readdirSync(committed).sort()).toEqual(readdirSync(fresh).sort());
  for (const file of readdirSync(fresh)) {
    const same = readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file)));
    expect({ file, same }).toEqual({ file, same: true });
  }
});
