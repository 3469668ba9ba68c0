// Rebuilds dist/: the CLI, the public registry module and the Action, each one self-contained ESM file, with
// libpg-query's WASM beside them. `node scripts/bundle.mjs --outdir DIR` builds elsewhere (the freshness test).
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(root, 'dist'));

// CommonJS dependencies bundled into ESM still expect require, __filename and __dirname.
const banner = [
  "import { createRequire as __ib_createRequire } from 'node:module';",
  "import { fileURLToPath as __ib_fileURLToPath } from 'node:url';",
  "import { dirname as __ib_dirname } from 'node:path';",
  'const require = __ib_createRequire(import.meta.url);',
  'const __filename = __ib_fileURLToPath(import.meta.url);',
  'const __dirname = __ib_dirname(__filename);',
].join('\n');

const entries = {
  cli: 'src/cli/index.ts',
  registry: 'src/registry/index.ts',
  index: 'src/action/index.ts',
  post: 'src/action/post.ts',
};

await mkdir(outdir, { recursive: true });
for (const [name, source] of Object.entries(entries)) {
  if (!existsSync(join(root, source))) continue;
  await build({
    absWorkingDir: root,
    entryPoints: [source],
    outfile: join(outdir, `${name}.js`),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: banner },
    external: ['pg-native'],
    legalComments: 'none',
    logLevel: 'warning',
  });
}
await copyFile(join(root, 'node_modules/libpg-query/wasm/libpg-query.wasm'), join(outdir, 'libpg-query.wasm'));
