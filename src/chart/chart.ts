import type {
  AllergyIntolerance,
  Coding,
  Condition,
  DiagnosticReport,
  Encounter,
  Immunization,
  Medication,
  MedicationRequest,
  Observation,
  Patient,
  Procedure,
  FhirResource,
} from 'fhir/r4';
import type { SectionName, SectionStatus } from './chart-sections';

/**
 * What a MedicationRequest orders, whichever way the EHR said it: `medicationCodeableConcept`,
 * `medicationReference` to a bundled or `contained` Medication (Epic), or text only.
 */
export interface ResolvedMedication {
  request: MedicationRequest;
  /** Codings of the drug (RxNorm first where present); empty when the order is text only. */
  codings: Coding[];
  /** A human-readable name: the Medication's or concept's text/display, never empty. */
  display: string;
  /** `Medication/id` when the drug came from a Medication resource we hold. */
  medicationRef?: string;
  /** False when a `medicationReference` pointed at nothing we could read. */
  resolved: boolean;
}

export interface ChartParts {
  patient: Patient;
  resources: FhirResource[];
  sections: SectionStatus[];
  /** Entries skipped: malformed, of the wrong type, or about another patient. */
  skipped: number;
  /**
   * For Medications lifted out of a MedicationRequest's `contained`: their chart key
   * (`Medication/<requestId>-<containedId>`) → the containing `MedicationRequest/id`.
   */
  containedIn?: ReadonlyMap<string, string>;
}

/**
 * The open patient's record: typed R4 resources indexed by `Type/id`, built once per request,
 * holding only resources about this patient. Knows which sections are complete or missing.
 */
export class Chart {
  readonly patient: Patient;
  readonly patientRef: string;
  readonly sections: readonly SectionStatus[];
  readonly skipped: number;
  readonly conditions: readonly Condition[];
  readonly medicationRequests: readonly MedicationRequest[];
  readonly medications: readonly ResolvedMedication[];
  readonly allergies: readonly AllergyIntolerance[];
  readonly observations: readonly Observation[];
  readonly immunizations: readonly Immunization[];
  readonly procedures: readonly Procedure[];
  readonly encounters: readonly Encounter[];
  readonly diagnosticReports: readonly DiagnosticReport[];
  private readonly byRef: ReadonlyMap<string, FhirResource>;
  private readonly containedIn: ReadonlyMap<string, string>;

  constructor(parts: ChartParts, medications: ResolvedMedication[]) {
    this.patient = parts.patient;
    this.patientRef = `Patient/${parts.patient.id ?? ''}`;
    this.sections = parts.sections;
    this.skipped = parts.skipped;
    const byRef = new Map<string, FhirResource>();
    byRef.set(this.patientRef, parts.patient);
    for (const r of parts.resources) if (r.id) byRef.set(`${r.resourceType}/${r.id}`, r);
    this.byRef = byRef;
    const all = [...byRef.values()];
    this.conditions = all.filter((r): r is Condition => r.resourceType === 'Condition');
    this.medicationRequests = all.filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest');
    this.allergies = all.filter((r): r is AllergyIntolerance => r.resourceType === 'AllergyIntolerance');
    this.observations = all.filter((r): r is Observation => r.resourceType === 'Observation');
    this.immunizations = all.filter((r): r is Immunization => r.resourceType === 'Immunization');
    this.procedures = all.filter((r): r is Procedure => r.resourceType === 'Procedure');
    this.encounters = all.filter((r): r is Encounter => r.resourceType === 'Encounter');
    this.diagnosticReports = all.filter((r): r is DiagnosticReport => r.resourceType === 'DiagnosticReport');
    this.medications = medications;
    this.containedIn = parts.containedIn ?? new Map<string, string>();
  }

  /** The resource at `Type/id`, if this chart holds it. */
  get(ref: string): FhirResource | undefined {
    return this.byRef.get(ref);
  }

  has(ref: string): boolean {
    return this.byRef.has(ref);
  }

  /** Every `Type/id` this chart holds. */
  refs(): string[] {
    return [...this.byRef.keys()];
  }

  get size(): number {
    return this.byRef.size;
  }

  /** A Medication resource held by the chart (bundled or lifted out of `contained`). */
  medication(ref: string): Medication | undefined {
    const r = this.byRef.get(ref);
    return r?.resourceType === 'Medication' ? r : undefined;
  }

  section(name: SectionName): SectionStatus | undefined {
    return this.sections.find((s) => s.section === name);
  }

  /** Sections that could not be read, for "what was unavailable" lines. */
  unavailableSections(): SectionStatus[] {
    return this.sections.filter((s) => s.state !== 'complete');
  }

  /** Sections unavailable or only partly read (truncated paging): no claim of absence may rest on them. */
  incompleteSections(): SectionStatus[] {
    return this.sections.filter((s) => s.state !== 'complete' || s.truncated === true);
  }

  /**
   * The server-side resource a lifted `contained` Medication lives in (`MedicationRequest/id`), so
   * links and citations can point at something the EHR can open; undefined for any other ref.
   */
  containerOf(ref: string): string | undefined {
    return this.containedIn.get(ref);
  }
}
