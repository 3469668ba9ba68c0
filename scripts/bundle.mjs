// Rebuilds dist/: the CLI, the public registry module, the registry's worker and the Action's two steps as ESM entries that share chunks,
// with libpg-query's WASM beside them, and the public module's declarations in dist/types/.
// `node scripts/bundle.mjs --outdir DIR` builds elsewhere (the freshness test).
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
  // The worker thread a .ts/.js registry runs in (src/registry/sandbox.ts finds it beside its own chunk).
  'registry-worker': 'src/registry/worker.ts',
};
// pg-native is an optional alternative driver that pg only tries to load; it is never used here.
await bundleEsm(entries, outdir, ['pg-native']);
await copyParserWasm(outdir);
await emitDeclarations(join(outdir, 'types'));

/** `defineIndexes`, `IndexDef` and the report types, as .d.ts files importing each other by their .js names. */
async function emitDeclarations(typesDir) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.types.json', '--outDir', typesDir], { cwd: repoRoot, stdio: 'inherit' });
  for (const entry of await readdir(typesDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/(from '\.{1,2}\/[^']+)\.ts'/g, "$1.js'"));
  }
}
