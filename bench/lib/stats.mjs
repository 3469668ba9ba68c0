// Small statistics helpers shared by the measurements. Every function takes plain numbers (milliseconds).

/** The q-quantile (0..1) of `values` by linear interpolation; null for an empty list. */
export function quantile(values, q) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

export function max(values) {
  let m = null;
  for (const v of values) if (m === null || v > m) m = v;
  return m;
}

/**
 * The longest stretch of [from, to] with no event in `times` (sorted or not): the gaps between consecutive events,
 * counting the window's edges. Returns { ms, start, end } in the units of `times`.
 */
export function longestGap(times, from, to) {
  const inside = Float64Array.from(times.filter((t) => t >= from && t <= to)).sort();
  let best = { ms: 0, start: from, end: from };
  let previous = from;
  for (const t of [...inside, to]) {
    if (t - previous > best.ms) best = { ms: t - previous, start: previous, end: t };
    previous = t;
  }
  return best;
}

/** Rounds to `digits` decimals (default 1) so that the JSON stays readable; null stays null. */
export function round(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
