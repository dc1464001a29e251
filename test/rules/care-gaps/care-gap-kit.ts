import { assessScreenings } from '../../../src/rules/care-gaps/screening-gaps';
import type {
  AllergyIntolerance,
  Coding,
  Condition,
  DiagnosticReport,
  Extension,
  FhirResource,
  Immunization,
  MedicationRequest,
  Observation,
  Patient,
  Procedure,
  ServiceRequest,
} from 'fhir/r4';
import { Chart } from '../../../src/chart/chart';
import type { SectionStatus } from '../../../src/chart/chart-sections';
import { CHART_SECTIONS } from '../../../src/chart/chart-sections';
import { CARE_GAP_RULE } from '../../../src/rules/care-gaps/care-gap-rule';
import { ChartEvents } from '../../../src/rules/care-gaps/chart-events';
import type { GapAssessment, GapContext } from '../../../src/rules/care-gaps/gap-assessment';
import { ageAt, sexOf } from '../../../src/chart/facts/patient';
import type { Finding } from '../../../src/rules/rule';
import { ChartBuilder } from '../../support/chart-builder';

// Small charts for the care-gap tests: the resources the checks read (procedures, immunizations,
// reports, orders), built with the real chart code, and the rule run as the engine runs it.

export const AS_OF = new Date('2026-06-01T12:00:00Z');

export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const CPT = 'http://www.ama-assn.org/go/cpt';
export const CVX = 'http://hl7.org/fhir/sid/cvx';
export const ICD10_CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

const subject = (patientId: string): { reference: string } => ({ reference: `Patient/${patientId}` });

export function procedure(id: string, coding: Coding, date: string | undefined, status: Procedure['status'] = 'completed', patientId = 'pat-1'): Procedure {
  return { resourceType: 'Procedure', id, status, subject: subject(patientId), code: { coding: [coding] }, ...(date !== undefined && { performedDateTime: date }) };
}

export function immunization(id: string, cvx: string, date: string, status: Immunization['status'] = 'completed', patientId = 'pat-1'): Immunization {
  return { resourceType: 'Immunization', id, status, patient: subject(patientId), vaccineCode: { coding: [{ system: CVX, code: cvx }] }, occurrenceDateTime: date };
}

/** A laboratory Observation with a coded or quantity value. */
export function labResult(id: string, loinc: string, date: string, extra: Partial<Observation> = {}, patientId = 'pat-1'): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: subject(patientId),
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: LOINC, code: loinc }] },
    effectiveDateTime: date,
    ...extra,
  };
}

const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** A tobacco smoking status (LOINC 72166-2) valued by SNOMED CT: US Core files it as social-history, Synthea as survey. */
export function smokingStatus(id: string, snomed: string, date: string, category: 'social-history' | 'survey' = 'social-history'): Observation {
  return labResult(id, '72166-2', date, {
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: category }] }],
    valueCodeableConcept: { coding: [{ system: SNOMED, code: snomed }] },
  });
}

/** Pack-years (SNOMED CT 401201003), as the US Core smoking status profile records them. */
export function packYears(id: string, value: number, date: string): Observation {
  return labResult(id, '0-0', date, {
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'social-history' }] }],
    code: { coding: [{ system: SNOMED, code: '401201003', display: 'Cigarette pack-years' }] },
    valueQuantity: { value, unit: '{pack-years}', system: 'http://unitsofmeasure.org', code: '{pack-years}' },
  });
}

/** A lab result with a quantity (mg/dL unless told). */
export function quantityResult(id: string, loinc: string, date: string, value: number, unit = 'mg/dL'): Observation {
  return labResult(id, loinc, date, { valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit } });
}

/** A blood pressure panel (85354-9) with systolic (8480-6) and diastolic (8462-4) components. */
export function bloodPressure(id: string, date: string, systolic: number, diastolic: number): Observation {
  const mmHg = (value: number) => ({ value, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' });
  return labResult(id, '85354-9', date, {
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs' }] }],
    component: [
      { code: { coding: [{ system: LOINC, code: '8480-6' }] }, valueQuantity: mmHg(systolic) },
      { code: { coding: [{ system: LOINC, code: '8462-4' }] }, valueQuantity: mmHg(diastolic) },
    ],
  });
}

/** A total cholesterol and HDL pair (mg/dL) on one date: `tc-<date>`, `hdl-<date>`. */
export function lipids(date: string, totalCholesterol: number, hdl: number): Observation[] {
  return [quantityResult(`tc-${date}`, '2093-3', date, totalCholesterol), quantityResult(`hdl-${date}`, '2085-9', date, hdl)];
}

/** A drug allergy or intolerance recorded by name. */
export function drugAllergy(id: string, text: string, type: AllergyIntolerance['type'] = 'allergy'): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id,
    patient: subject('pat-1'),
    type,
    category: ['medication'],
    code: { text },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
  };
}

