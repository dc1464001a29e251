import type { Encounter, FhirResource, HumanName, Observation, Quantity } from 'fhir/r4';
import type { Chart } from '../src/chart/chart';
import { LOINC } from '../src/clinical-codes/code-systems';
import { DIASTOLIC_BP, SYSTOLIC_BP } from '../src/clinical-codes/key-observations';
import { displayUnit } from '../src/clinical-codes/ucum-display';
import { codesOf, conceptText, datePart, formatNumber } from '../src/brief/embedded/fhir-values';

/**
 * A short name for a cited resource, shown on its citation chip ("Creatinine 1.4 mg/dL ·
 * 2021-02-03"), so a clinician sees what a statement rests on before opening it.
 */

export function humanName(names: readonly HumanName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (name === undefined) return undefined;
  if (typeof name.text === 'string' && name.text.trim() !== '') return name.text.trim();
  const parts = [...(name.given ?? []), name.family].filter((p): p is string => typeof p === 'string' && p !== '');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function quantity(q: Quantity | undefined): string | undefined {
  if (typeof q?.value !== 'number') return undefined;
  // Synthea and some devices send 14 decimals: a chip shows two, the dialog shows the resource.
  const value = formatNumber(q.value, 2);
  const unit = displayUnit(q.unit ?? q.code);
  return unit === '' ? value : `${value} ${unit}`;
}

function joined(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => p !== undefined && p !== '');
  return kept.length > 0 ? kept.join(' · ') : undefined;
}

/** "Office visit · 2021-03-10": the encounter's type (or class) and start date. */
export function encounterLabel(r: Encounter): string | undefined {
  return joined(conceptText(r.type?.[0]) ?? r.class?.display ?? r.class?.code, datePart(r.period?.start));
}

/** Systolic before diastolic, whatever order the EHR put the components in (Synthea sends diastolic first). */
function bloodPressure(r: Observation): string | undefined {
  const component = (code: string): Quantity | undefined => r.component?.find((c) => codesOf(c.code, [LOINC]).includes(code))?.valueQuantity;
  const sys = component(SYSTOLIC_BP);
  const dia = component(DIASTOLIC_BP);
  if (typeof sys?.value !== 'number' || typeof dia?.value !== 'number') return undefined;
  const unit = displayUnit(sys.unit ?? sys.code);
  return `${formatNumber(sys.value, 0)}/${formatNumber(dia.value, 0)}${unit === '' ? '' : ` ${unit}`}`;
}

function observationLabel(r: Observation): string | undefined {
  const components = (r.component ?? []).map((c) => quantity(c.valueQuantity)).filter((v): v is string => v !== undefined);
  const value = quantity(r.valueQuantity) ?? r.valueString ?? conceptText(r.valueCodeableConcept) ?? bloodPressure(r) ?? (components.length > 0 ? components.join(' / ') : undefined);
  return joined([conceptText(r.code), value].filter((p) => p !== undefined).join(' '), datePart(r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued));
}

function describe(r: FhirResource, chart: Chart): string | undefined {
  // if-chains, not a switch: a switch over every resource type the FHIR types know would not end.
  if (r.resourceType === 'Patient') return humanName(r.name);
  if (r.resourceType === 'Condition') return joined(conceptText(r.code), datePart(r.onsetDateTime ?? r.recordedDate));
  if (r.resourceType === 'Observation') return observationLabel(r);
  if (r.resourceType === 'MedicationRequest') {
    const resolved = chart.medications.find((m) => m.request.id === r.id);
    return joined(resolved?.display ?? conceptText(r.medicationCodeableConcept) ?? r.medicationReference?.display, datePart(r.authoredOn));
  }
  if (r.resourceType === 'Medication' || r.resourceType === 'AllergyIntolerance') return conceptText(r.code);
  if (r.resourceType === 'Immunization') return joined(conceptText(r.vaccineCode), datePart(r.occurrenceDateTime));
  if (r.resourceType === 'Procedure') return joined(conceptText(r.code), datePart(r.performedDateTime ?? r.performedPeriod?.start));
  if (r.resourceType === 'Encounter') return encounterLabel(r);
  if (r.resourceType === 'DiagnosticReport') return joined(conceptText(r.code), datePart(r.effectiveDateTime ?? r.issued));
  return undefined;
}

/** The label of a resource; its `Type/id` when nothing readable is in it. */
export function resourceLabel(resource: FhirResource, chart: Chart): string {
  return describe(resource, chart) ?? `${resource.resourceType}/${resource.id ?? ''}`;
}

/** A citation: the reference and, when the chart holds it, its label. */
export interface Citation {
  ref: string;
  label: string;
  /** False when the chart does not hold the resource (the page shows the reference, unclickable). */
  available: boolean;
}

export function citationFor(ref: string, chart: Chart): Citation {
  // A lifted `contained` Medication lives inside its MedicationRequest: open that.
  const target = chart.containerOf(ref) ?? ref;
  const resource = chart.get(target);
  return resource === undefined ? { ref: target, label: target, available: false } : { ref: target, label: resourceLabel(resource, chart), available: true };
}
