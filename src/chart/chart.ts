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
import type { ResourceOf } from './resource-index';
import { ResourceIndex } from './resource-index';

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
  /**
   * The chart's other resources: a list (a later one replaces an earlier one of the same `Type/id`;
   * without an id, left out), or an index already built, which the Chart then takes over
   * (buildChart de-duplicates into one while it reads, so the Chart does not index it all again).
   */
  resources: readonly FhirResource[] | ResourceIndex;
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
  private readonly index: ResourceIndex;
  private readonly containedIn: ReadonlyMap<string, string>;

  constructor(parts: ChartParts, medications: ResolvedMedication[]) {
    this.patient = parts.patient;
    this.patientRef = `Patient/${parts.patient.id ?? ''}`;
    this.sections = parts.sections;
    this.skipped = parts.skipped;
    const patientId = parts.patient.id ?? '';
    let index: ResourceIndex;
    if (parts.resources instanceof ResourceIndex) {
      index = parts.resources;
      index.set(parts.patient, patientId);
    } else {
      // The Patient first, so that a listed resource of the same `Type/id` replaces it.
      index = new ResourceIndex();
      index.set(parts.patient, patientId);
      for (const r of parts.resources) if (r.id) index.set(r, r.id);
    }
    this.index = index;
    this.conditions = index.list('Condition');
    this.medicationRequests = index.list('MedicationRequest');
    this.allergies = index.list('AllergyIntolerance');
    this.observations = index.list('Observation');
    this.immunizations = index.list('Immunization');
    this.procedures = index.list('Procedure');
    this.encounters = index.list('Encounter');
    this.diagnosticReports = index.list('DiagnosticReport');
    this.medications = medications;
    this.containedIn = parts.containedIn ?? new Map<string, string>();
  }

  /** The resource at `Type/id`, if this chart holds it. */
  get(ref: string): FhirResource | undefined {
    return this.index.get(ref);
  }

  has(ref: string): boolean {
    return this.index.get(ref) !== undefined;
  }

  /**
   * The resources of one type this chart holds, in chart order: for types without a list of their
   * own (e.g. ServiceRequests an EHR added), cheaper than going through `refs()` and `get()`.
   */
  resourcesOfType<T extends FhirResource['resourceType']>(type: T): ResourceOf<T>[] {
    return this.index.list(type);
  }

  /** Every `Type/id` this chart holds (each string built on the call: to find one type's resources, use `resourcesOfType`). */
  refs(): string[] {
    return this.index.refs();
  }

  get size(): number {
    return this.index.size;
  }

  /** A Medication resource held by the chart (bundled or lifted out of `contained`). */
  medication(ref: string): Medication | undefined {
    const r = this.index.get(ref);
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
