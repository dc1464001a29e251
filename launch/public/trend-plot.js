// Trend plots with uPlot (vendored, served from this origin): one plot per lab or vital, its
// reference range as a shaded band, each reading a point; a table of the same values beside it
// for screen readers and keyboard users (the canvas itself is described by its aria-label).
import { el } from './render.js';

const DAY_S = 86400;
const COLORS = ['#1f5fa8', '#b5520c'];

function cssVar(name, fallback) {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}

function rangeText(range, unit) {
  if (!range) return undefined;
  const u = unit ? ` ${unit}` : '';
  if (range.low !== undefined && range.high !== undefined) return `${range.low}–${range.high}${u}`;
  if (range.low !== undefined) return `≥ ${range.low}${u}`;
  return `≤ ${range.high}${u}`;
}

/** What the plot shows, in words: its accessible name. */
function describe(trend) {
  const first = trend.series[0];
  const n = first.points.length;
  const from = first.points[0].date;
  const to = first.points[n - 1].date;
  const latest = trend.series.map((s) => s.points[n - 1].value).join('/');
  const ranges = trend.series
    .map((s) => (s.range ? `${trend.series.length > 1 ? `${s.label} ` : ''}reference range ${rangeText(s.range, trend.unit)}` : undefined))
    .filter(Boolean);
  return `${trend.title} trend: ${n} reading${n === 1 ? '' : 's'} from ${from} to ${to}; latest ${latest} ${trend.unit}.${ranges.length ? ` ${ranges.join('; ')}.` : ''}`;
}

function padded(min, max, extra) {
  const values = [min, max, ...extra].filter((v) => Number.isFinite(v));
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= Math.abs(lo) * 0.1 || 1;
    hi += Math.abs(hi) * 0.1 || 1;
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

function drawBands(trend) {
  return (u) => {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    trend.series.forEach((s, i) => {
      if (!s.range) return;
      const hi = s.range.high !== undefined ? u.valToPos(s.range.high, 'y', true) : top;
      const lo = s.range.low !== undefined ? u.valToPos(s.range.low, 'y', true) : top + height;
      ctx.fillStyle = i === 0 ? 'rgba(46, 125, 50, 0.12)' : 'rgba(46, 125, 50, 0.07)';
      ctx.fillRect(left, Math.max(top, Math.min(hi, lo)), width, Math.min(height, Math.abs(lo - hi)));
    });
    ctx.restore();
  };
}

/** Where each reading of the first series was drawn (canvas pixels): the browser tests check a point is there. */
function notePointPositions(u) {
  const xs = u.data[0];
  const ys = u.data[1];
  const at = xs.map((x, i) => [Math.round(u.valToPos(x, 'x', true)), Math.round(u.valToPos(ys[i], 'y', true))]);
  u.root.parentElement.dataset.pointPx = JSON.stringify(at);
}

function plotOptions(trend, width) {
  const bounds = trend.series.flatMap((s) => (s.range ? [s.range.low, s.range.high] : []));
  return {
    width,
    height: 220,
    legend: { show: trend.series.length > 1 },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true, range: (_u, min, max) => (min === max ? [min - 30 * DAY_S, max + 30 * DAY_S] : [min, max]) },
      y: { range: (_u, min, max) => padded(min, max, bounds) },
    },
    axes: [
      { label: 'Date', stroke: cssVar('--cb-text', '#1a1a1a'), size: 44 },
      { label: trend.unit || 'value', stroke: cssVar('--cb-text', '#1a1a1a'), size: 56 },
    ],
    series: [
      { label: 'Date', value: (_u, v) => (v == null ? '–' : new Date(v * 1000).toISOString().slice(0, 10)) },
      ...trend.series.map((s, i) => ({
        label: s.label,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        value: (_u, v) => (v == null ? '–' : String(Number(v.toFixed(2)))),
        points: { show: true, size: 8, fill: COLORS[i % COLORS.length] },
      })),
    ],
    hooks: { drawClear: [drawBands(trend)], draw: [notePointPositions] },
  };
}

function table(trend, onCite) {
  const head = el('tr', {}, el('th', { scope: 'col' }, 'Date'), trend.series.map((s) => el('th', { scope: 'col' }, `${s.label} (${trend.unit || 'value'})`)), el('th', { scope: 'col' }, 'Source'));
  const rows = trend.series[0].points
    .map((p, i) => ({ p, i }))
    .reverse()
    .map(({ p, i }) =>
      el(
        'tr',
        { dataset: { ref: p.ref } },
        el('td', {}, p.date),
        trend.series.map((s) => el('td', {}, String(Number(s.points[i].value.toFixed(2))))),
        el('td', {}, el('button', { type: 'button', className: 'cite', dataset: { ref: p.ref }, onclick: (e) => onCite(p.ref, e.currentTarget) }, 'Open')),
      ),
    );
  return el(
    'details',
    { className: 'trend-table' },
    el('summary', {}, `Table of ${trend.series[0].points.length} values`),
    el('table', {}, el('caption', {}, `${trend.title} (${trend.unit || 'no unit'}), newest first`), el('thead', {}, head), el('tbody', {}, rows)),
  );
}

/** A figure with the plot, its range in words and its table; the plot draws once the figure is in the page. */
export function trendFigure(trend, onCite) {
  const plot = el('div', { className: 'plot', role: 'img', 'aria-label': describe(trend), dataset: { points: String(trend.series[0].points.length), series: String(trend.series.length) } });
  const ranges = trend.series
    .map((s) => (s.range ? `${trend.series.length > 1 ? `${s.label}: ` : ''}reference range ${rangeText(s.range, trend.unit)} (${s.range.source})` : undefined))
    .filter(Boolean);
  const figure = el(
    'figure',
    { className: 'trend', dataset: { trend: trend.key } },
    el('figcaption', {}, el('h3', {}, `${trend.title}`, el('span', { className: 'unit' }, trend.unit ? ` · ${trend.unit}` : ''))),
    plot,
    el('p', { className: 'range' }, ranges.length ? ranges.join(' · ') : 'No reference range for this measure.'),
    trend.omitted > 0 ? el('p', { className: 'note' }, `${trend.omitted} reading(s) in another unit or older are not plotted.`) : undefined,
    table(trend, onCite),
  );
  return { figure, draw: () => drawPlot(trend, plot) };
}

function drawPlot(trend, container) {
  const uPlot = window.uPlot;
  if (!uPlot) {
    container.append(el('p', { className: 'note' }, 'The plot could not be drawn; the table below has every value.'));
    return;
  }
  const xs = trend.series[0].points.map((p) => p.t / 1000);
  const data = [xs, ...trend.series.map((s) => s.points.map((p) => p.value))];
  const width = Math.max(240, container.clientWidth);
  const chart = new uPlot(plotOptions(trend, width), data, container);
  container.dataset.drawn = 'true';
  const observer = new ResizeObserver(() => {
    const w = Math.max(240, container.clientWidth);
    if (Math.abs(w - chart.width) > 2) chart.setSize({ width: w, height: 220 });
  });
  observer.observe(container);
}
