// Rebuilds the plugin's dist/: the whole plugin as one self-contained ESM file (rules, SQL language, libpg-query)
// with libpg-query's WASM beside it, so `import plugin from 'eslint-plugin-index-builder'` works after a plain
// `npm ci` with no build step, and the source stamp the integration tests check (tools/dist-stamp.mjs). `node packages/eslint-plugin/scripts/bundle.mjs --outdir DIR` builds elsewhere (the
// freshness test). The output is deterministic: same sources, same bytes.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSourceStamp } from '../../../tools/dist-stamp.mjs';
import { bundleEsm, copyParserWasm } from '../../../tools/esm-bundle.mjs';

const pluginRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(pluginRoot, 'dist'));

// Loaded from the user's installation: ESLint itself, and the TypeScript parser (only when a .ts file is linted).
await bundleEsm({ index: 'packages/eslint-plugin/src/index.ts', cli: 'packages/eslint-plugin/src/cli/main.ts' }, outdir, [
  'eslint',
  '@typescript-eslint/parser',
  'typescript',
]);
await copyParserWasm(outdir);
await writeSourceStamp('packages/eslint-plugin', outdir);
