import type { CodeableConcept } from 'fhir/r4';
import type { Chart, ResolvedMedication } from '../../chart/chart';
import { isActiveOrder } from '../../chart/facts/medication-orders';
import { ICD10, ICD10_CM, SNOMED_CT } from '../../clinical-codes/code-systems';
import { HIGH_ALERT_MEDICATIONS, type HighAlertMedication } from '../../clinical-codes/high-alert-medications';
import type { BriefSection, Statement } from '../brief';
import { isComplete } from './availability';
import { dosageInstructionsText } from './dosage-text';
import { clipText } from './bounds';
import { arrayOrEmpty, codesOf, compareText, conceptText, refOf, unique, withoutSemanticTag } from './fhir-values';
import { isAssertedCondition, type ActiveProblem } from './problems';
import type { StatedReason } from './reasons';
import { resolveReference } from './references';

/** Why a drug is given, as the order says: a Condition it cites, or a coded/text reason. */
export type MedicationReason = StatedReason;

/** An active problem the order treats, and the Condition that says so. */
export interface TreatedProblem {
  problem: ActiveProblem;
  /** The Condition the order cites (reasonReference), else the problem's first (reasonCode match). */
  conditionRef: string;
}

/** One active medication order, ready to be stated. */
export interface ActiveMedication {
  medication: ResolvedMedication;
  requestRef: string;
  name: string;
  /** From `dosageInstruction` only. */
  dose?: string;
  /** Active problems the order names as its reason, most important first. */
  treats: TreatedProblem[];
  /** Reasons that are not an active problem (a resolved Condition, free text, an unmatched code). */
  reasons: MedicationReason[];
  highAlert?: HighAlertMedication;
  /** Part of a drug–drug interaction the rules found in the same response (SummarizeOptions.interactingOrders). */
  interacting?: boolean;
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

/** Where an order's reasons can point: the active problems, by Condition and by code. */
interface ProblemIndex {
  order: Map<ActiveProblem, number>;
  byRef: Map<string, ActiveProblem>;
  byCode: Map<string, ActiveProblem>;
}

const REASON_SYSTEMS = [SNOMED_CT, ICD10_CM, ICD10];

function problemIndex(problems: readonly ActiveProblem[]): ProblemIndex {
  const index: ProblemIndex = { order: new Map(), byRef: new Map(), byCode: new Map() };
  problems.forEach((p, i) => {
    index.order.set(p, i);
    for (const ref of p.refs) if (!index.byRef.has(ref)) index.byRef.set(ref, p);
    for (const c of p.conditions) {
      for (const system of REASON_SYSTEMS) {
        for (const code of codesOf(c.code, [system])) if (!index.byCode.has(`${system}|${code}`)) index.byCode.set(`${system}|${code}`, p);
      }
    }
  });
  return index;
}

function codedProblem(index: ProblemIndex, concept: CodeableConcept): ActiveProblem | undefined {
  for (const system of REASON_SYSTEMS) {
    for (const code of codesOf(concept, [system])) {
      const p = index.byCode.get(`${system}|${code}`);
      if (p) return p;
    }
  }
  return undefined;
}

/**
 * The order's reasons: `reasonReference` to a Condition (never a refuted or entered-in-error one)
 * and `reasonCode`. A reason that is an active problem — the same Condition, or a code one of its
 * Conditions carries — links the drug to that problem; others stay reasons in words.
 */
function reasonsOf(chart: Chart, m: ResolvedMedication, index: ProblemIndex): Pick<ActiveMedication, 'treats' | 'reasons'> {
  const treats = new Map<ActiveProblem, string>();
  const reasons: MedicationReason[] = [];
  for (const ref of arrayOrEmpty(m.request.reasonReference)) {
    const target = resolveReference(chart, ref, 'Condition');
    if (target?.resourceType !== 'Condition' || !isAssertedCondition(target)) continue;
    const problem = index.byRef.get(refOf(target));
    if (problem) {
      if (!treats.has(problem)) treats.set(problem, refOf(target));
      continue;
    }
    const name = conceptText(target.code);
    if (name) reasons.push({ text: withoutSemanticTag(name) || name, conditionRef: refOf(target) });
  }
  for (const concept of arrayOrEmpty(m.request.reasonCode)) {
    const problem = codedProblem(index, concept);
    if (problem) {
      if (!treats.has(problem)) treats.set(problem, problem.refs[0] ?? '');
      continue;
    }
    const text = conceptText(concept);
    if (text) reasons.push({ text: withoutSemanticTag(text) || text });
  }
  const linked = [...treats].map(([problem, conditionRef]) => ({ problem, conditionRef }));
  linked.sort((a, b) => (index.order.get(a.problem) ?? 0) - (index.order.get(b.problem) ?? 0));
  const named = new Set(linked.map((t) => t.problem.name.toLowerCase()));
  const byText = new Map<string, MedicationReason>();
  for (const r of reasons) if (!named.has(r.text.toLowerCase()) && !byText.has(r.text.toLowerCase())) byText.set(r.text.toLowerCase(), r);
  return { treats: linked, reasons: [...byText.values()] };
}

function toActive(chart: Chart, m: ResolvedMedication, index: ProblemIndex, interacting: ReadonlySet<string>): ActiveMedication {
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
    ...reasonsOf(chart, m, index),
    refs: medicationRef ? [requestRef, medicationRef] : [requestRef],
    ...(dose ? { dose } : {}),
    ...(highAlert ? { highAlert } : {}),
    ...(interacting.has(requestRef) && { interacting: true }),
  };
}

