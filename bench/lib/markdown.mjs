// The figures of a run as Markdown tables (bench/results/latest.md), for the README's Performance section.

const n = (v, digits = 0) =>
  v === null || v === undefined ? '–' : Number(v).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const s = (ms, digits = 2) => (ms === null || ms === undefined ? '–' : `${n(ms / 1000, digits)} s`);
const ms = (v, digits = 1) => (v === null || v === undefined ? '–' : `${n(v, digits)} ms`);

const product = (p) =>
  p
    ? ` Measured build: commit ${p.gitCommit?.slice(0, 12) ?? 'unknown'}, dist/cli.js sha256 ${p.distCliSha256 ?? '–'}, dist/index.js sha256 ${p.distIndexSha256 ?? '–'}.`
    : '';

function machine(r) {
  const m = r.machine;
  if (!m) return '';
  const pg = m.postgres;
  const carried = r.carriedOver
    ? ` Sections ${r.carriedOver.sections.join(', ')} are carried over from the run of ${r.carriedOver.generatedAt.slice(0, 16).replace('T', ' ')} UTC (commit ${r.carriedOver.product?.gitCommit?.slice(0, 12) ?? 'unknown'}): ${r.carriedOver.why}`
    : '';
  return `Measured ${r.generatedAt.slice(0, 10)} on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; PostgreSQL ${pg.version} (${pg.source}; shared_buffers ${pg.settings.shared_buffers}, maintenance_work_mem ${pg.settings.maintenance_work_mem}, max_parallel_maintenance_workers ${pg.settings.max_parallel_maintenance_workers}, synchronous_commit ${pg.settings.synchronous_commit}, fsync ${pg.settings.fsync}). Load average at start ${m.loadAverageAtStart?.join(' / ') ?? '–'}. Whole run: ${n(r.totalSeconds)} s.${product(r.product)}${carried}\n`;
}

const cpu = (c) => (c ? `${n(c.oursMeanCores, 2)} / ${n(c.otherProgramsMeanCores, 2)}` : '–');

function write(w) {
  if (!w) return '';
  if (w.error) return `### 1. Write availability\n\nCould not run: ${w.error}\n`;
  const a = w.plainCreateIndex;
  const b = w.indexBuilder;
  const c = w.indexBuilderWithoutParallelWorkers;
  const row = (label, fa, fb, fc) => (c ? `| ${label} | ${fa} | ${fb} | ${fc} |` : `| ${label} | ${fa} | ${fb} |`);
  const built = (x) => `${s(x.buildMs)} (process start to exit; the index itself ${s(x.builderReport?.indexDurationMs)})`;
  const zero = (x) => `**${ms(x.longestZeroWriteIntervalMs, 0)}**`;
  const t = (x) => x.throughputPerSecond;
  const lat = (x) => `${ms(x.latencyDuringBuildMs.p50, 2)} / ${ms(x.latencyDuringBuildMs.p99)} / ${ms(x.latencyDuringBuildMs.max)}`;
  return [
    `### 1. Write availability: ${n(w.table.rows)} rows (${n(w.table.sizeMiB)} MiB), ${w.writers.clients} clients writing`,
    '',
    c
      ? '| | (a) plain `CREATE INDEX` (a migration) | (b) `index-builder build` | (c) (b) with `max_parallel_maintenance_workers=0` |'
      : '| | (a) plain `CREATE INDEX` (a migration) | (b) `index-builder build` |',
    c ? '| --- | --- | --- | --- |' : '| --- | --- | --- |',
    row('build time', s(a.buildMs), built(b), c && built(c)),
    row('writes/s before the build', n(t(a).beforeBuild), n(t(b).beforeBuild), c && n(t(c).beforeBuild)),
    row('writes/s during the build', n(t(a).duringBuild), n(t(b).duringBuild), c && n(t(c).duringBuild)),
    row(
      'fewest writes in any 1 s of the build',
      n(t(a).lowestOneSecondDuringBuild),
      n(t(b).lowestOneSecondDuringBuild),
      c && n(t(c).lowestOneSecondDuringBuild),
    ),
    row('write latency during the build, p50 / p99 / max', lat(a), lat(b), c && lat(c)),
    row('**longest interval with zero completed writes**', `**${s(a.longestZeroWriteIntervalMs)}**`, zero(b), c && zero(c)),
    row('failed writes', n(a.writeErrors), n(b.writeErrors), c && n(c.writeErrors)),
    row(
      "CPU used meanwhile, in cores: by the bench's processes (the embedded PostgreSQL among them) / by other programs",
      cpu(a.cpuDuringRun),
      cpu(b.cpuDuringRun),
      c && cpu(c.cpuDuringRun),
    ),
    '',
  ].join('\n');
}

