import type { Chart, ResolvedMedication } from '../../chart/chart';
import { HIGH_ALERT_MEDICATIONS, type HighAlertMedication } from '../../clinical-codes/high-alert-medications';
import type { BriefSection, Statement } from '../brief';
import { isComplete } from './availability';
import { dosageInstructionsText } from './dosage-text';
import { arrayOrEmpty, compareText, conceptText, refOf, unique, withoutSemanticTag } from './fhir-values';
import { resolveReference } from './references';

/** Why a drug is given, as the order says: a Condition it cites, or a coded/text reason. */
export interface MedicationReason {
  text: string;
  /** `Condition/id` when the reason is a Condition the chart holds. */
  conditionRef?: string;
}

/** One active medication order, ready to be stated. */
export interface ActiveMedication {
  medication: ResolvedMedication;
  requestRef: string;
  name: string;
  /** From `dosageInstruction` only. */
  dose?: string;
  reasons: MedicationReason[];
  highAlert?: HighAlertMedication;
  /** MedicationRequest, then Medication when the drug came from one. */
  refs: string[];
}

const HIGH_ALERT_PATTERNS = HIGH_ALERT_MEDICATIONS.map((row, index) => ({
  row,
  index,
  pattern: new RegExp(`\\b(?:${row.ingredients.join('|')})\\b`, 'i'),
}));

/** The first high-alert class whose ingredient the drug's name or codings name. */
export function highAlertOf(m: ResolvedMedication): HighAlertMedication | undefined {
  const names = [m.display, ...m.codings.map((c) => c.display ?? '')].join(' | ');
  return HIGH_ALERT_PATTERNS.find((p) => p.pattern.test(names))?.row;
}

function reasonsOf(chart: Chart, m: ResolvedMedication): MedicationReason[] {
  const reasons: MedicationReason[] = [];
  for (const ref of arrayOrEmpty(m.request.reasonReference)) {
    const target = resolveReference(chart, ref, 'Condition');
    if (target?.resourceType !== 'Condition') continue;
    const name = conceptText(target.code);
    if (name) reasons.push({ text: withoutSemanticTag(name) || name, conditionRef: refOf(target) });
  }
  for (const concept of m.request.reasonCode ?? []) {
    const text = conceptText(concept);
    if (text) reasons.push({ text: withoutSemanticTag(text) || text });
  }
  const byText = new Map<string, MedicationReason>();
  for (const r of reasons) if (!byText.has(r.text.toLowerCase())) byText.set(r.text.toLowerCase(), r);
  return [...byText.values()];
}

function toActive(chart: Chart, m: ResolvedMedication): ActiveMedication {
  const requestRef = refOf(m.request);
  // A Medication lifted out of the request's `contained` has no address the EHR can open: the
  // request that contains it is the citation.
  const ref = m.medicationRef;
  const medicationRef = ref !== undefined && chart.has(ref) && chart.containerOf(ref) === undefined ? ref : undefined;
  const dose = dosageInstructionsText(m.request.dosageInstruction);
  const highAlert = highAlertOf(m);
  return {
    medication: m,
    requestRef,
    name: m.resolved ? m.display : `${m.display} (drug details unavailable)`,
    reasons: reasonsOf(chart, m),
    refs: medicationRef ? [requestRef, medicationRef] : [requestRef],
    ...(dose ? { dose } : {}),
    ...(highAlert ? { highAlert } : {}),
  };
}

function highAlertRank(m: ActiveMedication): number {
  const i = m.highAlert ? HIGH_ALERT_MEDICATIONS.indexOf(m.highAlert) : -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/**
 * An order the patient is taking: status `active` (https://hl7.org/fhir/R4/valueset-medicationrequest-status.html;
 * stopped, completed, on-hold, cancelled, draft and entered-in-error are not), and not a
 * `doNotPerform` order, which says the drug must not be given.
 */
export function isActiveOrder(m: ResolvedMedication): boolean {
  return m.request.status === 'active' && m.request.doNotPerform !== true && m.request.id !== undefined;
}

/** Active orders: high-alert drugs first, then by name, then by id. */
export function selectActiveMedications(chart: Chart): ActiveMedication[] {
  const active = chart.medications.filter(isActiveOrder).map((m) => toActive(chart, m));
  return active.sort(
    (a, b) =>
      highAlertRank(a) - highAlertRank(b) ||
      compareText(a.name.toLowerCase(), b.name.toLowerCase()) ||
      compareText(a.requestRef, b.requestRef),
  );
}

function medicationStatement(m: ActiveMedication): Statement {
  let text = `${m.name} — ${m.dose ?? 'dose not recorded'}`;
  if (m.reasons.length > 0) text += ` (for ${m.reasons.map((r) => r.text).join(', ')})`;
  const conditionRefs = m.reasons.flatMap((r) => (r.conditionRef ? [r.conditionRef] : []));
  return { text, evidence: unique([...m.refs, ...conditionRefs]) };
}

/** Active medications with dose; "No active medications recorded" only when the list was read in full. */
export function medicationsSection(chart: Chart, meds: readonly ActiveMedication[]): BriefSection | undefined {
  const statements = meds.map(medicationStatement);
  if (statements.length === 0 && isComplete(chart, 'medications')) {
    statements.push({ text: 'No active medications recorded', evidence: [chart.patientRef] });
  }
  return statements.length > 0 ? { name: 'medications', title: 'Active medications', statements } : undefined;
}
