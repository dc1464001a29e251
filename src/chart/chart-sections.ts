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
  'socialHistory',
  'surveys',
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
  /**
   * True when the section holds data but not all of it: paging stopped early (page bound reached,
   * a next link off the FHIR server, a later page failed). `reason` says why. Such a section is
   * still `complete` in `state` terms of "usable", but claims of absence ("no labs") must not rely on it.
   */
  truncated?: boolean;
}

/**
 * A section as received, before normalisation: its status plus the raw JSON documents (search
 * pages, a single resource, or nothing) that `buildChart` validates. Documents stay `unknown`
 * until then: they come from outside.
 */
export interface SectionInput extends SectionStatus {
  documents: readonly unknown[];
}
