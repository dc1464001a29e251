import type { SectionName } from './chart-sections';
import { CHART_SECTIONS } from './chart-sections';
import type { SkipCounts } from './chart-load-result';
import { emptySkipCounts } from './chart-load-result';
import { flattenDocuments } from './bundle-entries';
import { isRecord } from './json-shape';
import { resourceHead } from './resource-shape';
import { SECTION_TYPES } from './section-queries';

/**
 * Prefetch keys ChartBrief did not advertise. EHRs and the spec's own examples put data under keys
 * of their own (the CDS Hooks example sends the Patient as `patientToGreet`); refusing such a
 * request would be unhelpful, so its resources are sorted into sections by type and go through the
 * same validation and wrong-patient guard as everything else. The advertised key stays
 * authoritative: the loader uses these only for sections whose own key gave nothing.
 * https://cds-hooks.hl7.org/2.0/#prefetch-template
 */

/** Resources from unadvertised keys, grouped by the section their type belongs to. */
export interface ExtraPrefetch {
  /** One `collection` Bundle per section, holding the entries (with their `fullUrl`s). */
  bySection: Map<SectionName, unknown>;
  /** Every Patient found, with the key it came from: the wrong-patient check names that key. */
  patients: { key: string; id: string }[];
  /** Entries left out here: malformed, or of a type no section holds. */
  skips: SkipCounts;
}

const ADVERTISED: ReadonlySet<string> = new Set(CHART_SECTIONS);
/** Observation categories with a section of their own; any other category goes with the labs. */
const OBSERVATION_SECTIONS: ReadonlyMap<string, SectionName> = new Map([
  ['vital-signs', 'vitals'],
  ['social-history', 'socialHistory'],
  ['survey', 'surveys'],
]);

/** The section of an Observation, by its category (the same split the advertised queries make). */
function observationSection(resource: Record<string, unknown>): SectionName {
  const categories = Array.isArray(resource['category']) ? resource['category'] : [];
  for (const category of categories) {
    const codings: unknown = isRecord(category) ? category['coding'] : undefined;
    const codes = Array.isArray(codings) ? codings.map((c) => (isRecord(c) ? c['code'] : undefined)) : [];
    const section = codes.map((c) => (typeof c === 'string' ? OBSERVATION_SECTIONS.get(c) : undefined)).find((s) => s !== undefined);
    if (section) return section;
  }
  return 'labs';
}

/** The section a resource of `resourceType` belongs in, or undefined when no section holds it. */
export function sectionForResource(resourceType: string, resource: Record<string, unknown>): SectionName | undefined {
  if (resourceType === 'Observation') return observationSection(resource);
  return CHART_SECTIONS.find((section) => SECTION_TYPES[section].includes(resourceType));
}

/** The keys of `prefetch` ChartBrief did not advertise, in a stable order. */
export function extraPrefetchKeys(prefetch: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(prefetch)
    .filter((key) => !ADVERTISED.has(key))
    .sort();
}

/**
 * Sorts the resources under every unadvertised key into sections. `null` values and
 * OperationOutcomes hold nothing; next links are not followed (whatever query made them is unknown).
 */
export function sortExtraPrefetch(prefetch: Readonly<Record<string, unknown>>): ExtraPrefetch {
  const out: ExtraPrefetch = { bySection: new Map(), patients: [], skips: emptySkipCounts() };
  const entries = new Map<SectionName, unknown[]>();
  for (const key of extraPrefetchKeys(prefetch)) {
    const flat = flattenDocuments([prefetch[key]]);
    out.skips.malformed += flat.malformed;
    out.skips.outcomes += flat.outcomes;
    for (const entry of flat.entries) {
      const head = resourceHead(entry.value);
      const section = head && isRecord(entry.value) ? sectionForResource(head.resourceType, entry.value) : undefined;
      if (!head) out.skips.malformed++;
      else if (!section) out.skips.wrongType++;
      if (!head || !section) continue;
      if (section === 'patient') out.patients.push({ key, id: head.id });
      const list = entries.get(section) ?? [];
      list.push(entry.fullUrl === undefined ? { resource: entry.value } : { fullUrl: entry.fullUrl, resource: entry.value });
      entries.set(section, list);
    }
  }
  for (const [section, entry] of entries) out.bySection.set(section, { resourceType: 'Bundle', type: 'collection', entry });
  return out;
}
