// Rebuilds eslint-plugin/dist/: the whole plugin as one self-contained ESM file (rules, SQL language, libpg-query)
// with libpg-query's WASM beside it, so `import plugin from 'eslint-plugin-index-builder'` works after a plain
// `npm ci` with no build step. `node eslint-plugin/scripts/bundle.mjs --outdir DIR` builds elsewhere (the
// freshness test). The output is deterministic: same sources, same bytes.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const pluginRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(pluginRoot, '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(pluginRoot, 'dist'));

// CommonJS dependencies bundled into ESM still expect require, __filename and __dirname (libpg-query finds its
// WASM through __dirname).
const banner = [
  "import { createRequire as __ib_createRequire } from 'node:module';",
  "import { fileURLToPath as __ib_fileURLToPath } from 'node:url';",
  "import { dirname as __ib_dirname } from 'node:path';",
  'const require = __ib_createRequire(import.meta.url);',
  'const __filename = __ib_fileURLToPath(import.meta.url);',
  'const __dirname = __ib_dirname(__filename);',
].join('\n');

await mkdir(outdir, { recursive: true });
await build({
  absWorkingDir: repoRoot,
  entryPoints: ['eslint-plugin/src/index.ts'],
  outfile: join(outdir, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: banner },
  // Loaded from the user's installation: ESLint itself, and the TypeScript parser (only when a .ts file is linted).
  external: ['eslint', '@typescript-eslint/parser', 'typescript'],
  legalComments: 'none',
  logLevel: 'warning',
});
await copyFile(join(repoRoot, 'node_modules/libpg-query/wasm/libpg-query.wasm'), join(outdir, 'libpg-query.wasm'));
