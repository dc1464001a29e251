import { SECTION_QUERIES } from '../../src/chart/section-queries';
import type { SectionName } from '../../src/chart/chart-sections';
import { CHART_SECTIONS } from '../../src/chart/chart-sections';

/** The prefetch templates a service asks for: one key per chart section, named after it. */
export function prefetchFor(sections: readonly SectionName[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sections) out[s] = SECTION_QUERIES[s];
  return out;
}

/** patient-view reads the whole chart: the brief, and every rule over the active medication list. */
export const PATIENT_VIEW_SECTIONS: readonly SectionName[] = CHART_SECTIONS;

/**
 * What medication safety on order-select and order-sign reads: problems, medications, allergies,
 * labs and vitals; procedures (a delivery or termination ends a pregnancy); social history
 * (pregnancy status, LOINC 82810-3) and surveys (smoking status, LOINC 72166-2, as Synthea files it).
 */
export const ORDER_SAFETY_SECTIONS: readonly SectionName[] = [
  'patient',
  'conditions',
  'medications',
  'allergies',
  'labs',
  'vitals',
  'procedures',
  'socialHistory',
  'surveys',
];
