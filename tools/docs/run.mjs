// `npm run docs:generate`: bundles tools/docs/generate.ts with esbuild (which resolves the sources' TypeScript, JSON
// imports and the workspace's own packages as the project's own bundles do), then runs it against this checkout.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outfile = join(root, '.tmp', 'docs-generate', 'generate.mjs');
mkdirSync(join(root, '.tmp', 'docs-generate'), { recursive: true });
await build({
  entryPoints: [join(root, 'tools/docs/generate.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages stay imports, resolved from node_modules; the workspace's own TypeScript packages are bundled.
  plugins: [
    {
      name: 'external-dependencies',
      setup(build) {
        build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@index-builder/') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});
const { generate } = await import(pathToFileURL(outfile).href);
const written = await generate(root);
console.log(`docs: generated ${written.length} files from the CLI, action.yml, the problem codes, the outcomes and the rules`);
