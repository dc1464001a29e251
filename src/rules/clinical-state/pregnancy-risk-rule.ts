import { isDeceased } from '../../chart/facts/patient';
import { currentPregnancy, type PregnancyStatus } from '../../chart/facts/pregnancy';
import { FETAL_RISK_DRUGS, type FetalRiskRow } from '../../knowledge/pregnancy/fetal-risk-drugs';
import type { Finding, Rule, RuleInput, Severity } from '../rule';
import { selects } from './drug-selector';
import { medicationSubjects, removeDraftSuggestion, type MedicationSubject } from './medication-subjects';
import { dailyDoseMg } from './pregnancy-daily-dose';

// Drugs with established fetal risk (knowledge/pregnancy/fetal-risk-*.ts) ordered for, or taken
// by, a patient the chart says is pregnant now (chart/facts/pregnancy.ts decides, from dates). One
// finding per drug; the card says what says she is pregnant, with its date.

export const PREGNANCY_RISK_RULE_ID = 'pregnancy-risk';

interface Match {
  s: MedicationSubject;
  row: FetalRiskRow;
  /** The order's daily dose when the row is dose-related and it could be read. */
  dose?: number;
}

function names(s: MedicationSubject): string[] {
  return s.identity.ingredients.map((i) => i.name.toLowerCase());
}

/** The first row naming the drug, unless its dose is readable and below the row's threshold. */
function match(s: MedicationSubject): Match | undefined {
  const row = FETAL_RISK_DRUGS.find((r) => selects(r.selector, s.identity) && (r.combination ?? []).every((n) => names(s).includes(n)));
  if (!row) return undefined;
  if (row.minDailyMg === undefined) return { s, row };
  const dose = dailyDoseMg(s.medication.request);
  if (dose === undefined) return { s, row };
  return dose >= row.minDailyMg ? { s, row, dose } : undefined;
}

function pregnancyLine(p: PregnancyStatus): string {
  const records = p.records.map((r) => `${r.text} (${r.ref})`).join('; ');
  const weeks = p.weeks === undefined ? '' : ` About ${p.weeks} weeks pregnant by the estimated delivery date.`;
  return `Current pregnancy: ${records}.${weeks}`;
}

function doseLine(m: Match): string[] {
  if (m.row.minDailyMg === undefined) return [];
  return [m.dose === undefined ? `Daily dose not readable from the order; the risk is from ${m.row.minDailyMg} mg/day.` : `Ordered: ${m.dose} mg/day (risk from ${m.row.minDailyMg} mg/day).`];
}

/** The summary's action, by order and severity: stop what is contraindicated; otherwise review (seizure drugs, transplant drugs must not just stop). */
const ACTIONS: Record<MedicationSubject['origin'], Record<Severity, string>> = {
  draft: { critical: 'Remove the order', warning: 'Reconsider the order', info: 'Reconsider the order' },
  active: { critical: 'Stop it now', warning: 'Review now with the prescriber', info: 'Review at the next medication review' },
};

function toFinding({ s, row, ...m }: Match, pregnancy: PregnancyStatus): Finding {
  const draft = s.origin === 'draft';
  const severity = draft ? row.draft : row.active;
  const action = ACTIONS[s.origin][severity];
  const lines = [
    `**${s.display}** (${draft ? 'new order' : 'active order'}; ${s.ref})`,
    pregnancyLine(pregnancy),
    ...doseLine({ s, row, ...m }),
    `${row.source.label}: ${row.advice}`,
    ...(row.alternatives ? [`Alternatives: ${row.alternatives}`] : []),
    draft ? 'Options: remove the order, or keep it with a documented reason.' : 'Options: review with the patient and the prescriber; stop or switch where possible.',
  ];
  return {
    ruleId: PREGNANCY_RISK_RULE_ID,
    topic: `pregnancy:${s.ref}`,
    severity,
    summary: `${s.name} in pregnancy: ${row.risk}. ${action}.`,
    detail: lines.join('\n\n'),
    evidence: [s.ref, ...pregnancy.evidence],
    source: row.source,
    knowledge: [row.id],
    severityFact: pregnancy.fact,
    ...(draft ? { suggestions: [removeDraftSuggestion(s)], selectionBehavior: 'at-most-one' as const } : {}),
  };
}

function evaluate(input: RuleInput): Finding[] {
  if (isDeceased(input.chart.patient, input.asOf)) return [];
  const matched = medicationSubjects(input).flatMap((s) => match(s) ?? []);
  if (matched.length === 0) return [];
  const pregnancy = currentPregnancy(input.chart, input.asOf);
  return pregnancy ? matched.map((m) => toFinding(m, pregnancy)) : [];
}

/** Fetal-risk drugs on order (critical where contraindicated or boxed) or active, in a current pregnancy. */
export const pregnancyRiskRule: Rule = {
  id: PREGNANCY_RISK_RULE_ID,
  title: 'Drugs with established fetal risk in pregnancy (FDA labels and REMS)',
  hooks: ['patient-view', 'order-select', 'order-sign'],
  evaluate,
};
