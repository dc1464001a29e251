import type { Chart } from './chart';
import type { SectionName, SectionStatus } from './chart-sections';

/**
 * What loading a chart answers besides a chart, and the figures it reports. Nothing here holds
 * PHI: reasons are fixed phrases, stats are counts, so both can go to logs and metrics as they are.
 */

/**
 * Why no chart could be built. The HTTP layer maps these (412 for `patient-unavailable`; 400 or
 * 412 for `patient-mismatch`, its decision); the loader never decides a status code.
 * https://cds-hooks.hl7.org/2.0/#http-response
 */
export type ChartLoadError =
  | {
      /** The Patient could be read neither from prefetch nor from the FHIR server. */
      kind: 'patient-unavailable';
      reason: string;
      sections: SectionStatus[];
    }
  | {
      /** A Patient resource with another id than `context.patientId`: refuse, never summarize it. */
      kind: 'patient-mismatch';
      reason: string;
      /** Where the other Patient came from, e.g. `prefetch.patient`. */
      field: string;
      source: 'prefetch' | 'fhir';
    };

/** Entries left out of the chart, by why. */
export interface SkipCounts {
  /** Not a JSON object, no usable `resourceType`/`id`, or a field we read holds the wrong JSON type. */
  malformed: number;
  /** A resource type the section does not hold (see SECTION_TYPES). */
  wrongType: number;
  /** `OperationOutcome` entries (search.mode `outcome`) inside otherwise good Bundles. */
  outcomes: number;
  /** About another patient, or about no provable patient: dropped (wrong-patient guard). */
  otherPatient: number;
  /** Medications no kept MedicationRequest referenced (a Medication has no subject to check). */
  unreferencedMedications: number;
}

/** Per-section figures for logs and metrics. */
export interface SectionCount {
  section: SectionName;
  state: SectionStatus['state'];
  source: SectionStatus['source'];
  /** Resources this section added to the chart (duplicates of earlier sections not counted). */
  resources: number;
  truncated: boolean;
}

/** What `buildChart` reports. */
export interface ChartStats {
  sections: SectionCount[];
  /** Resources held, the Patient included. */
  resources: number;
  /** Sum of `skips`. */
  skipped: number;
  skips: SkipCounts;
}

/** What `loadChart` reports: the chart's figures plus the cost of fetching it. */
export interface ChartLoadStats extends ChartStats {
  /** HTTP requests sent to the FHIR server (pages and Medication reads included). */
  fhirRequests: number;
  /** Of those, how many failed (status, timeout, network, unusable body) or were refused (off-server link). */
  fetchErrors: number;
}

export interface BuiltChart {
  chart: Chart;
  stats: ChartStats;
}

export interface LoadedChart {
  chart: Chart;
  stats: ChartLoadStats;
}

export function emptySkipCounts(): SkipCounts {
  return { malformed: 0, wrongType: 0, outcomes: 0, otherPatient: 0, unreferencedMedications: 0 };
}

export function totalSkipped(skips: SkipCounts): number {
  return skips.malformed + skips.wrongType + skips.outcomes + skips.otherPatient + skips.unreferencedMedications;
}
