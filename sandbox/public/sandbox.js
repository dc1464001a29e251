// The sandbox EHR page: a patient picker, the chart's CDS cards, draft medication orders, and app
// launch. It talks only to its own back end (/sandbox/api), which signs the CDS Hooks calls.
import { isHttpUrl, renderMarkdown } from './markdown.js';

const state = { patients: [], patient: null, draftOptions: [], drafts: [], otherOrders: [], lastOrdersHook: 'order-select' };

const $ = (selector) => document.querySelector(selector);

/** A new element with attributes, text or element children (text is never parsed as HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'className') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== undefined && child !== null) node.append(child);
  return node;
}

async function api(path, options = {}) {
  const init = { method: options.method ?? 'GET', headers: { accept: 'application/json' } };
  if (options.body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await fetch(`api/${path}`, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

function setStatus(text, isError = false) {
  const status = $('#status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

function renderPatients() {
  const list = $('#patient-list');
  list.replaceChildren();
  for (const p of state.patients) {
    const button = el(
      'button',
      { type: 'button', className: 'patient', 'data-patient-id': p.id, 'aria-pressed': state.patient?.id === p.id ? 'true' : 'false' },
      el('span', { className: 'patient-name' }, p.name),
      el('span', { className: 'muted' }, ` ${p.age} ${p.sex === 'female' ? 'F' : p.sex === 'male' ? 'M' : ''}${p.deceased ? ' · deceased' : ''}`),
      el('span', { className: 'patient-problems' }, p.problems.join(' · ') || 'no active problems'),
      p.allergies.length > 0 ? el('span', { className: 'patient-allergies' }, `Allergies: ${p.allergies.slice(0, 3).join(', ')}${p.allergies.length > 3 ? '…' : ''}`) : null,
    );
    button.addEventListener('click', () => void openChart(p));
    list.append(el('li', {}, button));
  }
}

function renderBanner(p) {
  $('#patient-banner').replaceChildren(
    el('h1', {}, p.name),
    el('p', {}, `${p.sex}, ${p.age} years, born ${p.birthDate}${p.deceased ? ' (deceased)' : ''} · id `, el('code', {}, p.id)),
    p.shiftedDays ? el('p', { className: 'muted' }, `Fixture record moved ${p.shiftedDays} days forward (every date alike) so that it reads as of today.`) : null,
    el('p', {}, el('strong', {}, 'Problems: '), p.problems.join(' · ') || 'none recorded'),
    el('p', {}, el('strong', {}, 'Allergies: '), p.allergies.join(', ') || 'none recorded'),
    el('p', {}, el('strong', {}, 'Active medications: '), p.medications.join(' · ') || 'none recorded'),
  );
}

function medicationName(order) {
  return order.medicationCodeableConcept?.text ?? order.medicationCodeableConcept?.coding?.[0]?.display ?? order.code?.text ?? order.resourceType;
}

function renderDrafts() {
  $('#draft-list').replaceChildren(
    ...state.drafts.map((d) => {
      const remove = el('button', { type: 'button', className: 'link-button', 'aria-label': `Remove ${medicationName(d)}` }, 'remove');
      remove.addEventListener('click', () => {
        state.drafts = state.drafts.filter((x) => x !== d);
        renderDrafts();
      });
      return el('li', { 'data-draft-id': d.id }, el('span', { className: 'draft-name' }, medicationName(d)), ` — ${d.dosageInstruction?.[0]?.text ?? ''} `, remove);
    }),
  );
  $('#other-orders').replaceChildren(...state.otherOrders.map((o) => el('li', {}, `${o.resourceType} (draft): ${medicationName(o)}`)));
  $('#sign-orders').disabled = state.drafts.length === 0;
}

function showExchange(request, answer) {
  $('#last-request').textContent = JSON.stringify(request, null, 2);
  $('#last-response').textContent = `HTTP ${answer.status} in ${answer.ms} ms\n${JSON.stringify(answer.body, null, 2)}`;
}

/** Applies an accepted suggestion's actions to the draft orders, as an EHR would. */
function applyActions(actions) {
  for (const action of actions ?? []) {
    const resource = action.resource;
    if (action.type === 'delete') {
      const id = String(action.resourceId ?? '').split('/').pop();
      state.drafts = state.drafts.filter((d) => d.id !== id);
    } else if (action.type === 'update' && resource?.resourceType === 'MedicationRequest') {
      state.drafts = state.drafts.map((d) => (d.id === resource.id ? resource : d));
    } else if (action.type === 'create' && resource?.resourceType === 'MedicationRequest') {
      state.drafts.push({ ...resource, id: resource.id ?? `draft-suggested-${state.drafts.length + 1}` });
    } else if (action.type === 'create' && resource) {
      state.otherOrders.push(resource);
    }
  }
  renderDrafts();
  dropStaleSuggestions();
}

