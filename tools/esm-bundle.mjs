// One way to bundle for this repository: ESM for Node 20+, with libpg-query's WASM beside it. Used by
// packages/index-builder/scripts/bundle.mjs (CLI, Action) and packages/eslint-plugin/scripts/bundle.mjs. Deterministic: same sources, same bytes.
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// CommonJS dependencies bundled into ESM still expect require, __filename and __dirname (libpg-query finds its
// WASM through __dirname). Every output file gets them; chunks sit beside the entries, so __dirname is the same.
const banner = [
  "import { createRequire as __ib_createRequire } from 'node:module';",
  "import { fileURLToPath as __ib_fileURLToPath } from 'node:url';",
  "import { dirname as __ib_dirname } from 'node:path';",
  'const require = __ib_createRequire(import.meta.url);',
  'const __filename = __ib_fileURLToPath(import.meta.url);',
  'const __dirname = __ib_dirname(__filename);',
].join('\n');

// @actions/http-client imports undici (~400 kB) for one thing: a proxy dispatcher for its fetch-style clients, which
// @actions/core never uses (its only HTTP call, getIDToken, goes through node:https). A stand-in that fails loudly
// if it is ever reached keeps it out of the bundle.
const withoutUndici = {
  name: 'without-undici',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici', namespace: 'without-undici' }));
    build.onLoad({ filter: /.*/, namespace: 'without-undici' }, () => ({
      contents: "export class ProxyAgent { constructor() { throw new Error('undici is not bundled with index-builder'); } }",
      loader: 'js',
    }));
  },
};

// pg asks at load time whether it runs in a Cloudflare Worker. Where Node has no `navigator` (Node 20) it finds out by
// constructing a `Response`, which loads Node's own undici: 10–25 ms on every run that loads pg. index-builder runs
// only on Node, so pg is built with its Node.js streams; the build fails if pg's code no longer reads as expected.
const PG_CLOUDFLARE_CHECK = 'if (isCloudflareRuntime()) {';
const pgNodeStreams = {
  name: 'pg-node-streams',
  setup(build) {
    build.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(PG_CLOUDFLARE_CHECK)) throw new Error(`${args.path} no longer has "${PG_CLOUDFLARE_CHECK}": update pgNodeStreams`);
      return { contents: source.replace(PG_CLOUDFLARE_CHECK, 'if (false) {'), loader: 'js' };
    });
  },
};

// Sucrase (the TypeScript transform of .ts registries on Node 20) from its ES module build, which esbuild can flatten
// and trim: 0.2 MB instead of its CommonJS build's 0.3 MB, and 10–15 ms less to load.
const sucraseEsm = {
  name: 'sucrase-esm',
  setup(build) {
    build.onResolve({ filter: /^sucrase$/ }, () => ({ path: join(repoRoot, 'node_modules/sucrase/dist/esm/index.js') }));
  },
};

/**
 * Bundles `entries` ({ outputName: sourcePath relative to the repository root }) into `outdir`. Code that two entries
 * share, and every dynamic `import()`, goes into `chunk-*.js` files next to them, loaded only when reached.
 */
export async function bundleEsm(entries, outdir, external = []) {
  // Chunk names change with their contents: start empty so no stale chunk stays behind.
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    absWorkingDir: repoRoot,
    entryPoints: entries,
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    banner: { js: banner },
    external,
    plugins: [withoutUndici, pgNodeStreams, sucraseEsm],
    // Minified: the committed JavaScript stays under 2 MB (a test holds it there). Nothing relies on function names
    // (errors carry their own `name`).
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

/** libpg-query's WASM and its Emscripten glue, which the core's pg-query.ts loads synchronously from beside the bundle. */
export async function copyParserWasm(outdir) {
  for (const file of ['libpg-query.wasm', 'libpg-query.js']) {
    await copyFile(join(repoRoot, 'node_modules/libpg-query/wasm', file), join(outdir, file));
  }
}
