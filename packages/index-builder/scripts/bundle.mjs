// Rebuilds dist/: the CLI, the public registry module, the registry's worker and the Action's two steps as ESM entries that share chunks,
// with libpg-query's WASM beside them, the public module's declarations in dist/types/, and the source stamp the e2e
// tests check (tools/dist-stamp.mjs).
// `node packages/index-builder/scripts/bundle.mjs --outdir DIR` builds elsewhere (the freshness test).
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSourceStamp } from '../../../tools/dist-stamp.mjs';
import { bundleEsm, copyParserWasm } from '../../../tools/esm-bundle.mjs';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(packageRoot, 'dist'));

const entries = {
  cli: 'packages/index-builder/src/cli/index.ts',
  registry: 'packages/index-builder/src/registry/index.ts',
  index: 'packages/index-builder/src/action/index.ts',
  post: 'packages/index-builder/src/action/post.ts',
  // The worker thread a .ts/.js registry runs in (src/registry/sandbox.ts finds it beside its own chunk).
  'registry-worker': 'packages/index-builder/src/registry/worker.ts',
};
// pg-native is an optional alternative driver that pg only tries to load; it is never used here.
await bundleEsm(entries, outdir, ['pg-native']);
await copyParserWasm(outdir);
await emitDeclarations(join(outdir, 'types'));
await writeSourceStamp('packages/index-builder', outdir);

/**
 * `defineIndexes`, `IndexDef` and the report types, as .d.ts files importing each other by their .js names. The
 * registry's types live in the private core package: their declarations are shipped under types/sql-core/ and
 * imported by relative path, so the published types name no package that is not published.
 */
async function emitDeclarations(typesDir) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const emitted = join(typesDir, '.emitted');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.types.json', '--outDir', emitted], { cwd: packageRoot, stdio: 'inherit' });
  await rename(join(emitted, 'index-builder/src'), typesDir + '.tmp');
  await rename(join(emitted, 'sql-core/src'), join(typesDir + '.tmp', 'sql-core'));
  await rm(typesDir, { recursive: true });
  await rename(typesDir + '.tmp', typesDir);
  for (const entry of await readdir(typesDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const core = relative(entry.parentPath, join(typesDir, 'sql-core/registry/types.js'));
    const text = (await readFile(file, 'utf8'))
      .replace(/(from '\.{1,2}\/[^']+)\.ts'/g, "$1.js'")
      .replaceAll("'@index-builder/sql-core/registry-types'", `'${core.startsWith('.') ? core : `./${core}`}'`);
    await writeFile(file, text);
  }
}
