import type {
  AllergyIntolerance,
  Bundle,
  BundleEntry,
  Coding,
  Condition,
  Dosage,
  FhirResource,
  MedicationRequest,
  Observation,
  Patient,
} from 'fhir/r4';
import { buildChart } from '../../src/chart/build-chart';
import type { Chart } from '../../src/chart/chart';
import type { SectionInput, SectionName, SectionStatus } from '../../src/chart/chart-sections';
import { CHART_SECTIONS } from '../../src/chart/chart-sections';

/**
 * Test charts built through the real chart-building code (`buildChart`), so tests see charts exactly
 * as a hook would: sections, statuses, resolved medications, wrong-patient filtering and all.
 */

const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

export interface ConditionSpec {
  id?: string;
  /** SNOMED CT code; `display` is its name ("Atrial fibrillation (disorder)"). */
  snomed?: string;
  display: string;
  /** Condition clinicalStatus code; default `active`. */
  status?: string;
  verification?: string;
  onset?: string;
  abatement?: string;
}

export interface MedicationSpec {
  id?: string;
  name: string;
  rxnorm?: string;
  /** Default `active`. */
  status?: MedicationRequest['status'];
  /** `dosageInstruction[0].text`, or a whole Dosage. */
  dosage?: string | Dosage;
  /** `Condition/id`s the order is for. */
  reasons?: string[];
  doNotPerform?: boolean;
}

export interface AllergySpec {
  id?: string;
  snomed?: string;
  display: string;
  /** Default `active`. */
  status?: string;
  verification?: string;
  criticality?: AllergyIntolerance['criticality'];
  reaction?: string;
  recordedDate?: string;
}

export interface ObservationSpec {
  id?: string;
  loinc: string;
  display?: string;
  value: number;
  unit: string;
  /** effectiveDateTime. */
  date: string;
  /** Default: `laboratory`. */
  category?: 'laboratory' | 'vital-signs';
  status?: Observation['status'];
  interpretation?: string;
}

/** A small typed builder: `new ChartBuilder({ birthDate: '1946-05-01', gender: 'female' }).condition(…).build()`. */
export class ChartBuilder {
  readonly patientId: string;
  private readonly patient: Patient;
  private readonly resources: FhirResource[] = [];
  private readonly statuses = new Map<SectionName, Omit<SectionStatus, 'section'>>();
  private counter = 0;

  constructor(patient: Partial<Omit<Patient, 'resourceType'>> = {}) {
    this.patientId = patient.id ?? 'pat-1';
    this.patient = { resourceType: 'Patient', birthDate: '1950-01-01', gender: 'female', ...patient, id: this.patientId };
  }

  /** The resources added so far, in order (e.g. to rebuild the chart in another order). */
  get added(): readonly FhirResource[] {
    return this.resources;
  }

  get patientRef(): string {
    return `Patient/${this.patientId}`;
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  private subject(): { reference: string } {
    return { reference: this.patientRef };
  }

  condition(spec: ConditionSpec): this {
    const coding: Coding = { system: SNOMED, code: spec.snomed ?? '64572001', display: spec.display };
    const c: Condition = {
      resourceType: 'Condition',
      id: spec.id ?? this.nextId('cond'),
      subject: this.subject(),
      code: { coding: [coding], text: spec.display },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: spec.status ?? 'active' }] },
      ...(spec.verification !== undefined && {
        verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: spec.verification }] },
      }),
      ...(spec.onset !== undefined && { onsetDateTime: spec.onset }),
      ...(spec.abatement !== undefined && { abatementDateTime: spec.abatement }),
    };
    return this.resource(c);
  }

  medication(spec: MedicationSpec): this {
    const dosage: Dosage | undefined = typeof spec.dosage === 'string' ? { text: spec.dosage } : spec.dosage;
    const m: MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: spec.id ?? this.nextId('med'),
      status: spec.status ?? 'active',
      intent: 'order',
      subject: this.subject(),
      medicationCodeableConcept: { coding: [{ system: RXNORM, code: spec.rxnorm ?? '000', display: spec.name }], text: spec.name },
      ...(dosage !== undefined && { dosageInstruction: [dosage] }),
      ...(spec.reasons !== undefined && { reasonReference: spec.reasons.map((reference) => ({ reference })) }),
      ...(spec.doNotPerform !== undefined && { doNotPerform: spec.doNotPerform }),
    };
    return this.resource(m);
  }

  allergy(spec: AllergySpec): this {
    const a: AllergyIntolerance = {
      resourceType: 'AllergyIntolerance',
      id: spec.id ?? this.nextId('alg'),
      patient: this.subject(),
      code: { coding: [{ system: SNOMED, code: spec.snomed ?? '000', display: spec.display }], text: spec.display },
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: spec.status ?? 'active' }] },
      ...(spec.verification !== undefined && {
        verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: spec.verification }] },
      }),
      ...(spec.criticality !== undefined && { criticality: spec.criticality }),
      ...(spec.reaction !== undefined && { reaction: [{ manifestation: [{ text: spec.reaction }] }] }),
      ...(spec.recordedDate !== undefined && { recordedDate: spec.recordedDate }),
    };
    return this.resource(a);
  }

  observation(spec: ObservationSpec): this {
    const category = spec.category ?? 'laboratory';
    const o: Observation = {
      resourceType: 'Observation',
      id: spec.id ?? this.nextId('obs'),
      status: spec.status ?? 'final',
      subject: this.subject(),
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] }],
      code: { coding: [{ system: LOINC, code: spec.loinc, display: spec.display ?? spec.loinc }] },
      effectiveDateTime: spec.date,
      valueQuantity: { value: spec.value, unit: spec.unit, system: 'http://unitsofmeasure.org', code: spec.unit },
      ...(spec.interpretation !== undefined && { interpretation: [{ coding: [{ code: spec.interpretation }] }] }),
    };
    return this.resource(o);
  }

  /** Any resource as it is (its subject/patient must point at this patient to be kept). */
  resource(r: FhirResource): this {
    this.resources.push(r);
    return this;
  }

  /** Marks a section failed, missing or truncated (default for every section: complete, from prefetch). */
  section(name: SectionName, status: Omit<SectionStatus, 'section'>): this {
    this.statuses.set(name, status);
    return this;
  }

  build(): Chart {
    const bySection = new Map<SectionName, FhirResource[]>();
    for (const r of this.resources) {
      const section = sectionOf(r);
      if (section) bySection.set(section, [...(bySection.get(section) ?? []), r]);
    }
    bySection.set('patient', [this.patient]);
    const inputs = CHART_SECTIONS.flatMap((name): SectionInput[] => {
      const status = this.statuses.get(name) ?? { state: 'complete', source: 'prefetch' };
      if (status.state === 'missing') return [];
      const docs = status.state === 'failed' && name !== 'patient' ? [] : [searchset(bySection.get(name) ?? [])];
      return [{ section: name, ...status, documents: name === 'patient' ? [this.patient] : docs }];
    });
    return chartOrThrow(this.patientId, inputs);
  }
}

