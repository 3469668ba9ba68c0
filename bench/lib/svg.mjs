// A tiny SVG writer: elements as strings, attributes escaped, numbers rounded. Enough for a line chart.

function escape(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const num = (v) => (typeof v === 'number' ? String(Math.round(v * 10) / 10) : v);

/** `<name attr="...">children</name>`; children are strings (already SVG) or arrays of them. */
export function el(name, attrs = {}, ...children) {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => ` ${k}="${escape(num(v))}"`)
    .join('');
  const body = children.flat(Infinity).join('');
  return body ? `<${name}${a}>${body}</${name}>` : `<${name}${a}/>`;
}

export const text = (x, y, content, attrs = {}) => el('text', { x, y, ...attrs }, escape(content));

/** A path through the points, broken (a new "M") wherever a point is null. */
export function polyline(points, attrs) {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${num(p[0])},${num(p[1])}`;
    pen = true;
  }
  return d ? el('path', { d, fill: 'none', ...attrs }) : '';
}

export function document(width, height, ...children) {
  return `${el('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'Helvetica, Arial, sans-serif', 'font-size': 12 }, ...children)}\n`;
}