function overhead(o) {
  if (!o) return '';
  if (o.error) return `### 2. Overhead\n\nCould not run: ${o.error}\n`;
  return [
    `### 2. Overhead: the builder against a bare client sending the same \`CREATE INDEX CONCURRENTLY\` (${o.pairs} alternating pairs)`,
    '',
    "| bare client (median) | `index-builder build` process (median) | median of per-pair ratios | builder's own reported duration (median) | ratio of that to the bare client | `node -e 0` |",
    '| --- | --- | --- | --- | --- | --- |',
    `| ${s(o.medianBareClientMs)} | ${s(o.medianBuilderProcessMs)} | **${n(o.medianRatio, 3)}** (+${n(o.overheadPercent, 1)}%) | ${s(o.medianBuilderReportedRunMs)} | ${n(o.medianRatioOfReportedDuration, 3)} | ${ms(o.nodeEmptyScriptStartMs, 0)} |`,
    '',
  ].join('\n');
}

function registry(r) {
  if (!r) return '';
  if (r.error) return `### 3. Registry scale\n\nCould not run: ${r.error}\n`;
  const st = Object.entries(r.planStatuses)
    .map(([k, v]) => `${n(v)} ${k}`)
    .join(', ');
  return [
    `### 3. Registry scale: ${n(r.registryEntries)} entries against a database holding ${n(r.databaseIndexes.benchIndexes)} indexes`,
    '',
    '| command | time (median of 3) | peak memory (RSS) | with a one-entry registry |',
    '| --- | --- | --- | --- |',
    `| \`index-builder check\` | ${s(r.check.medianMs)} | ${n(r.check.peakRssMiB)} MiB | ${s(r.oneEntryBaseline.check.medianMs)}, ${n(r.oneEntryBaseline.check.peakRssMiB)} MiB |`,
    `| \`index-builder plan\` (${st}) | ${s(r.plan.medianMs)} | ${n(r.plan.peakRssMiB)} MiB | ${s(r.oneEntryBaseline.plan.medianMs)}, ${n(r.oneEntryBaseline.plan.peakRssMiB)} MiB |`,
    ...(r.checkTs
      ? [
          `| \`index-builder check\` of a .ts registry of ${n(r.checkTs.entries)} entries (${n(r.checkTs.fileKiB)} KiB; the registry runs in a worker thread) | ${s(r.checkTs.medianMs)} | ${n(r.checkTs.peakRssMiB)} MiB | |`,
          ...(r.checkTsNode24
            ? [`| the same on Node 24 (${r.checkTsNode24.node}) | ${s(r.checkTsNode24.medianMs)} | ${n(r.checkTsNode24.peakRssMiB)} MiB | |`]
            : []),
        ]
      : []),
    ...(r.adoption
      ? [
          `| first \`build\` over the ${n(r.adoption.entries)} existing, unmarked indexes (PostgreSQL compares each definition; the mark is written; run once, before the rows above) | ${s(r.adoption.wallMs)} | ${n(r.adoption.peakRssMiB)} MiB | |`,
        ]
      : []),
    '',
  ].join('\n');
}

