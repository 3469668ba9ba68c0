// Measurement 3 — registry scale. `index-builder check` and `plan` with a registry of N entries (10,000 in the full
// run) against a database holding N indexes: 90% of the entries exist and are valid (plan: skipped), 10% are
// missing (plan: created), and the database also holds as many indexes the registry does not name. Each command
// runs as a child process (`node dist/cli.js`), 3 times; wall time (median) and peak RSS (largest) are reported.
// The existing indexes are first adopted by one `build` of the registry's existing entries (timed once, reported as
// the adoption): the steady state is indexes carrying the builder's mark, which plan skips without asking PostgreSQL
// to compare definitions.
// Last, `check` of a larger registry written as TypeScript (50,000 entries in the full run): a .ts registry runs in a
// worker thread, whose memory counts in the process's peak RSS. Also on Node 24 (action.yml's runtime) when
// bench/action-start.mjs has fetched it into bench/.data/.
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withClient } from './lib/db.mjs';
import { runNode, tail } from './lib/proc.mjs';
import { max, median, round } from './lib/stats.mjs';
import { CLI } from './write-availability.mjs';

const SCHEMA = 'bench_scale';
const PER_TABLE = 100; // 10 single-column and 90 two-column indexes over c0..c9
const MISSING_FROM = 90; // entries k >= 90 of each table are declared under a name the database does not have
const RUNS = 3;

function columnsOf(k) {
  if (k < 10) return `(c${k})`;
  const pair = k - 10; // 0..89: ordered pairs (i, j), i != j
  const i = Math.floor(pair / 9);
  let j = pair % 9;
  if (j >= i) j += 1;
  return `(c${i}, c${j})`;
}

const indexName = (t, k, missing) => `idx_scale_t${t}_${k}${missing ? '_new' : ''}`;

async function createSchema(url, tables) {
  await withClient(url, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.query(`CREATE SCHEMA ${SCHEMA}`);
    for (let t = 0; t < tables; t += 1) {
      const columns = Array.from({ length: 10 }, (_, c) => `c${c} integer`).join(', ');
      const statements = [`CREATE TABLE ${SCHEMA}.t${t} (id bigint PRIMARY KEY, ${columns})`];
      for (let k = 0; k < PER_TABLE; k += 1) statements.push(`CREATE INDEX ${indexName(t, k, false)} ON ${SCHEMA}.t${t} ${columnsOf(k)}`);
      await client.query(statements.join(';\n'));
    }
  });
}

