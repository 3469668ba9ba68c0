// A committed bundle's source stamp: `npm run bundle` writes into each dist/ a hash of everything that bundle is built
// from (sources, bundle scripts, tsconfig, lockfile), and the tests that run the bundles recompute it in milliseconds
// to refuse a dist/ that no longer matches its sources. The release tests still rebuild and compare file for file.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const STAMP = '.source-hash';

const shared = ['packages/sql-core/src', 'packages/sql-core/package.json', 'tools/esm-bundle.mjs', 'tsconfig.json', 'package-lock.json'];

/** What each bundled package's dist/ is built from, relative to the repository's root. */
const INPUTS = {
  'packages/index-builder': [
    'packages/index-builder/src',
    'packages/index-builder/package.json',
    'packages/index-builder/scripts/bundle.mjs',
    'packages/index-builder/tsconfig.types.json',
    ...shared,
  ],
  'packages/eslint-plugin': [
    'packages/eslint-plugin/src',
    'packages/eslint-plugin/package.json',
    'packages/eslint-plugin/scripts/bundle.mjs',
    ...shared,
  ],
};

async function filesOf(path) {
  const entries = await readdir(join(repoRoot, path), { withFileTypes: true }).catch((error) => {
    if (error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (!entries) return [path];
  const nested = await Promise.all(entries.filter((entry) => entry.isFile() || entry.isDirectory()).map((entry) => filesOf(`${path}/${entry.name}`)));
  return nested.flat();
}

/** The hash of a package's bundle inputs: each file's path and text (line endings made LF, as a Windows checkout may differ). */
export async function sourceHash(pkg) {
  const files = (await Promise.all(INPUTS[pkg].map(filesOf))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const text = (await readFile(join(repoRoot, file), 'utf8')).replaceAll('\r\n', '\n');
    hash.update(`${file}\0${text}\0`);
  }
  return hash.digest('hex');
}

/** Writes the stamp of `pkg` (e.g. 'packages/index-builder') into the dist/ just built at `outdir`. */
export async function writeSourceStamp(pkg, outdir) {
  await writeFile(join(outdir, STAMP), `${await sourceHash(pkg)}\n`);
}

/** Throws when `pkg`'s committed dist/ was not built from the sources as they are: one line, no stack (jest prints it). */
export async function requireFreshDist(pkg) {
  const stamp = await readFile(join(repoRoot, pkg, 'dist', STAMP), 'utf8').catch(() => '');
  if (stamp.trim() === (await sourceHash(pkg))) return;
  const error = new Error(`${pkg}/dist/ is stale: run \`npm run bundle\``);
  error.stack = error.message;
  throw error;
}
