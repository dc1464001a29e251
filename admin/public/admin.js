// The alert analytics page: asks for ADMIN_TOKEN (kept in this tab's sessionStorage, sent only in
// the Authorization header, never in a URL), reads /admin/api/alerts and its daily series, and
// draws the table and two uPlot plots. Rules overridden more than 90% are retirement candidates.

const TOKEN_KEY = 'chartbrief.adminToken';
const RETIRE_ABOVE = 0.9;
const COLORS = ['#1f5fa8', '#b5520c', '#2e7d32', '#6a1b9a', '#00838f', '#8a5300', '#ad1457', '#37474f'];
const CRITICAL = '#b00020';
const DAY_S = 86400;

const $ = (id) => document.getElementById(id);
const storage = window.sessionStorage;
let plots = [];

/** A DOM element from a tag, properties and children (strings become text: nothing is parsed as HTML). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'className') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== undefined && c !== null) node.append(c);
  return node;
}

const percent = (rate) => (rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`);
const isCandidate = (rule) => rule.overrideRate !== null && rule.overrideRate > RETIRE_ABOVE;

function setStatus(text, error = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

function query() {
  const params = new URLSearchParams();
  if ($('since').value) params.set('since', $('since').value);
  if ($('until').value) params.set('until', $('until').value);
  const q = params.toString();
  return q ? `?${q}` : '';
}

async function getJson(path, token) {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, cache: 'no-store', credentials: 'omit' });
  if (res.status === 401) throw Object.assign(new Error('The admin token was not accepted.'), { unauthorized: true });
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(body?.issue?.[0]?.diagnostics ?? `The service answered HTTP ${res.status}.`);
  return body;
}

function reasonsCell(reasons) {
  const entries = Object.entries(reasons);
  return entries.length === 0 ? '–' : entries.map(([code, n]) => `${code} (${n})`).join(', ');
}

function rowsCell(rule) {
  if (rule.rows.length === 0) return '–';
  const head = el('tr', {}, ['Knowledge row', 'Shown', 'Accepted', 'Overridden'].map((h) => el('th', { scope: 'col' }, h)));
  const body = rule.rows.map((r) => el('tr', {}, el('td', {}, r.knowledgeRow), el('td', { className: 'num' }, String(r.shown)), el('td', { className: 'num' }, String(r.accepted)), el('td', { className: 'num' }, String(r.overridden))));
  return el('details', {}, el('summary', {}, `${rule.rows.length} row${rule.rows.length === 1 ? '' : 's'}`), el('table', {}, el('thead', {}, head), el('tbody', {}, body)));
}

function drawTable(report) {
  const tbody = $('rules').querySelector('tbody');
  tbody.replaceChildren(
    ...(report.rules.length === 0
      ? [el('tr', {}, el('td', { colspan: '8' }, 'No rule cards were shown in this window.'))]
      : report.rules.map((rule) =>
          el(
            'tr',
            { className: isCandidate(rule) ? 'retire' : '', dataset: { rule: rule.ruleId } },
            el('th', { scope: 'row' }, rule.ruleId, isCandidate(rule) ? el('span', { className: 'badge' }, 'Retirement candidate') : undefined),
            ...[rule.shown, rule.accepted, rule.overridden, rule.ignored].map((n) => el('td', { className: 'num' }, String(n))),
            el('td', { className: 'num' }, percent(rule.overrideRate)),
            el('td', {}, reasonsCell(rule.reasons)),
            el('td', {}, rowsCell(rule)),
          ),
        )),
  );
}

/** A dashed line across the plot at the retirement threshold. */
function thresholdLine(u) {
  const y = u.valToPos(RETIRE_ABOVE * 100, 'y', true);
  const { ctx } = u;
  ctx.save();
  ctx.strokeStyle = CRITICAL;
  ctx.setLineDash([6, 4]);
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(u.bbox.left, y);
  ctx.lineTo(u.bbox.left + u.bbox.width, y);
  ctx.stroke();
  ctx.restore();
}

const yAxis = { label: 'Override rate (%)', values: (_u, splits) => splits.map((v) => `${v}%`) };
const yScale = { range: [0, 100] };

function plotWidth(container) {
  return Math.max(320, container.clientWidth);
}