function registryEntries(tables) {
  const entries = [];
  for (let t = 0; t < tables; t += 1) {
    for (let k = 0; k < PER_TABLE; k += 1) {
      const name = indexName(t, k, k >= MISSING_FROM);
      entries.push({
        name,
        sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${SCHEMA}.t${t} ${columnsOf(k)}`,
        ...(k % 10 === 0 ? { critical: true } : {}),
        description: `bench: table ${t}, index ${k}`,
      });
    }
  }
  return entries;
}

async function writeRegistry(file, tables) {
  const entries = registryEntries(tables);
  await writeFile(file, `${JSON.stringify(entries, null, 2)}\n`);
  return entries.length;
}

/** The same entries as a user's TypeScript registry: `export default defineIndexes([...])`. */
async function writeTsRegistry(file, entries) {
  const list = registryEntries(Math.ceil(entries / PER_TABLE)).slice(0, entries);
  await writeFile(file, `import { defineIndexes } from 'index-builder';\n\nexport default defineIndexes(${JSON.stringify(list, null, 2)});\n`);
  return list.length;
}

/** The registry without its missing entries: what a first `build` over an existing schema adopts. */
async function writeExistingRegistry(file, registry) {
  const entries = JSON.parse(await readFile(registry, 'utf8')).filter((e) => !e.name.endsWith('_new'));
  await writeFile(file, `${JSON.stringify(entries, null, 2)}\n`);
  return entries.length;
}

const NODE24 = fileURLToPath(new URL('./.data/node24/package/bin/node', import.meta.url));

async function timeCommand(args, expectCode = 0, node = undefined) {
  const runs = [];
  let last;
  for (let i = 0; i < RUNS; i += 1) {
    last = await runNode([CLI, ...args], { peakRss: true, node });
    if (last.code !== expectCode) throw new Error(`index-builder ${args[0]} exited ${last.code}:\n${tail(last.stdout + last.stderr)}`);
    runs.push(last);
  }
  return {
    medianMs: round(median(runs.map((r) => r.wallMs))),
    runsMs: runs.map((r) => round(r.wallMs)),
    peakRssMiB: round(max(runs.map((r) => r.peakRssMiB ?? 0))),
    stdout: last.stdout,
  };
}

export async function measureRegistryScale({ url, scale, workDir, log }) {
  const tables = Math.ceil(scale.registryEntries / PER_TABLE);
  log(`    creating ${tables * PER_TABLE} indexes on ${tables} tables...`);
  await createSchema(url, tables);
  const databaseIndexes = await withClient(url, async (c) =>
    Number((await c.query(`SELECT count(*) AS n FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE 'idx_scale_%'`, [SCHEMA])).rows[0].n),
  );
  const totalIndexes = await withClient(url, async (c) => Number((await c.query('SELECT count(*) AS n FROM pg_index')).rows[0].n));
  const registry = join(workDir, 'registry-scale.json');
  const entries = await writeRegistry(registry, tables);
  const one = join(workDir, 'registry-scale-one.json');
  await writeFile(
    one,
    `${JSON.stringify([{ name: indexName(0, 0, false), sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${indexName(0, 0, false)} ON ${SCHEMA}.t0 ${columnsOf(0)}` }])}\n`,
  );

  const existing = join(workDir, 'registry-scale-existing.json');
  const existingEntries = await writeExistingRegistry(existing, registry);
  log(`    adopting the ${existingEntries} existing indexes (one build: PostgreSQL compares each definition, then the mark is written)...`);
  const adopted = await runNode([CLI, 'build', '--registry', existing, '--database-url', url], { peakRss: true });
  if (adopted.code !== 0) throw new Error(`index-builder build (adoption) exited ${adopted.code}:\n${tail(adopted.stdout + adopted.stderr)}`);

  log(`    check and plan with ${entries} entries (${RUNS} runs each)...`);
  const check = await timeCommand(['check', '--registry', registry]);
  const plan = await timeCommand(['plan', '--registry', registry, '--database-url', url]);
  const checkOne = await timeCommand(['check', '--registry', one]);
  const planOne = await timeCommand(['plan', '--registry', one, '--database-url', url]);
  const statuses = {};
  for (const line of plan.stdout.split('\n').slice(1)) {
    const status = line.trim().split(/\s+/)[0];
    if (status) statuses[status] = (statuses[status] ?? 0) + 1;
  }
  const tsRegistry = join(workDir, 'registry-scale.ts');
  const tsEntries = await writeTsRegistry(tsRegistry, scale.tsRegistryEntries ?? entries);
  log(`    check of a .ts registry with ${tsEntries} entries (${RUNS} runs)...`);
  const checkTs = await timeCommand(['check', '--registry', tsRegistry]);
  const strip = ({ stdout: _stdout, ...rest }) => rest;
  let checkTsNode24;
  if (existsSync(NODE24)) {
    log(`    the same on Node 24 (${RUNS} runs)...`);
    checkTsNode24 = {
      node: (await runNode(['--version'], { node: NODE24 })).stdout.trim(),
      ...strip(await timeCommand(['check', '--registry', tsRegistry], 0, NODE24)),
    };
  }
  return {
    registryEntries: entries,
    registryFileKiB: Math.round((await stat(registry)).size / 1024),
    databaseIndexes: {
      benchIndexes: databaseIndexes,
      inRegistry: tables * MISSING_FROM,
      notInRegistry: databaseIndexes - tables * MISSING_FROM,
      allIndexesInDatabase: totalIndexes,
    },
    planStatuses: statuses,
    adoption: { entries: existingEntries, wallMs: round(adopted.wallMs), peakRssMiB: round(adopted.peakRssMiB ?? 0) },
    check: strip(check),
    plan: strip(plan),
    oneEntryBaseline: { check: strip(checkOne), plan: strip(planOne) },
    checkTs: { entries: tsEntries, fileKiB: Math.round((await stat(tsRegistry)).size / 1024), ...strip(checkTs) },
    ...(checkTsNode24 ? { checkTsNode24 } : {}),
    perEntryMicroseconds: {
      check: round(((check.medianMs - checkOne.medianMs) * 1000) / (entries - 1)),
      plan: round(((plan.medianMs - planOne.medianMs) * 1000) / (entries - 1)),
    },
  };
}

export async function dropRegistrySchema(url) {
  await withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`));
}
