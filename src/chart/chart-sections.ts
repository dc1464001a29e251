/**
 * The parts of a chart ChartBrief reads. Each is one prefetch key (see cds-hooks/discovery.ts)
 * and one FHIR search; a section is complete, missing (nobody fetched it) or failed.
 */
export const CHART_SECTIONS = [
  'patient',
  'conditions',
  'medications',
  'allergies',
  'labs',
  'vitals',
  'immunizations',
  'procedures',
  'encounters',
] as const;

export type SectionName = (typeof CHART_SECTIONS)[number];

/** Where a section's data came from, and whether it is whole. */
export interface SectionStatus {
  section: SectionName;
  /** complete: we have it all; missing: nobody provided it; failed: a fetch or prefetch error. */
  state: 'complete' | 'missing' | 'failed';
  source: 'prefetch' | 'fhir' | 'none';
  /** A short reason, safe to show and log (no PHI): e.g. "FHIR server answered 500". */
  reason?: string;
}
