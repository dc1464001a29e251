import type { Chart } from '../../chart/chart';
import { SNOMED_CT } from '../../clinical-codes/code-systems';
import { codesOf, datePart, instantOf } from '../../brief/embedded/fhir-values';
import { isActiveCondition } from '../../brief/embedded/problems';
import { BEERS_CRITERIA, BEERS_MINIMUM_AGE, type BeersCondition, type BeersRow } from '../../knowledge/beers/beers-criteria';
import type { DrugIdentity } from '../../knowledge/drugs/drug-identity';
import { chartFacts } from '../../chart/facts/chart-facts';
import { draftOrders } from '../../chart/facts/medication-orders';
import { daysBetween } from '../../chart/facts/time';
import type { Finding, Rule, RuleInput } from '../rule';
import { selects } from './drug-selector';
import { medicationSubjects, removeDraftSuggestion, type MedicationSubject } from './medication-subjects';

// AGS Beers Criteria 2023 (beers-criteria.ts) for patients 65 or older at asOf: a new order is a
// `warning` with the option to remove it; a drug already taken is `info` context for review.

export const BEERS_RULE_ID = 'beers-criteria';

/** Identities of everything the patient takes or is being ordered, for co-therapy conditions. */
function allIdentities(input: RuleInput): DrugIdentity[] {
  const active = chartFacts(input.chart, input.asOf).activeOrders();
  return [...active, ...draftOrders(input.chart, input.drafts)].map((o) => o.identity);
}

/** Why the row applies to this drug (a line for the detail), or undefined when its condition does not hold. */
function conditionNote(condition: BeersCondition, s: MedicationSubject, input: RuleInput, others: readonly DrugIdentity[]): string | undefined {
  switch (condition.kind) {
    case 'always':
      return '';
    case 'without-gastroprotection': {
      const protectedBy = others.some((d) => selects({ classes: condition.classes, ingredients: condition.ingredients }, d));
      return protectedBy ? undefined : 'No PPI or misoprostol is active or ordered.';
    }
    case 'longer-than':
      return longTermNote(condition, s, input.chart, input.asOf, others);
  }
}

function longTermNote(condition: Extract<BeersCondition, { kind: 'longer-than' }>, s: MedicationSubject, chart: Chart, asOf: Date, others: readonly DrugIdentity[]): string | undefined {
  const since = s.origin === 'active' ? datePart(s.medication.request.authoredOn) : undefined;
  const start = instantOf(since);
  if (since === undefined || start === undefined || daysBetween(start, asOf.getTime()) <= condition.days) return undefined;
  const exemptDrug = others.some((d) => selects({ classes: condition.exemptClasses }, d));
  const exemptCondition = chart.conditions.some((c) => isActiveCondition(c) && codesOf(c.code, [SNOMED_CT]).some((code) => condition.exemptSnomed.includes(code)));
  return exemptDrug || exemptCondition ? undefined : `Ordered since ${since}, more than ${Math.round(condition.days / 7)} weeks ago.`;
}

function toFinding(s: MedicationSubject, row: BeersRow, age: number, note: string, patientRef: string): Finding {
  const draft = s.origin === 'draft';
  const grade = row.quality ? `quality of evidence ${row.quality.toLowerCase()}, strength ${row.strength.toLowerCase()}` : `strength ${row.strength.toLowerCase()}`;
  const lines = [
    `**${s.display}** (${draft ? 'new order' : 'active order'}) · ${row.group}, patient aged ${age}.${note ? ` ${note}` : ''}`,
    `${row.source.label}: ${row.recommendation} (${grade}). ${row.rationale}`,
    draft ? 'Options: remove the order or choose a safer alternative; or keep it with a reason.' : 'Options: review at the next visit; deprescribe where possible.',
  ];
  return {
    ruleId: BEERS_RULE_ID,
    topic: `beers:${s.ref}`,
    severity: draft ? 'warning' : 'info',
    summary: `${s.name} at age ${age}: Beers 2023 — ${row.brief}.`,
    detail: lines.join('\n\n'),
    evidence: [s.ref, patientRef],
    source: row.source,
    knowledge: [row.id],
    ...(draft ? { suggestions: [removeDraftSuggestion(s)], selectionBehavior: 'at-most-one' as const } : {}),
  };
}

function evaluate(input: RuleInput): Finding[] {
  const patient = chartFacts(input.chart, input.asOf).patient;
  const age = patient.age?.years;
  if (age === undefined || age < BEERS_MINIMUM_AGE || patient.deceased) return [];
  const subjects = medicationSubjects(input);
  const others = allIdentities(input);
  return subjects.flatMap((s) => {
    const row = BEERS_CRITERIA.find((r) => selects(r.selector, s.identity));
    const note = row && conditionNote(row.condition, s, input, others);
    return row && note !== undefined ? [toFinding(s, row, age, note, input.chart.patientRef)] : [];
  });
}

/** AGS Beers Criteria 2023 for patients aged 65 or more. */
export const beersRule: Rule = {
  id: BEERS_RULE_ID,
  title: 'Potentially inappropriate medications in older adults (AGS Beers Criteria 2023)',
  hooks: ['patient-view', 'order-select', 'order-sign'],
  evaluate,
};
