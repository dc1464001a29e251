import type { FhirResource, MedicationRequest, Observation } from 'fhir/r4';
import type { Chart } from '../../../src/chart/chart';
import { identifyDrug } from '../../../src/knowledge/drugs/drug-identity';
import type { Finding, HookName, Rule } from '../../../src/rules/rule';
import { ruleInputFor } from '../../../src/rules/rule-input';
import type { ChartBuilder } from '../../support/chart-builder';

// Small helpers for the clinical-state rule tests: draft orders as an EHR sends them, and running
// one rule on a chart the way the service does (ruleInputFor resolves the drafts).

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** A draft MedicationRequest naming the drug by text (and RxNorm code when given). */
export function draft(id: string, name: string, patientId = 'pat-1', rxnorm?: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    medicationCodeableConcept: { ...(rxnorm !== undefined && { coding: [{ system: RXNORM, code: rxnorm, display: name }] }), text: name },
  };
}

export const AS_OF = new Date('2026-06-01T12:00:00Z');

/** A date `days` before AS_OF, as an effectiveDateTime. */
export function daysAgo(days: number, from: Date = AS_OF): string {
  return new Date(from.getTime() - days * 86_400_000).toISOString();
}

export function run(rule: Rule, chart: Chart | ChartBuilder, hook: HookName = 'patient-view', orders: FhirResource[] = [], asOf: Date = AS_OF): Finding[] {
  const built = 'build' in chart ? chart.build() : chart;
  return rule.evaluate(ruleInputFor(hook, built, orders, asOf));
}

/** The one finding a run must produce. */
export function only(findings: Finding[]): Finding {
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

export interface ObsSpec {
  id: string;
  loinc: string;
  value?: number;
  /** `valueQuantity.unit`; `code` defaults to it. */
  unit?: string;
  code?: string;
  comparator?: '<' | '<=' | '>=' | '>';
  date?: string;
  status?: Observation['status'];
  valueString?: string;
  valueConcept?: { code?: string; text?: string };
}

/** An Observation with full control over its quantity, status and value (for edge cases). */
export function obs(spec: ObsSpec, patientId = 'pat-1'): Observation {
  const hasQuantity = spec.value !== undefined || spec.unit !== undefined || spec.code !== undefined;
  return {
    resourceType: 'Observation',
    id: spec.id,
    status: spec.status ?? 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: spec.loinc === '29463-7' ? 'vital-signs' : 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: spec.loinc }] },
    subject: { reference: `Patient/${patientId}` },
    ...(spec.date !== undefined && { effectiveDateTime: spec.date }),
    ...(hasQuantity && {
      valueQuantity: {
        ...(spec.value !== undefined && { value: spec.value }),
        ...(spec.unit !== undefined && { unit: spec.unit }),
        ...((spec.code ?? spec.unit) !== undefined && { system: 'http://unitsofmeasure.org', code: spec.code ?? spec.unit }),
        ...(spec.comparator !== undefined && { comparator: spec.comparator }),
      },
    }),
    ...(spec.valueString !== undefined && { valueString: spec.valueString }),
    ...(spec.valueConcept !== undefined && {
      valueCodeableConcept: {
        ...(spec.valueConcept.code !== undefined && { coding: [{ system: 'http://snomed.info/sct', code: spec.valueConcept.code }] }),
        ...(spec.valueConcept.text !== undefined && { text: spec.valueConcept.text }),
      },
    }),
  };
}

/** Ingredient names identifyDrug does not know yet, as a plain oral product ("<name> 10 MG Oral Tablet"). */
export function unknownToDrugIdentity(names: readonly string[]): string[] {
  return names.filter((name) => {
    const display = `${name} 10 MG Oral Tablet`;
    const request: MedicationRequest = { resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'Patient/pat-1' }, medicationCodeableConcept: { text: display } };
    const identity = identifyDrug({ request, codings: [], display, resolved: true });
    return !identity.ingredients.some((i) => i.name === name);
  });
}
