import { RENAL_DOSING, type RenalDosingRow } from '../../knowledge/renal/renal-dosing';
import type { Finding, Rule, RuleInput } from '../rule';
import { selects } from './drug-selector';
import { activeIngredients, medicationSubjects, removeDraftSuggestion, renewsActive, type MedicationSubject } from './medication-subjects';
import { chartFacts } from '../../chart/facts/chart-facts';
import { criteriaOutcome, renalContext, thresholdOutcome, type RenalContext, type RenalOutcome } from './renal-dosing-checks';
import { SEVERITY_RANK } from '../run-rules';

// Renal dosing (renal-dosing.ts): each drug being ordered (order hooks) or taken (patient-view)
// against the kidney function its label uses. One finding per drug: the most severe check.

export const RENAL_DOSING_RULE_ID = 'renal-dosing';

function outcomesFor(row: RenalDosingRow, s: MedicationSubject, ctx: RenalContext, taken: boolean): RenalOutcome[] {
  return row.checks.flatMap((check) => (check.measure === 'dose-criteria' ? criteriaOutcome(check, s, ctx, taken) : thresholdOutcome(check, s, ctx, taken)) ?? []);
}

function originText(s: MedicationSubject, taken: boolean): string {
  if (s.origin === 'active') return 'active order';
  return taken ? 'renewal of a current order' : 'new order';
}

function toFinding(s: MedicationSubject, o: RenalOutcome, taken: boolean): Finding {
  const offerRemoval = s.origin === 'draft' && o.removeDraft && o.severity !== 'info';
  const options = offerRemoval ? 'Options: remove the order, or keep it with a reason.' : 'Options: check the dose and indication against the label; recheck kidney function.';
  return {
    ruleId: RENAL_DOSING_RULE_ID,
    // On chart open, a potassium-decided caution is one of the potassium findings (one card per analyte).
    topic: s.origin === 'active' && o.analyte !== undefined ? `lab:${o.analyte}` : `renal:${s.ref}`,
    severity: o.severity,
    summary: `${s.name}: ${o.finding}.`,
    detail: [`**${s.display}** (${originText(s, taken)})`, ...o.detail, options].join('\n\n'),
    evidence: [...new Set([s.ref, ...o.evidence])],
    source: o.source,
    knowledge: o.knowledge,
    ...(offerRemoval ? { suggestions: [removeDraftSuggestion(s)], selectionBehavior: 'at-most-one' as const } : {}),
  };
}

function evaluate(input: RuleInput): Finding[] {
  if (chartFacts(input.chart, input.asOf).patient.deceased) return [];
  const subjects = medicationSubjects(input).map((s) => ({ s, rows: RENAL_DOSING.filter((row) => selects(row.selector, s.identity)) })).filter((x) => x.rows.length > 0);
  if (subjects.length === 0) return [];
  const ctx = renalContext(input.chart, input.asOf);
  const active = activeIngredients(input);
  return subjects.flatMap(({ s, rows }) => {
    const taken = s.origin === 'active' || renewsActive(s, active);
    const [worst] = rows.flatMap((row) => outcomesFor(row, s, ctx, taken)).sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    return worst ? [toFinding(s, worst, taken)] : [];
  });
}

/** Renal dosing of drafts (order hooks) and active medications (patient-view). */
export const renalDosingRule: Rule = {
  id: RENAL_DOSING_RULE_ID,
  title: 'Renal dosing (FDA labels, KDIGO, Beers)',
  hooks: ['patient-view', 'order-select', 'order-sign'],
  evaluate,
};