/** The drafts a suggestion acts on (its delete and update actions): it makes no sense once one is gone. */
function draftsActedOn(suggestion) {
  return (suggestion.actions ?? []).flatMap((a) => {
    if (a.type === 'delete') return [String(a.resourceId ?? '').split('/').pop()];
    return a.type === 'update' && a.resource?.id ? [a.resource.id] : [];
  });
}

/** After a suggestion removed or replaced a draft, other cards' suggestions that point at it go away. */
function dropStaleSuggestions() {
  const present = new Set(state.drafts.map((d) => d.id));
  for (const button of document.querySelectorAll('button.accept[data-drafts]')) {
    const ids = button.dataset.drafts.split(' ').filter((id) => id !== '');
    if (ids.some((id) => !present.has(id)) && !button.disabled) button.remove();
  }
}

async function sendFeedback(hook, entry, card, node, clicked) {
  const status = node.querySelector('.card-status');
  try {
    const { answer } = await api(`feedback/${hook}`, { method: 'POST', body: { feedback: [{ card: card.uuid, outcomeTimestamp: new Date().toISOString(), ...entry }] } });
    status.textContent = answer.status === 200 ? `${entry.outcome === 'accepted' ? 'Accepted' : 'Overridden'}; feedback sent.` : `Feedback refused: HTTP ${answer.status}`;
    node.classList.add(`card-${entry.outcome}`);
    // A card whose suggestions may all be taken ("any": e.g. several care gaps) keeps the others open.
    const keepOthers = entry.outcome === 'accepted' && card.selectionBehavior === 'any';
    const controls = keepOthers ? [clicked] : node.querySelectorAll('button, select, input');
    for (const control of controls) if (control) control.disabled = true;
  } catch (error) {
    status.textContent = `Feedback failed: ${error.message}`;
  }
}

function launchHref(link) {
  const params = new URLSearchParams({ patient: state.patient.id, app: link.url });
  if (typeof link.appContext === 'string') params.set('appContext', link.appContext);
  return `launch?${params.toString()}`;
}

function renderLinks(card) {
  const links = (card.links ?? []).flatMap((link) => {
    if (link.type === 'smart') return [el('a', { className: 'button', href: launchHref(link), target: '_blank', rel: 'noopener', 'data-link-type': 'smart' }, link.label)];
    if (isHttpUrl(link.url)) return [el('a', { href: link.url, target: '_blank', rel: 'noopener noreferrer' }, link.label)];
    return [];
  });
  return links.length > 0 ? el('div', { className: 'links' }, ...links) : null;
}

function renderOverride(hook, card, node) {
  const reasons = card.overrideReasons ?? [];
  const select = el('select', { name: 'reason', 'aria-label': 'Override reason' }, ...reasons.map((r, i) => el('option', { value: String(i) }, r.display ?? r.code)));
  const comment = el('input', { name: 'comment', placeholder: 'Comment (optional)', 'aria-label': 'Override comment' });
  const form = el('form', { className: 'override' }, reasons.length > 0 ? select : null, comment, el('button', { type: 'submit' }, reasons.length > 0 ? 'Override' : 'Dismiss'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const reason = reasons[Number(select.value)];
    const overrideReason = { ...(reason && { reason }), ...(comment.value.trim() !== '' && { userComment: comment.value.trim() }) };
    void sendFeedback(hook, { outcome: 'overridden', ...(Object.keys(overrideReason).length > 0 && { overrideReason }) }, card, node);
  });
  return form;
}

function renderCard(hook, card) {
  const indicator = ['info', 'warning', 'critical'].includes(card.indicator) ? card.indicator : 'info';
  const node = el('article', { className: `card indicator-${indicator}`, 'data-card-uuid': card.uuid, 'data-indicator': indicator });
  const source = card.source?.label ? el('p', { className: 'source muted' }, 'Source: ', isHttpUrl(card.source.url) ? el('a', { href: card.source.url, target: '_blank', rel: 'noopener noreferrer' }, card.source.label) : card.source.label) : null;
  const suggestions = (card.suggestions ?? []).map((s) => {
    const drafts = draftsActedOn(s);
    const button = el('button', { type: 'button', className: 'accept', 'data-suggestion-uuid': s.uuid, 'data-drafts': drafts.length > 0 ? drafts.join(' ') : null }, `${s.isRecommended ? '★ ' : ''}${s.label}`);
    button.addEventListener('click', () => {
      button.disabled = true;
      applyActions(s.actions);
      void sendFeedback(hook, { outcome: 'accepted', acceptedSuggestions: [{ id: s.uuid }] }, card, node, button);
    });
    return button;
  });
  node.append(
    el('header', {}, el('span', { className: 'indicator' }, indicator), el('h3', { className: 'summary' }, card.summary ?? '')),
    card.detail ? renderMarkdown(card.detail) : '',
    source ?? '',
    suggestions.length > 0 ? el('div', { className: 'suggestions' }, ...suggestions) : '',
    renderLinks(card) ?? '',
    renderOverride(hook, card, node),
    el('p', { className: 'card-status', role: 'status' }),
  );
  return node;
}

