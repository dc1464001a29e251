import { FETAL_RISK_DRUGS, type FetalRiskRow } from '../../knowledge/pregnancy/fetal-risk-drugs';
import type { Finding, Rule, RuleInput } from '../rule';
import { selects } from './drug-selector';
import { medicationSubjects, removeDraftSuggestion, type MedicationSubject } from './medication-subjects';
import { isDeceased } from './patient-facts';
import { currentPregnancy, type PregnancyStatus } from './pregnancy-status';

// Drugs with established fetal risk (fetal-risk-drugs.ts) ordered for, or taken by, a patient the
// chart says is pregnant now (pregnancy-status.ts). One finding per drug.

export const PREGNANCY_RISK_RULE_ID = 'pregnancy-risk';

function toFinding(s: MedicationSubject, row: FetalRiskRow, pregnancy: PregnancyStatus): Finding {
  const draft = s.origin === 'draft';
  const action = draft ? 'Remove the order' : 'Review and stop if possible';
  const lines = [
    `**${s.display}** (${draft ? 'new order' : 'active order'}) · ${pregnancy.basis}.`,
    `${row.source.label}: ${row.advice}`,
    ...(row.alternatives ? [`Alternatives: ${row.alternatives}`] : []),
    draft ? 'Options: remove the order, or keep it with a documented reason.' : 'Options: review with the patient and the prescriber; stop or switch where possible.',
  ];
  return {
    ruleId: PREGNANCY_RISK_RULE_ID,
    topic: `pregnancy:${s.ref}`,
    severity: draft ? row.draft : row.active,
    summary: `${s.name} in pregnancy: ${row.risk}. ${action}.`,
    detail: lines.join('\n\n'),
    evidence: [s.ref, ...pregnancy.evidence],
    source: row.source,
    knowledge: [row.id],
    ...(draft ? { suggestions: [removeDraftSuggestion(s)], selectionBehavior: 'at-most-one' as const } : {}),
  };
}

function evaluate(input: RuleInput): Finding[] {
  if (isDeceased(input.chart.patient, input.asOf)) return [];
  const matched = medicationSubjects(input).flatMap((s) => {
    const row = FETAL_RISK_DRUGS.find((r) => selects(r.selector, s.identity));
    return row ? [{ s, row }] : [];
  });
  if (matched.length === 0) return [];
  const pregnancy = currentPregnancy(input.chart, input.asOf);
  return pregnancy ? matched.map(({ s, row }) => toFinding(s, row, pregnancy)) : [];
}

/** Fetal-risk drugs on order (critical) or active (warning) in a current pregnancy. */
export const pregnancyRiskRule: Rule = {
  id: PREGNANCY_RISK_RULE_ID,
  title: 'Drugs with established fetal risk in pregnancy (FDA labels)',
  hooks: ['patient-view', 'order-select', 'order-sign'],
  evaluate,
};
