// Sizes of each measurement. BENCH_SCALE=small shrinks everything for development on a shared machine; the full
// scale is what the issue asks for and what bench/results/ holds. BENCH_ROWS overrides the table size.

const SCALES = {
  full: {
    rows: 5_000_000,
    writers: 4,
    warmupMs: 6000,
    tailMs: 4000,
    pairs: 7,
    registryEntries: 10_000,
    tsRegistryEntries: 50_000,
    lintFiles: 5000,
    actionRuns: 5,
    fleetDatabases: 100,
    fleetRows: 20_000,
    freshRows: 1_000_000,
    steadyRuns: 9,
    replicaRows: 1_000_000,
    replicaBoundMs: 500,
    replicaPausedMs: 2000,
    replicaPeriodMs: 3000,
  },
  small: {
    rows: 200_000,
    writers: 4,
    warmupMs: 2000,
    tailMs: 1500,
    pairs: 2,
    registryEntries: 1000,
    tsRegistryEntries: 5000,
    lintFiles: 300,
    actionRuns: 2,
    fleetDatabases: 20,
    fleetRows: 2000,
    freshRows: 50_000,
    steadyRuns: 5,
    replicaRows: 100_000,
    replicaBoundMs: 500,
    replicaPausedMs: 2000,
    replicaPeriodMs: 3000,
  },
};

const SECTIONS = ['write', 'overhead', 'registry', 'lint', 'action', 'fleet', 'fresh', 'steady', 'replica'];

export function readConfig(env = process.env) {
  const name = env.BENCH_SCALE || 'full';
  const base = SCALES[name];
  if (!base) throw new Error(`BENCH_SCALE=${name}: use full or small`);
  const scale = { name, ...base };
  if (env.BENCH_ROWS) scale.rows = Number(env.BENCH_ROWS);
  const only = env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map((s) => s.trim()) : SECTIONS;
  for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`BENCH_ONLY: unknown section "${s}" (${SECTIONS.join(', ')})`);
  return { scale, only };
}