function renderCards(container, hook, answer) {
  const target = $(container);
  if (answer.status !== 200) {
    const issues = answer.body?.issue?.map((i) => i.diagnostics).join('; ');
    target.replaceChildren(el('p', { className: 'error' }, `${hook}: HTTP ${answer.status}${issues ? ` — ${issues}` : ''}`));
    return;
  }
  const cards = answer.body?.cards ?? [];
  target.replaceChildren(...(cards.length > 0 ? cards.map((c) => renderCard(hook, c)) : [el('p', { className: 'muted no-cards' }, `${hook}: no cards (no guidance).`)]));
}

async function fireHook(hook, extra = {}) {
  const prefetch = $('#prefetch').value;
  setStatus(`${hook}: calling ChartBrief…`);
  try {
    const body = { patientId: state.patient.id, prefetch, ...extra };
    const { request, answer } = await api(`hooks/${hook}`, { method: 'POST', body });
    showExchange(request, answer);
    if (hook === 'patient-view') renderCards('#cards-patient-view', hook, answer);
    else {
      $('#orders-hook').textContent = hook;
      renderCards('#cards-orders', hook, answer);
    }
    const count = answer.body?.cards?.length ?? 0;
    setStatus(`${hook}: HTTP ${answer.status}, ${count} card${count === 1 ? '' : 's'} in ${answer.ms} ms (prefetch: ${prefetch}).`, answer.status !== 200);
    document.body.dataset[hook === 'patient-view' ? 'patientView' : 'orders'] = 'done';
  } catch (error) {
    setStatus(`${hook} failed: ${error.message}`, true);
  }
}

async function openChart(p) {
  state.patient = p;
  state.drafts = [];
  state.otherOrders = [];
  delete document.body.dataset.patientView;
  delete document.body.dataset.orders;
  renderPatients();
  renderBanner(p);
  $('#empty').hidden = true;
  $('#chart').hidden = false;
  $('#launch-app').href = `launch?${new URLSearchParams({ patient: p.id }).toString()}`;
  $('#cards-patient-view').replaceChildren();
  $('#cards-orders').replaceChildren();
  const { draftOrders } = await api(`draft-orders?patient=${encodeURIComponent(p.id)}`);
  state.draftOptions = draftOrders;
  $('#draft-option').replaceChildren(...draftOrders.map((d, i) => el('option', { value: String(i) }, medicationName(d))));
  renderDrafts();
  await fireHook('patient-view');
}

async function addDraft() {
  const option = state.draftOptions[Number($('#draft-option').value)];
  if (!option || state.drafts.some((d) => d.id === option.id)) return;
  state.drafts.push(option);
  renderDrafts();
  await fireHook('order-select', { draftOrders: state.drafts, selections: [`MedicationRequest/${option.id}`] });
}

/** The order box: drugs of the knowledge tables by name; the chosen one is drafted and order-select fires. */
async function searchOrders() {
  const q = $('#order-search').value.trim();
  if (!state.patient || q.length < 2) return [];
  const { drugs } = await api(`drugs?${new URLSearchParams({ patient: state.patient.id, q }).toString()}`);
  $('#order-matches').replaceChildren(...drugs.map((d) => el('option', { value: d.name })));
  return drugs;
}

async function orderAny(event) {
  event.preventDefault();
  const q = $('#order-search').value.trim().toLowerCase();
  const drugs = await searchOrders();
  const chosen = drugs.find((d) => d.name === q) ?? drugs[0];
  if (!chosen) return setStatus(`No drug in the knowledge tables matches "${q}".`, true);
  if (state.drafts.some((d) => d.id === chosen.draft.id)) return;
  state.drafts.push(chosen.draft);
  $('#order-search').value = '';
  renderDrafts();
  await fireHook('order-select', { draftOrders: state.drafts, selections: [`MedicationRequest/${chosen.draft.id}`] });
}

async function start() {
  const [{ patients }, settings] = await Promise.all([api('patients'), api('settings')]);
  state.patients = patients;
  $('#clock').textContent = `as of ${new Date().toISOString().slice(0, 10)}`;
  $('#epic-quirks').checked = settings.epicQuirks;
  $('#epic-quirks').addEventListener('change', async (event) => {
    const { epicQuirks } = await api('settings', { method: 'PUT', body: { epicQuirks: event.target.checked } });
    setStatus(`Epic quirks ${epicQuirks ? 'on' : 'off'}: medicationReference, Observation needs category/code, need_patient_banner "false".`);
  });
  $('#add-draft').addEventListener('click', () => void addDraft());
  $('#order-search').addEventListener('input', () => void searchOrders().catch(() => undefined));
  $('#order-box').addEventListener('submit', (event) => void orderAny(event));
  $('#sign-orders').addEventListener('click', () => void fireHook('order-sign', { draftOrders: state.drafts }));
  renderPatients();
  document.body.dataset.ready = 'true';
}

start().catch((error) => setStatus(`The sandbox could not start: ${error.message}`, true));