function lint(l) {
  if (!l) return '';
  if (l.error) return `### 4. Lint throughput\n\nCould not run: ${l.error}\n`;
  const sq = l.squawk;
  const squawkRow = sq.available
    ? `| same ${n(sq.files)} .sql files: ESLint + plugin vs \`squawk\` ${sq.version.replace('squawk ', '')} | ${s(l.sqlOnly.wallMs)} vs ${s(sq.wallMs)} | ESLint is ${n(sq.eslintToSquawkWallRatio, 1)}× squawk's time |`
    : `| squawk | not measured | ${sq.reason} |`;
  return [
    `### 4. Lint throughput: ${n(l.files.total)} generated migrations (${Object.entries(l.files.byExtension)
      .map(([e, c]) => `${n(c)} .${e}`)
      .join(', ')}), ESLint ${l.eslintVersion}`,
    '',
    '| what | time | per file / share |',
    '| --- | --- | --- |',
    `| ESLint with \`configs.recommended\`, all files | ${s(l.all.wallMs)} | ${ms(l.all.msPerFile, 2)} per file (${n(l.all.filesPerSecond)} files/s) |`,
    `| the plugin's rules (\`TIMING=1\`) | ${s(l.all.rulesMsFromTiming)} | ${n(l.all.rulesShareOfWallPercent, 1)}% of ESLint's wall time (${n(l.all.rulesShareOfLintPercent, 1)}% of its per-file lint time) |`,
    `| parsing (\`--stats\`, summed per file) | ${s(Object.values(l.all.statsByKind).reduce((a, k) => a + k.parseMs, 0))} | ${Object.entries(
      l.all.statsByKind,
    )
      .map(([e, k]) => `.${e} ${ms(k.parseMs / k.files, 2)}`)
      .join(', ')} per file |`,
    squawkRow,
    sqlCostRows(l.sqlCosts),
    realWorldRows(l.realWorld),
    '',
  ].join('\n');
}

/** ESLint's fixed and per-file costs on the .sql files, beside squawk's and ESLint's own (a language that parses nothing). */
function sqlCostRows(c) {
  if (!c) return '';
  const three = (key) =>
    [c.eslintPlugin, c.eslintAlone, c.squawk].map((tool) => (tool ? ms(tool[key], key === 'perFileMs' ? 3 : 0) : '–')).join(' / ');
  return [
    `| ESLint + plugin / ESLint alone / squawk, one .sql file (fixed cost; median of ${c.runs}) | ${three('oneFileMs')} | the plugin adds ${ms(c.plugin.fixedMs, 0)} |`,
    `| the same, all ${n(c.files)} .sql files | ${three('allFilesMs')} | ESLint + plugin ${n(c.wholeProcessRatio, 1)}× squawk; ESLint alone ${n(c.eslintAloneToSquawkRatio, 1)}× |`,
    `| the same, each further .sql file ((all − one) / ${n(c.files - 1)}) | ${three('perFileMs')} | ESLint + plugin ${n(c.perFileRatio, 1)}× squawk per file; the plugin's share ${ms(c.plugin.perFileMs, 3)} |`,
  ].join('\n');
}

/** The real-world corpus of the plugin's recall test (packages/eslint-plugin/test/corpus), through the same ESLint CLI run. */
function realWorldRows(r) {
  if (!r) return '';
  if (!r.available) return `| real-world corpus | not measured | ${r.reason} |`;
  return [
    `| ESLint with \`configs.recommended\`, real-world corpus (${n(r.files)} files, ${n(r.packages.length)} npm packages) | ${s(r.wallMs)} | ${ms(r.msPerFile, 2)} per file |`,
    `| the plugin's rules on it (\`TIMING=1\`) | ${s(r.rulesMsFromTiming)} | ${n(r.rulesShareOfWallPercent, 1)}% of ESLint's wall time (${n(r.rulesShareOfLintPercent, 1)}% of its per-file lint time) |`,
  ].join('\n');
}

