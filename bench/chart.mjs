// bench/results/write-latency.svg: write latency over time while the index is built, (a) plain CREATE INDEX and
// (b) index-builder, on one time axis whose zero is the build start. Top: the worst and the median latency of the
// writes completed in each 100 ms (log scale); bottom: completed writes per second in 250 ms steps. The build
// windows are shaded, their ends marked.
import { document, el, polyline, text } from './lib/svg.mjs';
import { quantile } from './lib/stats.mjs';

const COLORS = { plain: '#d62728', builder: '#1f77b4' };
const LABELS = { plain: '(a) plain CREATE INDEX, as in a migration', builder: '(b) index-builder build (CONCURRENTLY)' };

/** The writes completed in each `widthMs` from `from` to the end of that run (or `to`, if sooner). */
function binned(raw, widthMs, from, to) {
  const n = Math.floor((Math.min(to, raw.runEndMs) - from) / widthMs);
  const lists = Array.from({ length: n }, () => []);
  for (let i = 0; i < raw.ends.length; i += 1) {
    const b = Math.floor((raw.ends[i] - from) / widthMs);
    if (b >= 0 && b < n) lists[b].push(raw.latencies[i]);
  }
  return lists.map((list, b) => ({
    t: from + (b + 0.5) * widthMs,
    count: list.length,
    max: list.length ? Math.max(...list) : null,
    p50: list.length ? quantile(list, 0.5) : null,
  }));
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw) {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= raw);
}

const seconds = (ms) => `${Math.round((ms / 1000) * 10) / 10} s`;
const latencyLabel = (ms) => (ms >= 1000 ? `${ms / 1000} s` : ms >= 1 ? `${ms} ms` : `${ms * 1000} µs`);

