#!/usr/bin/env node
// The real-world corpus: the exact package versions of manifest.json, downloaded with `npm pack` from the npm
// registry, checked against their published sha512 integrity, and only the listed migration files extracted under
// <cache>/files/<name>@<version>/<path in the package>, so each project's own migration-folder layout is kept.
// Nothing of it is committed: the cache lives in node_modules/.cache/index-builder-corpus (or INDEX_BUILDER_CORPUS_DIR).
//   node eslint-plugin/test/corpus/fetch.mjs     downloads what is missing and prints where the corpus is
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const REPOSITORY_ROOT = resolve(here, '../../../..');
export const MANIFEST_PATH = join(here, 'manifest.json');
export const DEFAULT_CACHE_DIR = join(REPOSITORY_ROOT, 'node_modules/.cache/index-builder-corpus');

export async function readManifest() {
  return JSON.parse(await readFile(MANIFEST_PATH, 'utf8'));
}

/** The folder of one package in the corpus: `@scope+name@1.2.3`. */
export function packageFolder(pkg) {
  return `${pkg.name.replace('/', '+')}@${pkg.version}`;
}

/** A listed file's place in the corpus: the package folder, then its path inside the tarball without `package/`. */
export function corpusPath(pkg, file) {
  return join(packageFolder(pkg), file.path.replace(/^package\//, ''));
}

function sha512(buffer) {
  return `sha512-${createHash('sha512').update(buffer).digest('base64')}`;
}

/** The regular files of a .tgz, by path (ustar, with pax and GNU long names). */
function untar(gzipped) {
  const tar = gunzipSync(gzipped);
  const files = new Map();
  let longName = null;
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const body = tar.subarray(at + 512, at + 512 + size);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = null;
    if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? null;
    else if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === '0' || type === '\0') files.set(name.replace(/^\.\//, ''), Buffer.from(body));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

async function npmPack(spec, destination) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { stdout } = await promisify(execFile)(npm, ['pack', spec, '--json', '--pack-destination', destination], {
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
    shell: process.platform === 'win32',
  });
  return join(destination, JSON.parse(stdout)[0].filename);
}

/** Downloads (when missing) and lays out one package's listed files. Returns the number of files written. */
async function ensurePackage(pkg, cacheDir) {
  const target = join(cacheDir, 'files', packageFolder(pkg));
  const stamp = join(target, '.index-builder-corpus.json');
  if (existsSync(stamp) && JSON.parse(await readFile(stamp, 'utf8')).integrity === pkg.integrity) return 0;
  const tarballs = join(cacheDir, 'tarballs');
  await mkdir(tarballs, { recursive: true });
  let tarball;
  try {
    tarball = await npmPack(`${pkg.name}@${pkg.version}`, tarballs);
  } catch (error) {
    const reason =
      String(error.stderr || error.message)
        .split('\n')
        .find((l) => /npm error|ERR|ENOTFOUND|ETIMEDOUT|EAI_AGAIN/.test(l)) ?? error.message;
    throw new Error(
      `The real-world corpus is not in ${cacheDir} and ${pkg.name}@${pkg.version} could not be downloaded from the npm registry ` +
        `(npm pack failed: ${reason.trim()}). Run \`node eslint-plugin/test/corpus/fetch.mjs\` once with access to the registry.`,
    );
  }
  const bytes = await readFile(tarball);
  const integrity = sha512(bytes);
  if (integrity !== pkg.integrity) {
    throw new Error(`${pkg.name}@${pkg.version}: the downloaded tarball's integrity is ${integrity}, but manifest.json records ${pkg.integrity}.`);
  }
  const contents = untar(bytes);
  await rm(target, { recursive: true, force: true });
  for (const file of pkg.files) {
    const body = contents.get(file.path);
    if (!body) throw new Error(`${pkg.name}@${pkg.version}: the tarball has no ${file.path} (manifest.json lists it).`);
    const out = join(cacheDir, 'files', corpusPath(pkg, file));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, body);
  }
  await writeFile(stamp, JSON.stringify({ name: pkg.name, version: pkg.version, integrity: pkg.integrity }));
  await rm(tarball, { force: true });
  return pkg.files.length;
}

/**
 * Makes sure every package of the manifest is laid out in the cache, downloading what is missing.
 * Throws (never skips) when something is missing and cannot be downloaded.
 * @returns {Promise<{ root: string, manifest: object, downloaded: number }>} root: the folder to lint.
 */
export async function ensureCorpus({ cacheDir = process.env.INDEX_BUILDER_CORPUS_DIR || DEFAULT_CACHE_DIR, log = () => {} } = {}) {
  const manifest = await readManifest();
  let downloaded = 0;
  for (const pkg of manifest.packages) {
    const written = await ensurePackage(pkg, cacheDir);
    if (written) log(`  ${pkg.name}@${pkg.version}: ${written} files`);
    downloaded += written;
  }
  return { root: join(cacheDir, 'files'), manifest, downloaded };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { root, manifest, downloaded } = await ensureCorpus({ log: console.log });
    const files = manifest.packages.reduce((n, p) => n + p.files.length, 0);
    console.log(`${files} files from ${manifest.packages.length} packages in ${root} (${downloaded} written now)`);
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
