// dist/ is committed (the Action runs it, `npx index-builder` runs it): it must be what the sources build to, file for
// file: entries, shared chunks, the WASM and the declarations under dist/types/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE, ROOT } from '../support/cli.ts';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

it('dist/ matches a fresh build of the sources (run `npm run bundle` and commit dist/)', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'ib-dist-'));
  try {
    execFileSync(process.execPath, [join(PACKAGE, 'scripts/bundle.mjs'), '--outdir', fresh], { cwd: ROOT });
    const committed = join(PACKAGE, 'dist');
    expect(filesUnder(committed)).toEqual(filesUnder(fresh));
    expect(filesUnder(fresh)).toEqual(
      expect.arrayContaining(['cli.js', 'index.js', 'post.js', 'registry.js', 'libpg-query.wasm', 'types/registry/index.d.ts']),
    );
    for (const file of filesUnder(fresh)) {
      const same = readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file)));
      expect({ file, same }).toEqual({ file, same: true });
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
});

it('the committed JavaScript of both packages stays within 2 MB (the WASM aside)', () => {
  const javascript = ['packages/index-builder/dist', 'packages/eslint-plugin/dist'].flatMap((dir) =>
    filesUnder(join(ROOT, dir))
      .filter((file) => /\.[cm]?js$/.test(file))
      .map((file) => join(ROOT, dir, file)),
  );
  const bytes = javascript.reduce((sum, file) => sum + readFileSync(file).length, 0);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(2_000_000);
  // jiti's bundled Babel (1.5 MB) stays out: our own transform replaces it. A module id of Babel's survives minifying.
  const babel = '@babel/core/lib/config/files lazy recursive';
  expect(readFileSync(join(ROOT, 'node_modules/jiti/dist/babel.cjs'), 'utf8')).toContain(babel);
  for (const file of javascript) expect({ file, babel: readFileSync(file, 'utf8').includes(babel) }).toEqual({ file, babel: false });
});