function drawRates(uPlot, report, container) {
  const rules = report.rules.filter((r) => r.overrideRate !== null);
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', rules.length === 0 ? 'No accepted or overridden cards in this window.' : `Override rate by rule: ${rules.map((r) => `${r.ruleId} ${percent(r.overrideRate)}`).join(', ')}.`);
  container.dataset.rules = String(rules.length);
  if (rules.length === 0) return undefined;
  const xs = rules.map((_r, i) => i);
  const rates = rules.map((r) => r.overrideRate * 100);
  // One colour per bar: retirement candidates in red.
  const colours = rules.map((r) => (isCandidate(r) ? CRITICAL : COLORS[0]));
  const bars = uPlot.paths.bars({ size: [0.6, 80], disp: { fill: { unit: 3, values: () => colours } } });
  return new uPlot(
    {
      width: plotWidth(container),
      height: 260,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [-0.5, rules.length - 0.5] }, y: yScale },
      axes: [{ label: 'Rule', splits: () => xs, values: (_u, splits) => splits.map((i) => rules[i]?.ruleId ?? ''), size: 60 }, yAxis],
      series: [{}, { label: 'Override rate', paths: bars, points: { show: false }, width: 0, fill: COLORS[0] }],
      hooks: { draw: [thresholdLine] },
    },
    [xs, rates],
    container,
  );
}

function drawDaily(uPlot, series, report, container) {
  const candidates = new Set(report.rules.filter(isCandidate).map((r) => r.ruleId));
  const rules = series.rules.filter((r) => r.overrideRate.some((v) => v !== null));
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', `Override rate per rule per day from ${series.days[0] ?? series.since} to ${series.days[series.days.length - 1] ?? series.until}; the table below has the totals.`);
  container.dataset.series = String(rules.length);
  if (rules.length === 0) return undefined;
  const xs = series.days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  return new uPlot(
    {
      width: plotWidth(container),
      height: 300,
      // Room on the right for the last date's label.
      padding: [12, 40, 0, 0],
      scales: { x: { time: true }, y: yScale },
      // Whole days only (the data has one point per UTC day), labelled as dates.
      axes: [{ label: 'Day shown (UTC)', incrs: [DAY_S, 7 * DAY_S, 28 * DAY_S], values: (_u, splits) => splits.map((v) => new Date(v * 1000).toISOString().slice(0, 10)) }, yAxis],
      series: [
        { label: 'Day', value: (_u, v) => (v === null ? '–' : new Date(v * 1000).toISOString().slice(0, 10)) },
        ...rules.map((r, i) => {
          const retire = candidates.has(r.ruleId);
          const colour = retire ? CRITICAL : COLORS[i % COLORS.length];
          return { label: retire ? `${r.ruleId} (retirement candidate)` : r.ruleId, stroke: colour, width: retire ? 3 : 1.5, spanGaps: true, points: { show: true, size: retire ? 7 : 5, fill: colour }, value: (_u, v) => (v === null ? '–' : `${v.toFixed(0)}%`) };
        }),
      ],
      hooks: { draw: [thresholdLine] },
    },
    [xs, ...rules.map((r) => r.overrideRate.map((v) => (v === null ? null : v * 100)))],
    container,
  );
}

function drawPlots(report, series) {
  for (const p of plots) p.destroy();
  plots = [];
  const uPlot = window.uPlot;
  if (!uPlot) {
    setStatus('The plots could not be drawn; the table has every figure.', true);
    return;
  }
  const rates = $('rates-plot');
  const daily = $('daily-plot');
  rates.replaceChildren();
  daily.replaceChildren();
  plots = [drawRates(uPlot, report, rates), drawDaily(uPlot, series, report, daily)].filter(Boolean);
  rates.dataset.drawn = 'true';
  daily.dataset.drawn = 'true';
}

async function load(token) {
  setStatus('Loading…');
  try {
    const q = query();
    const [report, series] = await Promise.all([getJson(`/admin/api/alerts${q}`, token), getJson(`/admin/api/alerts/daily${q}`, token)]);
    storage.setItem(TOKEN_KEY, token);
    $('forget').hidden = false;
    $('results').hidden = false;
    $('window').textContent = `Cards shown from ${report.since} to ${report.until} (UTC).`;
    drawTable(report);
    drawPlots(report, series);
    const candidates = report.rules.filter(isCandidate).length;
    setStatus(`${report.rules.length} rule${report.rules.length === 1 ? '' : 's'} shown cards; ${candidates} retirement candidate${candidates === 1 ? '' : 's'}.`);
  } catch (e) {
    if (e.unauthorized) {
      storage.removeItem(TOKEN_KEY);
      $('forget').hidden = true;
      $('results').hidden = true;
    }
    setStatus(e.message, true);
  }
}

$('query').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token').value.trim() || storage.getItem(TOKEN_KEY) || '';
  $('token').value = '';
  $('token').required = false;
  if (token === '') {
    setStatus('Enter the admin token.', true);
    return;
  }
  void load(token);
});

$('forget').addEventListener('click', () => {
  storage.removeItem(TOKEN_KEY);
  $('forget').hidden = true;
  $('results').hidden = true;
  $('token').required = true;
  setStatus('Token forgotten. Enter it again to see the alerts.');
});

window.addEventListener('resize', () => {
  for (const p of plots) p.setSize({ width: plotWidth(p.root.parentElement), height: p.height });
});

const saved = storage.getItem(TOKEN_KEY);
if (saved) {
  $('token').required = false;
  void load(saved);
}
