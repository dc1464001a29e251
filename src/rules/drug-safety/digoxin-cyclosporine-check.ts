import { chartFacts } from '../../chart/facts/chart-facts';
import { formatLab, type LabValue } from '../../chart/facts/lab-values';
import { DIGOXIN_CYCLOSPORINE, type PddiLabCheck } from '../../knowledge/interactions/pddi-digoxin-cyclosporine';
import type { Severity } from '../rule';
import type { InteractionAssessment, PairContext } from './interaction-assessment';
import { orient, otherOrders } from './interaction-assessment';
import { containsAny, hasClass, ingredientsIn, rxcuisOf } from './ingredient-sets';
import type { IdentifiedOrder } from './medication-orders';

// HL7 PDDI-CDS digoxin + cyclosporine (DigoxinCyclosporineCDSLogic.cql). Starting cyclosporine
// without a digoxin level under 0.9 ng/mL in the last 30 days is critical (with one, a warning).
// Continuing either drug is a warning unless the digoxin level is normal and, within a year,
// potassium, magnesium, calcium and creatinine are normal and no loop diuretic or aldosterone
// antagonist is taken: then info. A new digoxin order on cyclosporine is a warning.

const K = DIGOXIN_CYCLOSPORINE;
const DIGOXIN = rxcuisOf(K.digoxin);
const CYCLOSPORINE = rxcuisOf(K.cyclosporine);
const DIURETICS = rxcuisOf(K.diureticIngredients);

type Situation = 'new-cyclosporine' | 'new-digoxin' | 'continuation';

/** Which PDDI branch: a new cyclosporine (not already taken), a new digoxin, or a continuation (patient-view included). */
function situationOf(cyclosporine: IdentifiedOrder, digoxin: IdentifiedOrder, ctx: PairContext): Situation {
  const activeHas = (ids: ReadonlySet<string>): boolean => ctx.orders.active.some((o) => containsAny(o, ids));
  if (cyclosporine.draft && !activeHas(CYCLOSPORINE)) return 'new-cyclosporine';
  if (digoxin.draft && !cyclosporine.draft && !activeHas(DIGOXIN)) return 'new-digoxin';
  return 'continuation';
}

interface LabPicture {
  digoxin: LabValue | undefined;
  /** Each electrolyte and creatinine: its latest value in the window, if any. */
  others: { name: string; value: LabValue | undefined; normal: boolean; check: PddiLabCheck }[];
}

/** Inside the check's normal range (exclusive bounds, as the PDDI CQL compares). */
function isNormal(value: LabValue, check: PddiLabCheck): boolean {
  return value.value < check.high && (check.low === undefined || value.value > check.low);
}

/** "0.7 ng/mL on 2020-03-28 (Observation/o301)". */
function labText(value: LabValue, check: PddiLabCheck): string {
  return `${formatLab(value, check.lab)} on ${value.date} (${value.ref})`;
}

function labPicture(ctx: PairContext): LabPicture {
  const facts = chartFacts(ctx.input.chart, ctx.input.asOf);
  const digoxin = facts.latestLabWithin(K.digoxinLevel.lab, K.digoxinLevel.withinDays);
  const others = [...K.electrolytes, K.renal].map((check) => {
    const value = facts.latestLabWithin(check.lab, check.withinDays);
    return { name: check.lab.label.toLowerCase(), value, normal: value !== undefined && isNormal(value, check), check };
  });
  return { digoxin: digoxin !== undefined && isNormal(digoxin, K.digoxinLevel) ? digoxin : undefined, others };
}

function severityOf(situation: Situation, labs: LabPicture, diuretics: readonly IdentifiedOrder[]): Severity {
  if (situation === 'new-cyclosporine') return labs.digoxin ? 'warning' : 'critical';
  if (situation === 'new-digoxin' || !labs.digoxin) return 'warning';
  return diuretics.length > 0 || labs.others.some((l) => !l.normal) ? 'warning' : 'info';
}

const SUMMARY: Record<Situation, string> = {
  'new-cyclosporine': 'Cyclosporine + digoxin: digoxin levels will rise. Check a digoxin level and reduce the dose.',
  'new-digoxin': 'Digoxin + cyclosporine: digoxin toxicity risk. Start low and check a digoxin level.',
  continuation: 'Digoxin + cyclosporine: digoxin toxicity risk. Keep monitoring the digoxin level.',
};

const SITUATION: Record<Situation, string> = {
  'new-cyclosporine': 'Cyclosporine is being started in a patient taking digoxin.',
  'new-digoxin': 'Digoxin is being started in a patient taking cyclosporine.',
  continuation: 'The patient already takes this combination.',
};

function detailLines(labs: LabPicture, diuretics: readonly IdentifiedOrder[]): string[] {
  const levels = labs.others.map((l) => `${l.name} ${l.value ? `${labText(l.value, l.check)}${l.normal ? '' : ', outside the normal range'}` : 'not measured in the last year'}`);
  return [
    'Cyclosporine inhibits P-glycoprotein and raises digoxin levels: nausea, visual changes and arrhythmias.',
    `Digoxin level: ${labs.digoxin ? `${labText(labs.digoxin, K.digoxinLevel)}, below ${K.digoxinLevel.high} ng/mL` : `no level below ${K.digoxinLevel.high} ng/mL in the last ${K.digoxinLevel.withinDays} days`}.`,
    `Electrolytes and kidney function: ${levels.join('; ')}.`,
    `Diuretics: ${diuretics.length > 0 ? diuretics.map((d) => d.ref).join(', ') : 'none (no loop diuretic or aldosterone antagonist)'}.`,
    'Options: check a digoxin level, reduce the digoxin dose as needed, correct potassium and magnesium.',
  ];
}

/** The PDDI-CDS digoxin + cyclosporine assessment of two orders, if they are cyclosporine and digoxin. */
export function assessDigoxinCyclosporine(x: IdentifiedOrder, y: IdentifiedOrder, ctx: PairContext): InteractionAssessment | undefined {
  // Ophthalmic cyclosporine (PDDI exclude set) acts locally: not part of this interaction.
  const pair = orient(x, y, (o) => containsAny(o, CYCLOSPORINE) && o.identity.local !== true, (o) => containsAny(o, DIGOXIN));
  if (!pair) return undefined;
  const [cyclosporine, digoxin] = pair;
  const situation = situationOf(cyclosporine, digoxin, ctx);
  const labs = labPicture(ctx);
  const diuretics = otherOrders(ctx, pair).filter((o) => K.diureticClasses.some((c) => hasClass(o, c)) || containsAny(o, DIURETICS));
  // The card is about the draft (cyclosporine when both are drafted).
  const [first, second] = cyclosporine.draft || !digoxin.draft ? [cyclosporine, digoxin] : [digoxin, cyclosporine];
  const labRefs = [labs.digoxin, ...labs.others.map((l) => l.value)].flatMap((v) => (v ? [v.ref] : []));
  return {
    first,
    second,
    ingredients: [...ingredientsIn(cyclosporine, CYCLOSPORINE), ...ingredientsIn(digoxin, DIGOXIN)],
    severity: severityOf(situation, labs, diuretics),
    summary: SUMMARY[situation],
    lines: [SITUATION[situation], ...detailLines(labs, diuretics)],
    evidence: [...labRefs, ...diuretics.map((d) => d.ref)],
    knowledge: ['pddi:digoxin-cyclosporine', `pddi:digoxin-cyclosporine:${situation}`],
    source: K.source,
  };
}
