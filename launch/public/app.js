// The ChartBrief app page: the patient banner (unless the EHR shows its own), findings with their
// evidence, the full brief with a citation on every statement, trend plots, and the provenance
// line. Data comes from /app/api/{session}/…; the page never holds a token. While a model is
// writing the brief, the embedded brief is shown and replaced when the model's arrives.
import { el, markdown } from './render.js';
import { trendFigure } from './trend-plot.js';

const session = new URLSearchParams(window.location.search).get('session') ?? '';
const api = (path) => `/app/api/${encodeURIComponent(session)}${path}`;
const POLL_MS = 1500;
const POLL_LIMIT = 240;
const SEVERITY_LABEL = { critical: 'Critical', warning: 'Warning', info: 'Info' };

const $ = (selector) => document.querySelector(selector);
let lastTrigger = null;

/** The first issue of an OperationOutcome error answer: its title (`details.text`) and its words (`diagnostics`). */
function problemOf(body) {
  const issue = Array.isArray(body?.issue) ? body.issue[0] : undefined;
  return { title: issue?.details?.text, message: issue?.diagnostics };
}

class SessionEnded extends Error {
  constructor(problem) {
    super(problem.message ?? 'Session expired');
    this.problem = problem;
  }
}

async function getJson(path) {
  const response = await fetch(api(path), { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401 || response.status === 403) throw new SessionEnded(problemOf(body));
  if (!response.ok) throw new Error(problemOf(body).message ?? `HTTP ${response.status}`);
  return body;
}

function setStatus(text) {
  $('#status').textContent = text;
}

/** The session has ended: no chart content stays on screen. */
function showEnded(problem) {
  document.body.dataset.state = 'expired';
  $('#patient-banner').hidden = true;
  $('#patient-banner').replaceChildren();
  const dialog = $('#resource-dialog');
  if (dialog.open) dialog.close();
  $('#content').replaceChildren(
    el('section', { className: 'message-page' }, el('h1', {}, problem.title ?? 'Session expired: relaunch from the EHR'), el('p', {}, problem.message ?? 'Open ChartBrief again from the patient’s chart in the EHR.')),
  );
  setStatus('');
}

function applyStyle(style) {
  for (const [name, value] of Object.entries(style ?? {})) {
    if (name.startsWith('--cb-')) document.documentElement.style.setProperty(name, value);
  }
}

function banner(view) {
  const header = $('#patient-banner');
  if (!view.showBanner) {
    header.hidden = true;
    document.body.dataset.banner = 'hidden';
    return;
  }
  const p = view.patient;
  const facts = [p.gender, p.age !== undefined ? `${p.age} y` : undefined, p.birthDate ? `DOB ${p.birthDate}` : undefined, p.mrn ? `MRN ${p.mrn}` : undefined].filter(Boolean);
  const deceased = p.deceased ? el('p', { className: 'deceased', id: 'patient-deceased' }, p.deceased.date ? `Deceased ${p.deceased.date}` : 'Deceased') : undefined;
  header.replaceChildren(...[el('p', { className: 'patient-name', id: 'patient-name' }, p.name), deceased, el('p', { className: 'patient-facts' }, facts.join(' · '))].filter(Boolean));
  document.body.dataset.deceased = p.deceased ? 'true' : 'false';
  header.setAttribute('aria-label', 'Patient');
  header.hidden = false;
  document.body.dataset.banner = 'shown';
}

// --- citations and the resource dialog ---------------------------------------------------------

function citations(list) {
  if (!list || list.length === 0) return undefined;
  return el(
    'span',
    { className: 'citations' },
    list.map((c) =>
      c.available
        ? el('button', { type: 'button', className: 'cite', dataset: { ref: c.ref }, title: `Open ${c.ref}`, onclick: (e) => openResource(c.ref, e.currentTarget) }, c.label)
        : el('span', { className: 'cite missing', title: 'Not in the chart ChartBrief read' }, c.label),
    ),
  );
}

async function openResource(ref, trigger) {
  lastTrigger = trigger ?? null;
  const dialog = $('#resource-dialog');
  const body = $('#resource-body');
  $('#resource-title').textContent = ref;
  body.replaceChildren(el('p', { className: 'status' }, 'Loading…'));
  if (!dialog.open) dialog.showModal();
  try {
    const view = await getJson(`/resource/${ref.split('/').map(encodeURIComponent).join('/')}`);
    $('#resource-title').textContent = view.title;
    dialog.dataset.ref = view.ref;
    body.replaceChildren(
      el('p', { className: 'resource-ref' }, `${view.resourceType} · ${view.ref}`),
      el('dl', { className: 'fields' }, view.fields.flatMap((f) => [el('dt', {}, f.label), el('dd', {}, f.value)])),
      el('details', { className: 'raw' }, el('summary', {}, 'Raw FHIR JSON'), el('pre', {}, JSON.stringify(view.raw, null, 2))),
    );
  } catch (e) {
    if (e instanceof SessionEnded) return showEnded(e.problem);
    body.replaceChildren(el('p', { className: 'error' }, `This resource could not be shown: ${e.message}`));
  }
}

// --- the brief ---------------------------------------------------------------------------------

function briefContent(brief, modelStatus) {
  const sections = brief.sections.map((s) =>
    el(
      'section',
      { className: 'brief-section', dataset: { section: s.name }, 'aria-labelledby': `brief-${s.name}` },
      el('h3', { id: `brief-${s.name}` }, s.title, s.omitted ? el('span', { className: 'omitted' }, ` (+${s.omitted} more in the chart)`) : undefined),
      el('ul', {}, s.statements.map((st) => el('li', { className: 'statement' }, el('span', { className: 'text' }, st.text), ' ', citations(st.citations)))),
    ),
  );
  const note =
    modelStatus === 'computing'
      ? 'A model is writing a fuller brief; the embedded brief is shown until it is ready.'
      : modelStatus === 'failed'
        ? 'The model brief is not available; this is the embedded brief.'
        : undefined;
  return [
    el('p', { className: 'headline' }, el('span', { className: 'text' }, brief.headline.text), ' ', citations(brief.headline.citations)),
    el('p', { id: 'provenance', className: 'provenance', dataset: { provider: brief.provenance.provider } }, brief.provenance.text),
    note ? el('p', { id: 'brief-note', className: 'note', role: 'status' }, note) : undefined,
    ...sections,
  ];
}

function renderBrief(brief, modelStatus) {
  const container = $('#brief-body');
  container.replaceChildren(...briefContent(brief, modelStatus).filter(Boolean));
  document.body.dataset.brief = brief.provenance.provider === 'embedded' ? 'embedded' : 'model';
}

async function pollModelBrief() {
  for (let i = 0; i < POLL_LIMIT; i++) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    let answer;
    try {
      answer = await getJson('/brief');
    } catch (e) {
      if (e instanceof SessionEnded) return showEnded(e.problem);
      continue;
    }
    if (answer.status === 'ready' && answer.brief) {
      renderBrief(answer.brief, 'ready');
      setStatus('The model’s brief has replaced the embedded brief.');
      return;
    }
    if (answer.status === 'failed' || answer.status === 'off') {
      const note = $('#brief-note');
      if (note) note.textContent = 'The model brief is not available; this is the embedded brief.';
      return;
    }
  }
}

