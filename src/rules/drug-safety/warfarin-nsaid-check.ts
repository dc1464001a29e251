import { datePart, refOf } from '../../brief/embedded/fhir-values';
import { chartFacts } from '../../chart/facts/chart-facts';
import { conditionsCoded } from '../../chart/facts/conditions';
import { WARFARIN_NSAIDS } from '../../knowledge/interactions/pddi-warfarin-nsaids';
import type { Severity } from '../rule';
import type { InteractionAssessment, PairContext } from './interaction-assessment';
import { lowered, orient, otherOrders } from './interaction-assessment';
import { containsAny, hasClass, ingredientsHaveClass, ingredientsIn, ingredientsOfClass, rxcuisOf } from './ingredient-sets';
import type { IdentifiedOrder } from './medication-orders';
import { capitalized, drugName } from './medication-orders';

// HL7 PDDI-CDS warfarin + NSAID (WarfarinNSAIDsCDSLogic.cql): a systemic NSAID with warfarin is a
// warning; a history of upper GI bleed, age >= 65, a systemic corticosteroid, an aldosterone
// antagonist or another NSAID make it critical; a PPI or misoprostol lowers it one step. A topical
// NSAID is info.

const K = WARFARIN_NSAIDS;
const WARFARIN = rxcuisOf(K.warfarin);
const PROTECTIVE = rxcuisOf(K.protectiveIngredients);
const ALDOSTERONE_ANTAGONISTS = rxcuisOf(K.aldosteroneAntagonists);

interface Factor {
  text: string;
  ref?: string;
  id: string;
}

const isWarfarin = (o: IdentifiedOrder): boolean => containsAny(o, WARFARIN);
const isAnyNsaid = (o: IdentifiedOrder): boolean => ingredientsHaveClass(o, K.nsaidClass);

function coMedication(others: readonly IdentifiedOrder[], nsaid: IdentifiedOrder): { raising: Factor[]; protective: Factor[] } {
  const raising: Factor[] = [];
  const protective: Factor[] = containsAny(nsaid, PROTECTIVE) ? [{ text: `${drugName(nsaid)} contains misoprostol`, id: 'misoprostol' }] : [];
  for (const o of others) {
    const line = `${drugName(o)} (${o.ref})`;
    if (hasClass(o, K.protectiveClass) || containsAny(o, PROTECTIVE)) protective.push({ text: line, ref: o.ref, id: 'ppi' });
    if (hasClass(o, K.corticosteroidClass)) raising.push({ text: `systemic corticosteroid: ${line}`, ref: o.ref, id: 'corticosteroid' });
    if (containsAny(o, ALDOSTERONE_ANTAGONISTS)) raising.push({ text: `aldosterone antagonist: ${line}`, ref: o.ref, id: 'aldosterone-antagonist' });
    if (hasClass(o, K.nsaidClass)) raising.push({ text: `another NSAID: ${line}`, ref: o.ref, id: 'another-nsaid' });
  }
  return { raising, protective };
}

function patientFactors(ctx: PairContext): Factor[] {
  const factors: Factor[] = [];
  const age = chartFacts(ctx.input.chart, ctx.input.asOf).patient.age?.years;
  if (age !== undefined && age >= K.ageAtLeast) factors.push({ text: `age ${age} (${K.ageAtLeast} or older)`, id: 'age' });
  for (const { condition, display } of conditionsCoded(ctx.input.chart, K.giBleedSnomed)) {
    const when = datePart(condition.recordedDate ?? condition.onsetDateTime);
    const ref = refOf(condition);
    factors.push({ text: `history of GI bleeding: ${display}${when === undefined ? '' : `, ${when}`} (${ref})`, ref, id: 'gi-bleed' });
  }
  return factors;
}

function severityOf(topical: boolean, raising: readonly Factor[], protective: readonly Factor[]): Severity {
  if (topical) return 'info';
  const base: Severity = raising.length > 0 ? 'critical' : 'warning';
  return protective.length > 0 ? lowered(base) : base;
}

function summaryOf(nsaid: IdentifiedOrder, severity: Severity, topical: boolean, protective: readonly Factor[]): string {
  const name = capitalized(drugName(nsaid));
  if (topical) return `Topical ${drugName(nsaid)} + warfarin: little systemic NSAID effect. Watch for bleeding.`;
  if (severity === 'critical') return `${name} + warfarin: major bleeding risk. Consider acetaminophen.`;
  if (protective.length > 0) return `${name} + warfarin: bleeding risk, lowered by gastroprotection. Consider acetaminophen.`;
  return `${name} + warfarin: bleeding risk. Consider acetaminophen.`;
}

function detailLines(topical: boolean, raising: readonly Factor[], protective: readonly Factor[]): string[] {
  if (topical) return ['Topical NSAIDs act locally; the PDDI-CDS logic rates them with warfarin as information only.'];
  return [
    'NSAIDs with warfarin raise the risk of upper GI bleeding (antiplatelet effect and gastric injury).',
    `Raises the risk: ${raising.length > 0 ? raising.map((f) => f.text).join('; ') : 'none recorded (no GI bleed history, under 65, no corticosteroid or aldosterone antagonist)'}.`,
    `Lowers the risk: ${protective.length > 0 ? protective.map((f) => f.text).join('; ') : 'none (no PPI or misoprostol)'}.`,
    `Options: ${K.alternative.ingredient} instead; if an NSAID is needed, lowest dose for the shortest time with a PPI, and watch for bleeding.`,
  ];
}

/** The PDDI-CDS warfarin + NSAID assessment of two orders, if they are warfarin and an NSAID. */
export function assessWarfarinNsaid(x: IdentifiedOrder, y: IdentifiedOrder, ctx: PairContext): InteractionAssessment | undefined {
  const pair = orient(x, y, isAnyNsaid, isWarfarin);
  if (!pair || isAnyNsaid(pair[1])) return undefined;
  const [nsaid, warfarin] = pair;
  const topical = !hasClass(nsaid, K.nsaidClass);
  const medication = coMedication(otherOrders(ctx, pair), nsaid);
  const raising = topical ? [] : [...patientFactors(ctx), ...medication.raising];
  const severity = severityOf(topical, raising, medication.protective);
  const modifiers = [...raising, ...medication.protective];
  return {
    first: nsaid,
    second: warfarin,
    ingredients: [...ingredientsOfClass(nsaid, K.nsaidClass), ...ingredientsIn(warfarin, WARFARIN)],
    severity,
    summary: summaryOf(nsaid, severity, topical, medication.protective),
    lines: detailLines(topical, raising, medication.protective),
    evidence: modifiers.flatMap((f) => (f.ref === undefined ? [] : [f.ref])),
    knowledge: ['pddi:warfarin-nsaids', ...modifiers.map((f) => `pddi:warfarin-nsaids:${f.id}`)],
    source: K.source,
    ...(!topical && { alternative: K.alternative }),
  };
}
