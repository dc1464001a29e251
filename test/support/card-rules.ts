/**
 * A checker for CDS Hooks 2.0 service responses, written from the specification
 * (https://cds-hooks.hl7.org/2.0/#cds-service-response) rather than from our own types, so a test
 * catches what the types cannot: nulls, empty fields, over-long summaries, links and actions that an
 * EHR would reject. `cardProblems(body)` lists every problem as `path: what is wrong`; [] means valid.
 */

import { citationsOfCard } from '../../src/cards/citations';

type Json = Record<string, unknown>;

const INDICATORS = ['info', 'warning', 'critical'];
const SELECTION_BEHAVIORS = ['at-most-one', 'any'];
const ACTION_TYPES = ['create', 'update', 'delete'];
const LINK_TYPES = ['absolute', 'smart'];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
}

/**
 * "JSON attributes SHALL NOT be null … OPTIONAL string and array attributes should be omitted rather
 * than having a null or empty value. Similarly, JSON objects SHALL NOT be empty." (spec, Overview).
 * The one empty value allowed is the response's `cards` array ("no decision support": `{"cards": []}`).
 */
function checkNoEmpty(value: unknown, path: string, p: Problems): void {
  if (value === null) p.add(path, 'is null');
  else if (typeof value === 'string' && value.trim() === '') p.add(path, 'is an empty string');
  else if (Array.isArray(value)) {
    if (value.length === 0 && path !== 'cards') p.add(path, 'is an empty array');
    value.forEach((item, i) => checkNoEmpty(item, `${path}[${i}]`, p));
  } else if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) p.add(path, 'is an empty object');
    for (const [key, v] of entries) checkNoEmpty(v, path === '' ? key : `${path}.${key}`, p);
  }
}

function requireString(obj: Json, key: string, path: string, p: Problems): string | undefined {
  const value = obj[key];
  if (value === undefined) p.add(`${path}.${key}`, 'is required');
  else if (typeof value !== 'string') p.add(`${path}.${key}`, 'must be a string');
  else return value;
  return undefined;
}

function optionalString(obj: Json, key: string, path: string, p: Problems): void {
  if (obj[key] !== undefined && typeof obj[key] !== 'string') p.add(`${path}.${key}`, 'must be a string');
}

function optionalArray(obj: Json, key: string, path: string, p: Problems): unknown[] | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    p.add(`${path}.${key}`, 'must be an array');
    return undefined;
  }
  return value as unknown[];
}

function checkAbsoluteUrl(obj: Json, key: string, path: string, p: Problems, required: boolean): void {
  const value = required ? requireString(obj, key, path, p) : obj[key];
  if (value === undefined || typeof value !== 'string') {
    if (!required && value !== undefined) p.add(`${path}.${key}`, 'must be a string');
    return;
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) p.add(`${path}.${key}`, 'must be an absolute http(s) URL');
}

/** https://cds-hooks.hl7.org/2.0/#coding: code and system required; display required where `needDisplay`. */
function checkCoding(value: unknown, path: string, p: Problems, needDisplay: boolean): void {
  if (!isObject(value)) {
    p.add(path, 'must be a Coding object');
    return;
  }
  requireString(value, 'code', path, p);
  requireString(value, 'system', path, p);
  if (needDisplay) requireString(value, 'display', path, p);
  else optionalString(value, 'display', path, p);
}

/** https://cds-hooks.hl7.org/2.0/#action */
function checkAction(value: unknown, path: string, p: Problems): void {
  if (!isObject(value)) {
    p.add(path, 'must be an object');
    return;
  }
  const type = requireString(value, 'type', path, p);
  if (type !== undefined && !ACTION_TYPES.includes(type)) p.add(`${path}.type`, `must be one of ${ACTION_TYPES.join(', ')}`);
  requireString(value, 'description', path, p);
  if (type === 'delete') requireString(value, 'resourceId', path, p);
  if (type === 'create' || type === 'update') {
    const resource = value['resource'];
    if (!isObject(resource)) p.add(`${path}.resource`, `is required for ${type} and must be a FHIR resource`);
    else if (typeof resource['resourceType'] !== 'string') p.add(`${path}.resource.resourceType`, 'is required');
  }
}

function checkActions(list: unknown[] | undefined, path: string, p: Problems): void {
  list?.forEach((a, i) => checkAction(a, `${path}[${i}]`, p));
}

/** https://cds-hooks.hl7.org/2.0/#suggestion */
function checkSuggestions(card: Json, path: string, p: Problems): void {
  const suggestions = optionalArray(card, 'suggestions', path, p);
  if (suggestions === undefined || suggestions.length === 0) {
    if (card['selectionBehavior'] !== undefined) checkSelectionBehavior(card, path, p);
    return;
  }
  if (card['selectionBehavior'] === undefined) p.add(`${path}.selectionBehavior`, 'is required when suggestions are present');
  else checkSelectionBehavior(card, path, p);
  let recommended = 0;
  suggestions.forEach((s, i) => {
    const at = `${path}.suggestions[${i}]`;
    if (!isObject(s)) return p.add(at, 'must be an object');
    requireString(s, 'label', at, p);
    optionalString(s, 'uuid', at, p);
    if (s['isRecommended'] !== undefined && typeof s['isRecommended'] !== 'boolean') p.add(`${at}.isRecommended`, 'must be a boolean');
    if (s['isRecommended'] === true) recommended++;
    checkActions(optionalArray(s, 'actions', at, p), `${at}.actions`, p);
  });
  if (card['selectionBehavior'] === 'at-most-one' && recommended > 1) {
    p.add(`${path}.suggestions`, 'only one suggestion may be recommended when selectionBehavior is at-most-one');
  }
}