// --- findings, trends, context -----------------------------------------------------------------

function findingsSection(findings) {
  const items = findings.map((f) =>
    el(
      'article',
      { className: `finding severity-${f.severity}`, dataset: { severity: f.severity, rule: f.ruleId } },
      el('h3', {}, el('span', { className: 'badge' }, SEVERITY_LABEL[f.severity] ?? f.severity), ' ', f.summary),
      markdown(f.detail),
      el('p', { className: 'evidence' }, el('span', { className: 'label' }, 'Evidence: '), citations(f.citations)),
      el('p', { className: 'source' }, 'Source: ', f.source.url ? el('a', { href: f.source.url, target: '_blank', rel: 'noopener noreferrer' }, f.source.label) : f.source.label),
    ),
  );
  return el(
    'section',
    { id: 'findings', className: 'panel', 'aria-labelledby': 'findings-title' },
    el('h2', { id: 'findings-title' }, 'Findings'),
    items.length ? items : el('p', { className: 'empty' }, 'No findings from the clinical rules for this chart.'),
  );
}

function trendsSection(trends) {
  const figures = trends.map((t) => trendFigure(t, openResource));
  const section = el(
    'section',
    { id: 'trends', className: 'panel', 'aria-labelledby': 'trends-title' },
    el('h2', { id: 'trends-title' }, 'Trends'),
    figures.length ? figures.map((f) => f.figure) : el('p', { className: 'empty' }, 'No creatinine, eGFR, potassium, HbA1c, blood pressure or weight readings in the chart.'),
  );
  return { section, draw: () => figures.forEach((f) => f.draw()) };
}

/** The footer: who is signed in and the encounter by name (their ids only when the EHR would not let the app read them). */
function contextLine(view) {
  const c = view.context;
  const parts = [
    c.user ? `Signed in as ${c.userName ?? c.user}` : undefined,
    c.encounter ? `Encounter: ${c.encounterName ?? c.encounter}` : undefined,
    c.intent ? `Intent: ${c.intent}` : undefined,
    ...c.fhirContext.map((x) => `Context: ${x.reference ?? x.canonical}${x.role ? ` (${x.role})` : ''}`),
    view.unavailable.length ? `Not available from the EHR: ${view.unavailable.join(', ')}` : undefined,
  ].filter(Boolean);
  return el('footer', { className: 'context', id: 'context' }, parts.join(' · '));
}

async function main() {
  const dialog = $('#resource-dialog');
  $('#resource-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => lastTrigger?.focus());
  let view;
  try {
    view = await getJson('/view');
  } catch (e) {
    if (e instanceof SessionEnded) return showEnded(e.problem);
    document.body.dataset.state = 'error';
    setStatus(`ChartBrief could not open this chart: ${e.message}`);
    return;
  }
  applyStyle(view.style);
  banner(view);
  const trends = trendsSection(view.trends);
  const brief = el('section', { id: 'brief', className: 'panel', 'aria-labelledby': 'brief-title' }, el('h2', { id: 'brief-title' }, 'Brief'), el('div', { id: 'brief-body' }));
  $('#content').replaceChildren(el('div', { className: 'layout' }, el('div', { className: 'column' }, findingsSection(view.findings), brief), el('div', { className: 'column' }, trends.section)), contextLine(view));
  renderBrief(view.brief, view.modelBrief);
  trends.draw();
  document.body.dataset.state = 'ready';
  setStatus('');
  if (view.modelBrief === 'computing') await pollModelBrief();
}

void main();