function action(a) {
  if (!a) return '';
  if (a.error) return `### 5. Action start\n\nCould not run: ${a.error}\n`;
  const f = (x) => (x?.medianToFirstQueryMs === undefined ? '–' : ms(x.medianToFirstQueryMs, 0));
  return [
    '### 5. Action start',
    '',
    '| dist/ JavaScript (entries and shared chunks) | start to first query: Action, `.ts` registry | Action, `.json` registry | CLI, `.ts` registry | CLI, `.json` registry | `node -e 0` |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${n(a.sizes['all JavaScript']?.KiB / 1024, 2)} MiB (${n(a.sizes['all JavaScript']?.gzipKiB)} KiB gzipped) + ${n(a.sizes['libpg-query.wasm']?.KiB / 1024, 2)} MiB libpg-query.wasm | ${f(a.action?.tsRegistry)} | ${f(a.action?.jsonRegistry)} | ${f(a.cli?.tsRegistry)} | ${f(a.cli?.jsonRegistry)} | ${ms(a.nodeEmptyScriptStartMs, 0)} |`,
    '',
    a.actionNode24?.available === false
      ? `On Node 24 (action.yml's runtime): not measured, ${a.actionNode24.reason}.`
      : a.actionNode24
        ? `On Node 24 (${a.actionNode24.node}, the runtime action.yml names): the Action's start to first query ${f(a.actionNode24.tsRegistry)} with the \`.ts\` registry, ${f(a.actionNode24.jsonRegistry)} with the \`.json\` one; \`node -e 0\` ${ms(a.actionNode24.nodeEmptyScriptStartMs, 0)}.`
        : '',
    '',
  ].join('\n');
}

function fleet(f) {
  if (!f) return '';
  if (f.error) return `### 6. Fleet\n\nCould not run: ${f.error}\n`;
  return [
    `### 6. Fleet: ${n(f.databases)} databases on one server, ${n(f.rowsPerDatabase)} rows each, a ${f.indexes}-index registry`,
    '',
    '| `--concurrency` (= `--per-host`) | wall time | peak connections (bound) | builder peak RSS | indexes created |',
    '| --- | --- | --- | --- | --- |',
    ...f.runs.map(
      (r) =>
        `| ${r.concurrency} | ${s(r.wallMs)} | ${n(r.peakConnections)} (${n(r.connectionBound)}) | ${n(r.peakRssMiB, 1)} MiB | ${n(r.created)} |`,
    ),
    '',
    ...(f.measuredSeparately
      ? [
          `Measured separately (\`${f.measuredSeparately.command}\`, ${f.measuredSeparately.generatedAt.slice(0, 16).replace('T', ' ')} UTC, commit ${f.measuredSeparately.product?.gitCommit?.slice(0, 12) ?? 'unknown'}), load average ${f.measuredSeparately.loadAverageAtStart?.join(' / ') ?? '–'} at start.`,
          '',
        ]
      : []),
  ].join('\n');
}

const met = (ok) => (ok === undefined ? '–' : ok ? 'yes' : '**no**');

