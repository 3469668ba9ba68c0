// One way to bundle for this repository: a self-contained ESM file for Node 20+, with libpg-query's WASM beside it.
// Used by scripts/bundle.mjs (CLI, Action) and eslint-plugin/scripts/bundle.mjs. Deterministic: same sources, same bytes.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// CommonJS dependencies bundled into ESM still expect require, __filename and __dirname.
const banner = [
  "import { createRequire as __ib_createRequire } from 'node:module';",
  "import { fileURLToPath as __ib_fileURLToPath } from 'node:url';",
  "import { dirname as __ib_dirname } from 'node:path';",
  'const require = __ib_createRequire(import.meta.url);',
  'const __filename = __ib_fileURLToPath(import.meta.url);',
  'const __dirname = __ib_dirname(__filename);',
].join('\n');

/** Bundles `entry` (relative to the repository root) into `outfile`, leaving `external` packages to be imported. */
export async function bundleEsm(entry, outfile, external = []) {
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: banner },
    external,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** libpg-query's WASM and its Emscripten glue, which src/sql/pg-query.ts loads synchronously from beside the bundle. */
export async function copyParserWasm(outdir) {
  for (const file of ['libpg-query.wasm', 'libpg-query.js']) {
    await copyFile(join(repoRoot, 'node_modules/libpg-query/wasm', file), join(outdir, file));
  }
}
