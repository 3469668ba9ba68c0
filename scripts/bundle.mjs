// Rebuilds dist/: the CLI, the public registry module and the Action's two steps, each one self-contained ESM file,
// with libpg-query's WASM beside them. `node scripts/bundle.mjs --outdir DIR` builds elsewhere (the freshness test).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleEsm, copyParserWasm, repoRoot } from './esm-bundle.mjs';

const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(repoRoot, 'dist'));

const entries = {
  cli: 'src/cli/index.ts',
  registry: 'src/registry/index.ts',
  index: 'src/action/index.ts',
  post: 'src/action/post.ts',
};
for (const [name, source] of Object.entries(entries)) {
  // pg-native is an optional alternative driver that pg only tries to load; it is never used here.
  await bundleEsm(source, join(outdir, `${name}.js`), ['pg-native']);
}
await copyParserWasm(outdir);
