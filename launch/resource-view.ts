import type { FhirResource } from 'fhir/r4';
import type { Chart } from '../src/chart/chart';
import { resourceLabel } from './resource-labels';

/**
 * A FHIR resource as a clinician reads it: a title and labelled fields ("Clinical status:
 * active", "Value: 1.4 mg/dL", "Effective: 2021-02-03"), with the raw JSON one click away in the
 * page. Generic over every resource type: known FHIR datatypes (CodeableConcept, Coding, Quantity,
 * Reference, Period, HumanName, Dosage text, Annotation) are shown by their meaning; narrative,
 * metadata and extensions are left out. https://hl7.org/fhir/R4/datatypes.html
 */

export interface ResourceField {
  label: string;
  value: string;
}

export interface ResourceView {
  ref: string;
  resourceType: string;
  title: string;
  fields: ResourceField[];
  /** The resource as received, for the "raw JSON" view. */
  raw: FhirResource;
}

type Json = Record<string, unknown>;

const SKIPPED = new Set(['resourceType', 'id', 'meta', 'text', 'contained', 'extension', 'modifierExtension', 'implicitRules', 'language']);
const MAX_FIELDS = 60;
const MAX_VALUE_CHARS = 600;
const MAX_DEPTH = 3;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** "clinicalStatus" → "Clinical status"; "valueQuantity" → "Value". */
export function fieldLabel(key: string): string {
  const base = key.replace(/^(value|effective|onset|abatement|occurrence|performed|deceased|multipleBirth|medication)(?=[A-Z])[A-Za-z]+$/, '$1');
  const words = base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function codingText(c: Json): string | undefined {
  const display = text(c['display']);
  const code = text(c['code']);
  if (display !== undefined && code !== undefined && display !== code) return `${display} (${code})`;
  return display ?? code;
}

function quantityText(q: Json): string | undefined {
  const value = q['value'];
  if (typeof value !== 'number') return undefined;
  const unit = text(q['unit']) ?? text(q['code']) ?? '';
  const comparator = text(q['comparator']) ?? '';
  return `${comparator}${value}${unit === '' ? '' : ` ${unit}`}`;
}

/** A datatype's meaning, when `v` is one this renderer knows; undefined otherwise. */
function datatypeText(v: Json): string | undefined {
  if (Array.isArray(v['coding']) || text(v['text']) !== undefined) {
    const own = text(v['text']);
    if (own !== undefined) return own;
    const codings = (v['coding'] as unknown[]).filter(isObject).map(codingText).filter((s): s is string => s !== undefined);
    return codings.length > 0 ? codings.join('; ') : undefined;
  }
  if (text(v['code']) !== undefined && (text(v['system']) !== undefined || text(v['display']) !== undefined) && v['value'] === undefined) return codingText(v);
  if (typeof v['value'] === 'number') return quantityText(v);
  if (text(v['reference']) !== undefined || text(v['display']) !== undefined) return text(v['display']) ?? text(v['reference']);
  if (text(v['start']) !== undefined || text(v['end']) !== undefined) return `${text(v['start']) ?? '…'} – ${text(v['end']) ?? 'ongoing'}`;
  if (Array.isArray(v['given']) || text(v['family']) !== undefined) {
    const given = (Array.isArray(v['given']) ? v['given'] : []).filter((g): g is string => typeof g === 'string');
    return [...given, text(v['family'])].filter((s) => s !== undefined).join(' ');
  }
  if (isObject(v['low']) || isObject(v['high'])) {
    const low = isObject(v['low']) ? quantityText(v['low']) : undefined;
    const high = isObject(v['high']) ? quantityText(v['high']) : undefined;
    return `${low ?? '…'} – ${high ?? '…'}`;
  }
  return undefined;
}

/** One value as text; nested objects become "label: value" parts, at most MAX_DEPTH deep. */
function valueText(v: unknown, depth: number): string | undefined {
  if (typeof v === 'string') return text(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map((x) => valueText(x, depth)).filter((s): s is string => s !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (!isObject(v)) return undefined;
  const known = datatypeText(v);
  if (known !== undefined) return known;
  if (depth >= MAX_DEPTH) return undefined;
  const parts = Object.entries(v)
    .filter(([k]) => !SKIPPED.has(k))
    .map(([k, x]) => {
      const s = valueText(x, depth + 1);
      return s === undefined ? undefined : `${fieldLabel(k)}: ${s}`;
    })
    .filter((s): s is string => s !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function clip(s: string): string {
  return s.length <= MAX_VALUE_CHARS ? s : `${s.slice(0, MAX_VALUE_CHARS - 1)}…`;
}

/** The readable view of one chart resource. */
export function renderResource(resource: FhirResource, chart: Chart): ResourceView {
  const fields: ResourceField[] = [];
  for (const [key, value] of Object.entries(resource as unknown as Json)) {
    if (SKIPPED.has(key) || fields.length >= MAX_FIELDS) continue;
    const shown = valueText(value, 1);
    if (shown !== undefined) fields.push({ label: fieldLabel(key), value: clip(shown) });
  }
  const ref = `${resource.resourceType}/${resource.id ?? ''}`;
  return { ref, resourceType: resource.resourceType, title: resourceLabel(resource, chart), fields, raw: resource };
}