export function renderWriteLatencyChart(raw, figures) {
  const W = 960;
  const H = 600;
  const left = 78;
  const right = W - 24;
  const top1 = 122;
  const bottom1 = 380;
  const top2 = 420;
  const bottom2 = 540;
  const runs = { plain: raw.plain, builder: raw.builder };
  const from = Math.max(raw.plain.runStartMs, raw.builder.runStartMs) + 500;
  const to = Math.max(raw.plain.runEndMs, raw.builder.runEndMs);
  const x = (ms) => left + ((ms - from) / (to - from)) * (right - left);

  const latency = Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, binned(r, 100, from, to)]));
  const rate = Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, binned(r, 250, from, to)]));
  const values = Object.values(latency).flatMap((bs) => bs.flatMap((b) => (b.count ? [b.max, b.p50] : [])));
  const lo = 10 ** Math.floor(Math.log10(Math.max(0.01, Math.min(...values))));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
  const y1 = (ms) => bottom1 - ((Math.log10(Math.max(ms, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (bottom1 - top1);
  const maxRate = Math.max(...Object.values(rate).flatMap((bs) => bs.map((b) => (b.count * 1000) / 250)));
  const rateStep = niceStep(maxRate / 4);
  const rateTop = Math.ceil(maxRate / rateStep) * rateStep || rateStep;
  const y2 = (perSecond) => bottom2 - (perSecond / rateTop) * (bottom2 - top2);

  const parts = [el('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' })];
  const p = figures.plainCreateIndex;
  const b = figures.indexBuilder;
  parts.push(
    text(
      left,
      28,
      `Write latency while an index is built on ${figures.table.rows.toLocaleString('en-US')} rows, ${figures.writers.clients} clients writing`,
      { 'font-size': 17, 'font-weight': 'bold' },
    ),
  );
  parts.push(
    text(
      left,
      50,
      `(a) longest stretch with no completed write: ${seconds(p.longestZeroWriteIntervalMs)}, worst write ${seconds(p.latencyDuringBuildMs.max)}, build ${seconds(p.buildMs)}`,
      { fill: COLORS.plain },
    ),
    text(
      left,
      68,
      `(b) longest stretch with no completed write: ${Math.round(b.longestZeroWriteIntervalMs)} ms, worst write ${Math.round(b.latencyDuringBuildMs.max)} ms, build ${seconds(b.buildMs)} (process start to exit)`,
      { fill: COLORS.builder },
    ),
  );

  // Build windows, shaded, and their ends.
  for (const [k, r] of Object.entries(runs)) {
    parts.push(el('rect', { x: x(0), y: top1, width: x(r.buildEndMs) - x(0), height: bottom2 - top1, fill: COLORS[k], 'fill-opacity': 0.07 }));
  }
  // Axes and grid.
  for (let v = lo; v <= hi * 1.0001; v *= 10) {
    parts.push(
      el('line', { x1: left, x2: right, y1: y1(v), y2: y1(v), stroke: '#e3e3e3' }),
      text(left - 8, y1(v) + 4, latencyLabel(Number(v.toPrecision(1))), { 'text-anchor': 'end', fill: '#555' }),
    );
  }
  for (let v = 0; v <= rateTop; v += rateStep) {
    parts.push(
      el('line', { x1: left, x2: right, y1: y2(v), y2: y2(v), stroke: '#e3e3e3' }),
      text(left - 8, y2(v) + 4, String(Math.round(v)), { 'text-anchor': 'end', fill: '#555' }),
    );
  }
  const step = to - from > 40_000 ? 5000 : to - from > 16_000 ? 2000 : 1000;
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
    parts.push(
      el('line', { x1: x(t), x2: x(t), y1: bottom2, y2: bottom2 + 5, stroke: '#555' }),
      text(x(t), bottom2 + 19, `${t / 1000}`, { 'text-anchor': 'middle', fill: '#555' }),
    );
  }
  parts.push(
    el('rect', { x: left, y: top1, width: right - left, height: bottom1 - top1, fill: 'none', stroke: '#999' }),
    el('rect', { x: left, y: top2, width: right - left, height: bottom2 - top2, fill: 'none', stroke: '#999' }),
    text((left + right) / 2, bottom2 + 40, 'seconds since the build started', { 'text-anchor': 'middle', fill: '#333' }),
    text(18, (top1 + bottom1) / 2, 'write latency (log)', {
      transform: `rotate(-90 18 ${(top1 + bottom1) / 2})`,
      'text-anchor': 'middle',
      fill: '#333',
    }),
    text(18, (top2 + bottom2) / 2, 'writes / s', { transform: `rotate(-90 18 ${(top2 + bottom2) / 2})`, 'text-anchor': 'middle', fill: '#333' }),
  );

  // Series: worst latency per 100 ms (solid), median (thin); throughput per 250 ms.
  for (const k of ['builder', 'plain']) {
    parts.push(
      polyline(
        latency[k].map((bin) => (bin.count ? [x(bin.t), y1(bin.p50)] : null)),
        { stroke: COLORS[k], 'stroke-width': 1, 'stroke-opacity': 0.45 },
      ),
    );
    parts.push(
      polyline(
        latency[k].map((bin) => (bin.count ? [x(bin.t), y1(bin.max)] : null)),
        { stroke: COLORS[k], 'stroke-width': 1.6 },
      ),
    );
    parts.push(
      polyline(
        rate[k].map((bin) => [x(bin.t), y2((bin.count * 1000) / 250)]),
        { stroke: COLORS[k], 'stroke-width': 1.6 },
      ),
    );
  }

  // Markers: build start (shared), each build's end.
  parts.push(
    el('line', { x1: x(0), x2: x(0), y1: top1 - 8, y2: bottom2, stroke: '#222', 'stroke-dasharray': '5 3' }),
    text(x(0) + 4, top1 - 10, 'build starts', { fill: '#222' }),
  );
  let labelY = top1 + 14;
  for (const k of ['plain', 'builder']) {
    const end = runs[k].buildEndMs;
    parts.push(el('line', { x1: x(end), x2: x(end), y1: top1, y2: bottom2, stroke: COLORS[k], 'stroke-dasharray': '5 3' }));
    const nearRight = x(end) > right - 110;
    parts.push(
      text(x(end) + (nearRight ? -4 : 4), labelY, `${k === 'plain' ? '(a)' : '(b)'} build ends`, {
        fill: COLORS[k],
        'text-anchor': nearRight ? 'end' : 'start',
      }),
    );
    labelY += 16;
  }

  // Legend.
  let lx = left;
  for (const k of ['plain', 'builder']) {
    parts.push(el('line', { x1: lx, x2: lx + 24, y1: 88, y2: 88, stroke: COLORS[k], 'stroke-width': 2.5 }), text(lx + 30, 92, LABELS[k]));
    lx += 320;
  }
  parts.push(text(right, top1 - 10, 'thick: worst write in each 100 ms; thin: median', { fill: '#555', 'text-anchor': 'end' }));
  return document(W, H, parts);
}