/** The targets table: each figure beside the baseline it is compared with, the figure before the performance work, and the target. */
function targets(r) {
  const o = r.overhead && !r.overhead.error ? r.overhead : undefined;
  const a = r.actionStart && !r.actionStart.error ? r.actionStart : undefined;
  const g = r.registryScale && !r.registryScale.error ? r.registryScale : undefined;
  const l = r.lint && !r.lint.error ? r.lint : undefined;
  const rows = [];
  if (o) {
    const extra = o.medianBuilderProcessMs - o.medianBareClientMs;
    rows.push(
      `| builder process vs a bare client sending the same CIC | bare client ${s(o.medianBareClientMs)} | builder ${s(o.medianBuilderProcessMs)}: ${extra >= 0 ? '+' : '−'}${ms(Math.abs(extra), 0)} between the medians, median of per-pair ratios ${n(o.medianRatio, 3)} | +243 ms, ratio 1.06–1.10 | +100 ms, ratio 1.03 | ${met(o.medianRatio <= 1.03)} |`,
    );
  }
  if (a?.checkTsRegistry) {
    rows.push(
      `| \`check\` of a one-entry .ts registry, over \`node -e 0\` | \`node -e 0\` ${ms(a.nodeEmptyScriptStartMs, 0)} | ${ms(a.checkTsRegistry.medianMs, 0)}: +${ms(a.checkTsRegistry.overNodeMs, 0)} | +358 ms | +100 ms | ${met(a.checkTsRegistry.overNodeMs <= 100)} |`,
    );
  }
  const check24 = a?.actionNode24?.checkTsRegistry;
  if (check24) {
    rows.push(
      `| \`check\` of a one-entry .ts registry, over \`node -e 0\`, on Node 24 | \`node -e 0\` ${ms(a.actionNode24.nodeEmptyScriptStartMs, 0)} | ${ms(check24.medianMs, 0)}: +${ms(check24.overNodeMs, 0)} | 0.7–2 s, about 600 MiB | +100 ms | ${met(check24.overNodeMs <= 100)} |`,
    );
  }
  if (a?.action?.tsRegistry?.medianToFirstQueryMs !== undefined) {
    const t = a.action.tsRegistry.medianToFirstQueryMs;
    rows.push(
      `| Action start to first query, .ts registry | \`node -e 0\` ${ms(a.nodeEmptyScriptStartMs, 0)} | ${ms(t, 0)} | 283–330 ms | 150 ms | ${met(t <= 150)} |`,
    );
  }
  const t24 = a?.actionNode24?.tsRegistry?.medianToFirstQueryMs;
  if (t24 !== undefined) {
    rows.push(
      `| Action start to first query, .ts registry, on Node 24 (action.yml's \`node24\`) | \`node -e 0\` ${ms(a.actionNode24.nodeEmptyScriptStartMs, 0)} | ${ms(t24, 0)} | not measured | 150 ms | ${met(t24 <= 150)} |`,
    );
  }
  if (g) {
    const row = (label, x, one, before, time, mem) =>
      `| ${label} | one entry: ${s(one.medianMs)}, ${n(one.peakRssMiB)} MiB | ${s(x.medianMs)}, ${n(x.peakRssMiB)} MiB | ${before} | ${time}, ${mem} | ${met(x.medianMs < Number.parseFloat(time) * 1000 && x.peakRssMiB < Number.parseFloat(mem))} |`;
    rows.push(
      row(
        `\`plan\`, ${n(g.registryEntries)} entries against ${n(g.databaseIndexes.benchIndexes)} indexes`,
        g.plan,
        g.oneEntryBaseline.plan,
        '1.8–2.4 s, 216–255 MB',
        '1 s',
        '150 MiB',
      ),
    );
    rows.push(row(`\`check\`, ${n(g.registryEntries)} entries`, g.check, g.oneEntryBaseline.check, '1.3–1.7 s, 254 MB', '0.5 s', '150 MiB'));
    if (g.checkTs) {
      rows.push(
        row(`\`check\`, ${n(g.checkTs.entries)} entries in a .ts registry`, g.checkTs, g.oneEntryBaseline.check, '95 s, 957 MB', '5 s', '300 MiB'),
      );
    }
    if (g.checkTsNode24) {
      rows.push(
        row(
          `\`check\`, ${n(g.checkTsNode24.entries ?? g.checkTs.entries)} entries in a .ts registry, on Node 24 (${g.checkTsNode24.node})`,
          g.checkTsNode24,
          g.oneEntryBaseline.check,
          'about 740–855 MB',
          '5 s',
          '300 MiB',
        ),
      );
    }
  }
  if (l?.realWorld?.available) {
    const w = l.realWorld;
    rows.push(
      `| the plugin's rules, share of ESLint's wall time, real-world corpus (${n(w.files)} files) | ESLint ${s(w.wallMs)} | rules ${s(w.rulesMsFromTiming)}: ${n(w.rulesShareOfWallPercent, 1)}% | about 16% (12.1% by the corpus helper) | 5% | ${met(w.rulesShareOfWallPercent <= 5)} |`,
    );
  }
  if (l?.squawk?.available) {
    rows.push(
      `| ESLint + plugin on ${n(l.squawk.files)} .sql files, vs squawk | squawk ${s(l.squawk.wallMs)} | ESLint ${s(l.sqlOnly.wallMs)}: ${n(l.squawk.eslintToSquawkWallRatio, 1)}× | 6.4–7.1× | 3× | ${met(l.squawk.eslintToSquawkWallRatio <= 3)} |`,
    );
  }
  if (rows.length === 0) return '';
  return [
    '### Targets',
    '',
    '| what | baseline it is compared with | now | before | target | met |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function freshBuild(f) {
  if (!f) return '';
  if (f.error) return `### 7. Fresh build of 40 indexes\n\nFailed: ${f.error}\n`;
  return [
    `### 7. Fresh build of ${f.indexes} indexes on ${f.tables} tables (${f.rowsPerTable.toLocaleString('en-US')} rows each, ${f.tablesMiB} MiB), under ${f.writers} writers`,
    '',
    '| how | wall time | longest zero-write interval | peak builder connections (bound) | peak parallel workers |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...f.results.map(
      (r) =>
        `| ${r.mode} | ${r.wallSeconds} s | ${r.longestZeroWriteMs} ms | ${r.peakBuilderConnections === null ? '–' : `${r.peakBuilderConnections} (${r.connectionBound})`} | ${r.peakParallelWorkers ?? '–'} |`,
    ),
    '',
  ].join('\n');
}

