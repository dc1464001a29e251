import type { Chart, ResolvedMedication } from '../../chart/chart';
import { refOf } from '../../brief/embedded/fhir-values';
import { identifyDrug, type DrugIdentity } from '../../knowledge/drugs/drug-identity';
import type { FindingSuggestion, RuleInput } from '../rule';

// The medication orders a clinical-state rule looks at: on order-select/order-sign the drafts being
// decided (and only those: the chart's other drugs were decided before), on patient-view the active
// orders. Each with what identifyDrug says it contains; unknown drugs are left out, never guessed.

export interface MedicationSubject {
  /** `MedicationRequest/id`: the draft (for `delete`) or the chart's active order. */
  ref: string;
  origin: 'draft' | 'active';
  /** As ordered: "Metformin hydrochloride 500 MG Oral Tablet". */
  display: string;
  /** Short, for a summary: "Metformin", "Lisinopril". */
  name: string;
  identity: DrugIdentity;
  medication: ResolvedMedication;
}

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Active (not stopped, not "do not perform") medication orders of the chart. */
export function activeMedications(chart: Chart): ResolvedMedication[] {
  return chart.medications.filter((m) => m.request.status === 'active' && m.request.doNotPerform !== true);
}

/** What an order contains, reading the chart's Medication when the order points at one. */
export function identifyOrder(chart: Chart, medication: ResolvedMedication): DrugIdentity {
  return identifyDrug(medication, medication.medicationRef === undefined ? undefined : chart.medication(medication.medicationRef));
}

/**
 * A known drug taken systemically: renal, pregnancy and Beers cautions are about systemic
 * exposure, so products applied locally (creams, eye drops, inhalers: `identity.local`) are skipped.
 */
function subject(chart: Chart, medication: ResolvedMedication, ref: string, origin: MedicationSubject['origin']): MedicationSubject | undefined {
  const identity = identifyOrder(chart, medication);
  if (!identity.known || identity.local === true) return undefined;
  const name = capitalised(identity.ingredients.map((i) => i.name).join(' / '));
  return { ref, origin, display: medication.display, name, identity, medication };
}

/** Drafts on order hooks, active orders on patient-view; known, systemic drugs only. */
export function medicationSubjects(input: RuleInput): MedicationSubject[] {
  if (input.hook === 'patient-view') {
    return activeMedications(input.chart).flatMap((m) => subject(input.chart, m, refOf(m.request), 'active') ?? []);
  }
  return input.drafts.flatMap((d) => subject(input.chart, d.medication, d.ref, 'draft') ?? []);
}

/** Ingredient names of every active order of the chart, for "already taking" and co-therapy checks. */
export function activeIngredients(chart: Chart): Set<string> {
  return new Set(activeMedications(chart).flatMap((m) => identifyOrder(chart, m).ingredients.map((i) => i.name.toLowerCase())));
}

/** True for a draft whose every ingredient the patient already takes: a renewal, not a new start. */
export function renewsActive(draft: MedicationSubject, active: ReadonlySet<string>): boolean {
  return draft.identity.ingredients.every((i) => active.has(i.name.toLowerCase()));
}

/** "Remove metformin order": a `delete` of the draft (CDS Hooks 2.0 action, resourceId `Type/id`). */
export function removeDraftSuggestion(s: MedicationSubject): FindingSuggestion {
  return {
    label: `Remove ${s.name.toLowerCase()} order`,
    isRecommended: true,
    actions: [{ type: 'delete', description: `Remove the draft order for ${s.display}.`, resourceId: s.ref }],
  };
}