function highAlertRank(m: ActiveMedication): number {
  const i = m.highAlert ? HIGH_ALERT_MEDICATIONS.indexOf(m.highAlert) : -1;
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** High-alert (ISMP) or interacting: a drug the card names before any other line of ordinary weight. */
export function isPriorityMedication(m: ActiveMedication): boolean {
  return m.highAlert !== undefined || m.interacting === true;
}

/**
 * Active orders: the high-alert drugs first (in the high-alert table's order), then the drugs of
 * an interaction (`interactingOrders`: `MedicationRequest/id`s the rules paired), so a short view
 * keeps them; then grouped by the problem they treat (problem-list order) where the chart links
 * them, the others after, groups holding a high-alert drug first; within a group by name, then id.
 */
export function selectActiveMedications(chart: Chart, problems: readonly ActiveProblem[] = [], interactingOrders: readonly string[] = []): ActiveMedication[] {
  const index = problemIndex(problems);
  const interacting = new Set(interactingOrders);
  const active = chart.medications.filter((m) => isActiveOrder(m.request)).map((m) => toActive(chart, m, index, interacting));
  const groupOf = (m: ActiveMedication): number => {
    const first = m.treats[0];
    // Unlinked high-alert drugs form a group of their own, before the other unlinked ones.
    return first ? (index.order.get(first.problem) ?? 0) : m.highAlert ? problems.length : problems.length + 1;
  };
  const groupHasHighAlert = new Set(active.filter((m) => m.highAlert).map(groupOf));
  const tier = (m: ActiveMedication): number => (m.highAlert ? 0 : m.interacting ? 1 : groupHasHighAlert.has(groupOf(m)) ? 2 : 3);
  return active.sort(
    (a, b) =>
      tier(a) - tier(b) ||
      highAlertRank(a) - highAlertRank(b) ||
      groupOf(a) - groupOf(b) ||
      compareText(a.name.toLowerCase(), b.name.toLowerCase()) ||
      compareText(a.requestRef, b.requestRef),
  );
}

/** A free-text problem name may be long; the group label names one or a few. */
const GROUP_LABEL_CHARS = 40;

function problemList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * "For Atrial fibrillation: Warfarin 5 MG Oral Tablet — 5 mg once daily", citing the order (and
 * its Medication) and the Condition it treats; unlinked orders as "Amlodipine … — dose not recorded".
 */
function medicationStatement(m: ActiveMedication): Statement {
  let text = `${m.name} — ${m.dose ?? 'dose not recorded'}`;
  if (m.treats.length > 0) text = `For ${problemList(m.treats.map((t) => clipText(t.problem.name, GROUP_LABEL_CHARS)))}: ${text}`;
  if (m.reasons.length > 0) text += ` (${m.treats.length > 0 ? 'also ' : ''}for ${m.reasons.map((r) => r.text).join(', ')})`;
  const conditionRefs = [...m.treats.map((t) => t.conditionRef), ...m.reasons.flatMap((r) => (r.conditionRef ? [r.conditionRef] : []))];
  const evidence = unique([...m.refs, ...conditionRefs].filter((r) => r !== ''));
  return isPriorityMedication(m) ? { text, evidence, priority: 'high' } : { text, evidence };
}

/**
 * Active medications with dose, grouped by the problem they treat; "No active medications
 * recorded" only when the list was read in full.
 */
export function medicationsSection(chart: Chart, meds: readonly ActiveMedication[]): BriefSection | undefined {
  const statements = meds.map(medicationStatement);
  if (statements.length === 0 && isComplete(chart, 'medications')) {
    statements.push({ text: 'No active medications recorded', evidence: [chart.patientRef] });
  }
  return statements.length > 0 ? { name: 'medications', title: 'Active medications', statements } : undefined;
}