function checkSelectionBehavior(card: Json, path: string, p: Problems): void {
  const value = card['selectionBehavior'];
  if (typeof value !== 'string' || !SELECTION_BEHAVIORS.includes(value)) {
    p.add(`${path}.selectionBehavior`, `must be one of ${SELECTION_BEHAVIORS.join(', ')}`);
  }
}

/** https://cds-hooks.hl7.org/2.0/#link */
function checkLinks(card: Json, path: string, p: Problems): void {
  optionalArray(card, 'links', path, p)?.forEach((link, i) => {
    const at = `${path}.links[${i}]`;
    if (!isObject(link)) return p.add(at, 'must be an object');
    requireString(link, 'label', at, p);
    checkAbsoluteUrl(link, 'url', at, p, true);
    const type = requireString(link, 'type', at, p);
    if (type !== undefined && !LINK_TYPES.includes(type)) p.add(`${at}.type`, `must be one of ${LINK_TYPES.join(', ')}`);
    if (link['appContext'] !== undefined) {
      if (type !== 'smart') p.add(`${at}.appContext`, 'is only allowed on smart links');
      optionalString(link, 'appContext', at, p);
    }
    if (link['autolaunchable'] !== undefined && typeof link['autolaunchable'] !== 'boolean') p.add(`${at}.autolaunchable`, 'must be a boolean');
  });
}

/** https://cds-hooks.hl7.org/2.0/#source */
function checkSource(card: Json, path: string, p: Problems): void {
  const source = card['source'];
  if (source === undefined) return p.add(`${path}.source`, 'is required');
  if (!isObject(source)) return p.add(`${path}.source`, 'must be an object');
  requireString(source, 'label', `${path}.source`, p);
  if (source['url'] !== undefined) checkAbsoluteUrl(source, 'url', `${path}.source`, p, false);
  if (source['icon'] !== undefined) checkAbsoluteUrl(source, 'icon', `${path}.source`, p, false);
  if (source['topic'] !== undefined) checkCoding(source['topic'], `${path}.source.topic`, p, false);
}

/** https://cds-hooks.hl7.org/2.0/#card-attributes */
function checkCard(card: unknown, path: string, p: Problems): void {
  if (!isObject(card)) return p.add(path, 'must be an object');
  optionalString(card, 'uuid', path, p);
  const summary = requireString(card, 'summary', path, p);
  if (summary !== undefined && summary.length >= 140) p.add(`${path}.summary`, `must be under 140 characters (has ${summary.length})`);
  optionalString(card, 'detail', path, p);
  const indicator = requireString(card, 'indicator', path, p);
  if (indicator !== undefined && !INDICATORS.includes(indicator)) p.add(`${path}.indicator`, `must be one of ${INDICATORS.join(', ')}`);
  checkSource(card, path, p);
  checkSuggestions(card, path, p);
  optionalArray(card, 'overrideReasons', path, p)?.forEach((c, i) => checkCoding(c, `${path}.overrideReasons[${i}]`, p, true));
  checkLinks(card, path, p);
  checkExtension(card, path, p);
}

/**
 * `extension` is an optional object (https://cds-hooks.hl7.org/2.0/#extensions). ChartBrief's own
 * rule on top: the citation markers `[n]` in `detail` and `extension["chartbrief.citations"]` agree.
 */
function checkExtension(card: Json, path: string, p: Problems): void {
  const extension = card['extension'];
  if (extension !== undefined && !isObject(extension)) return p.add(`${path}.extension`, 'must be an object');
  const { summary, detail } = card;
  if (typeof summary !== 'string' || (detail !== undefined && typeof detail !== 'string')) return;
  const cited = { summary, ...(detail !== undefined && { detail }), ...(extension !== undefined && { extension }) };
  for (const problem of citationsOfCard(cited).problems) {
    const at = problem.indexOf(': ');
    p.add(`${path}.${problem.slice(0, at)}`, problem.slice(at + 2));
  }
}

/** Every way `response` breaks the CDS Hooks 2.0 response rules; [] when it keeps them all. */
export function cardProblems(response: unknown): string[] {
  const p = new Problems();
  if (!isObject(response)) return ['response: must be a JSON object'];
  checkNoEmpty(response, '', p);
  const cards = response['cards'];
  if (cards === undefined) p.add('cards', 'is required');
  else if (!Array.isArray(cards)) p.add('cards', 'must be an array');
  else cards.forEach((card, i) => checkCard(card, `cards[${i}]`, p));
  const systemActions = optionalArray(response, 'systemActions', 'response', p);
  checkActions(systemActions, 'systemActions', p);
  return p.list;
}