function steadyState(s) {
  if (!s) return '';
  if (s.error) return `### 8. Steady state\n\nFailed: ${s.error}\n`;
  return [
    '### 8. Steady state: `build` of a 100-entry registry whose indexes all exist',
    '',
    `Median ${s.medianMs} ms over ${s.runs} runs (max ${s.maxMs} ms); \`node -e 0\` takes ${s.nodeStartMs} ms on this machine.`,
    '',
  ].join('\n');
}

function throttledReplica(r) {
  if (!r) return '';
  if (r.error) return `### 9. Throttled replica\n\nFailed: ${r.error}\n`;
  return [
    `### 9. A streaming replica with throttled replay (${r.throttle}), \`--max-replica-lag ${r.boundMs}ms\``,
    '',
    '| indexes | wall time | builds held back | time the builder waited | replay lag at build starts, max | replay lag overall, max / median |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${r.created}/${r.indexes} created | ${r.wallSeconds} s | ${r.heldBackIndexes} | ${r.builderWaitedSeconds} s | ${r.maxLagAtBuildStartMs} ms (${r.buildStartsSeen} starts seen; bound ${r.boundMs} ms) | ${r.maxLagObservedMs} / ${r.medianLagObservedMs} ms |`,
    '',
    'The gate holds each build until the lag is under the bound; a build in flight writes WAL and the lag can pass the bound while it runs.',
    '',
  ].join('\n');
}

export function renderMarkdown(results) {
  return [
    machine(results),
    targets(results),
    write(results.writeAvailability),
    overhead(results.overhead),
    registry(results.registryScale),
    lint(results.lint),
    action(results.actionStart),
    fleet(results.fleet),
    freshBuild(results.freshBuild),
    steadyState(results.steadyState),
    throttledReplica(results.throttledReplica),
  ]
    .filter(Boolean)
    .join('\n');
}