function chartOrThrow(patientId: string, inputs: SectionInput[]): Chart {
  const built = buildChart(patientId, inputs);
  if (!built.ok) throw new Error(`test chart did not build: ${built.error.kind}`);
  return built.value.chart;
}

function searchset(resources: readonly FhirResource[], fullUrls?: ReadonlyMap<FhirResource, string>): Bundle<FhirResource> {
  const entry = resources.map((resource): BundleEntry<FhirResource> => {
    const fullUrl = fullUrls?.get(resource);
    return fullUrl !== undefined ? { fullUrl, resource } : { resource };
  });
  return { resourceType: 'Bundle', type: 'searchset', entry };
}

const SECTION_OF_TYPE: Readonly<Partial<Record<FhirResource['resourceType'], SectionName>>> = {
  Patient: 'patient',
  Condition: 'conditions',
  MedicationRequest: 'medications',
  Medication: 'medications',
  AllergyIntolerance: 'allergies',
  Immunization: 'immunizations',
  Procedure: 'procedures',
  Encounter: 'encounters',
};

/** The chart section a resource would arrive in, as the discovery prefetch queries fetch them. */
export function sectionOf(r: FhirResource): SectionName | undefined {
  if (r.resourceType !== 'Observation') return SECTION_OF_TYPE[r.resourceType];
  const codes = (r.category ?? []).flatMap((c) => (c.coding ?? []).map((x) => x.code));
  if (codes.includes('laboratory')) return 'labs';
  if (codes.includes('vital-signs')) return 'vitals';
  if (codes.includes('social-history')) return 'socialHistory';
  if (codes.includes('survey')) return 'surveys';
  return undefined;
}

/**
 * The chart a hook would build from a Synthea transaction Bundle given as prefetch: entries split
 * into the discovery sections (with their `fullUrl`s, so `urn:uuid` references resolve), every
 * section complete. Observations outside the lab, vital-sign, social-history and survey categories
 * are left out, as the prefetch queries leave them out.
 */
export function chartFromBundle(bundle: Bundle<FhirResource>): Chart {
  const patient = (bundle.entry ?? []).map((e) => e.resource).find((r): r is Patient => r?.resourceType === 'Patient');
  if (!patient?.id) throw new Error('bundle has no Patient with an id');
  const bySection = new Map<SectionName, FhirResource[]>();
  const fullUrls = new Map<FhirResource, string>();
  for (const e of bundle.entry ?? []) {
    const section = e.resource ? sectionOf(e.resource) : undefined;
    if (!e.resource || !section) continue;
    bySection.set(section, [...(bySection.get(section) ?? []), e.resource]);
    if (e.fullUrl !== undefined) fullUrls.set(e.resource, e.fullUrl);
  }
  const inputs = CHART_SECTIONS.map((name): SectionInput => ({
    section: name,
    state: 'complete',
    source: 'prefetch',
    documents: [searchset(bySection.get(name) ?? [], fullUrls)],
  }));
  return chartOrThrow(patient.id, inputs);
}

/** `Type/id` of every resource in a bundle. */
export function bundleRefs(bundle: Bundle<FhirResource>): Set<string> {
  return new Set((bundle.entry ?? []).flatMap((e) => (e.resource?.id ? [`${e.resource.resourceType}/${e.resource.id}`] : [])));
}