/** The US Core race extension with one OMB category (CDC Race & Ethnicity code). */
export function race(code: string, display: string): Extension {
  return {
    url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
    extension: [
      { url: 'ombCategory', valueCoding: { system: 'urn:oid:2.16.840.1.113883.6.238', code, display } },
      { url: 'text', valueString: display },
    ],
  };
}

export function condition(id: string, coding: Coding, status = 'active', verification?: string, patientId = 'pat-1'): FhirResource {
  return {
    resourceType: 'Condition',
    id,
    subject: subject(patientId),
    code: { coding: [coding] },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status }] },
    ...(verification !== undefined && { verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: verification }] } }),
  };
}

export function medicationOrder(id: string, rxnorm: string, authoredOn: string, status: MedicationRequest['status'] = 'active', patientId = 'pat-1'): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: subject(patientId),
    authoredOn,
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: rxnorm }], text: `drug ${rxnorm}` },
  };
}

/** A Condition with dates (onset, abatement, recorded). */
export function conditionDated(id: string, coding: Coding, status: string, dates: Pick<Condition, 'onsetDateTime' | 'abatementDateTime' | 'recordedDate'>): Condition {
  return { ...(condition(id, coding, status) as Condition), ...dates };
}

export const DIABETES: Coding = { system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' };

/** A patient of the given age (birthday on 1 January) and sex, optionally with more fields. */
export function patientAged(years: number, gender: Patient['gender'] | undefined, extra: Partial<Patient> = {}): Partial<Patient> {
  return { birthDate: `${AS_OF.getUTCFullYear() - years}-01-01`, gender, ...extra };
}

/** A chart built through the real loader: `resources` go into their sections; `sections` override statuses. */
export function chartOf(patient: Partial<Patient>, resources: readonly FhirResource[] = [], sections: Partial<Record<SectionStatus['section'], Omit<SectionStatus, 'section'>>> = {}): Chart {
  const b = new ChartBuilder({ gender: undefined, ...patient });
  for (const r of resources) b.resource(r);
  for (const [name, status] of Object.entries(sections)) b.section(name as SectionStatus['section'], status);
  return b.build();
}

/**
 * A chart made directly, for resources no prefetch section carries (ServiceRequest, DiagnosticReport,
 * social-history Observations): every section complete.
 */
export function directChart(patient: Partial<Patient>, resources: readonly FhirResource[]): Chart {
  const p: Patient = { resourceType: 'Patient', id: 'pat-1', ...patient };
  const sections: SectionStatus[] = CHART_SECTIONS.map((section) => ({ section, state: 'complete', source: 'prefetch' }));
  return new Chart({ patient: p, resources: [...resources], sections, skipped: 0 }, []);
}

export function contextOf(chart: Chart, asOf: Date = AS_OF): GapContext {
  const age = ageAt(chart.patient, asOf);
  if (!age) throw new Error('test patient needs a birth date');
  return { chart, asOf, age, sex: sexOf(chart.patient), events: new ChartEvents(chart, asOf) };
}

export function runCareGaps(chart: Chart, asOf: Date = AS_OF): Finding[] {
  return CARE_GAP_RULE.evaluate({ hook: 'patient-view', chart, asOf, drafts: [], draftOrders: [] });
}

/** The one assessment with this id, failing the test when there is not exactly one. */
export function only(assessments: readonly GapAssessment[], id: string): GapAssessment {
  const found = assessments.filter((a) => a.id === id);
  if (found.length !== 1) throw new Error(`expected one ${id} assessment, got ${found.length}`);
  return found[0] as GapAssessment;
}

export function report(id: string, loinc: string, date: string, status: DiagnosticReport['status'] = 'final'): DiagnosticReport {
  return { resourceType: 'DiagnosticReport', id, status, subject: subject('pat-1'), code: { coding: [{ system: LOINC, code: loinc }] }, effectiveDateTime: date };
}

export function serviceRequest(id: string, coding: Coding, authoredOn: string, status: ServiceRequest['status'] = 'active', extra: Partial<ServiceRequest> = {}): ServiceRequest {
  return { resourceType: 'ServiceRequest', id, status, intent: 'order', subject: subject('pat-1'), code: { coding: [coding] }, authoredOn, ...extra };
}

/** The screening checks' conclusions for a chart built by {@link chartOf}. */
export function screenings(...args: Parameters<typeof chartOf>): ReturnType<typeof assessScreenings> {
  return assessScreenings(contextOf(chartOf(...args)));
}
