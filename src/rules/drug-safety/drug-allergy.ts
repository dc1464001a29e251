import type { AllergyFact } from '../../chart/facts/allergies';
import { chartFacts } from '../../chart/facts/chart-facts';
import { ALLERGEN_ROWS } from '../../knowledge/drugs/allergens';
import type { Finding, KnowledgeSource, Rule, RuleInput } from '../rule';
import { SEVERITY_RANK } from '../run-rules';
import { allergyLine, summaryOf } from './allergy-card-text';
import type { AllergenProfile, AllergyMatch } from './allergy-match';
import { allergenProfile, matchAllergy } from './allergy-match';
import { removeDraft } from './draft-suggestions';
import type { IdentifiedOrder } from './medication-orders';
import { orderLine, ordersOf } from './medication-orders';

// `drug-allergy`: a draft whose ingredient or class the patient is recorded as allergic to
// (critical; warning when the allergy is unconfirmed; info when it is an intolerance), that shares
// the allergen's structure (a beta-lactam side chain, an opioid structural class, the sulfonamide
// antibiotics: severity from the reaction history), or that belongs to a cross-reactive class
// (penicillin → cephalosporin with another side chain: info). Refuted, entered-in-error, inactive
// and resolved allergies are ignored.

export const DRUG_ALLERGY_RULE_ID = 'drug-allergy';

// Allergies that name no row of the allergen table are matched by ingredient through RxNorm.
const RXNORM_ALLERGEN: KnowledgeSource = { label: 'RxNorm ingredient match (recorded drug allergy)', url: 'https://www.nlm.nih.gov/research/umls/rxnorm/overview.html' };

function sourceOf(m: AllergyMatch): KnowledgeSource {
  if (m.kind === 'cross-sensitivity') return m.group.source;
  if (m.kind === 'cross-reactivity') return m.cross.source;
  return ALLERGEN_ROWS.find((r) => m.rows.includes(r.id))?.source ?? RXNORM_ALLERGEN;
}

function knowledgeOf(m: AllergyMatch): string[] {
  if (m.kind === 'cross-sensitivity') return [`cross-sensitivity:${m.group.id}`];
  return m.rows.length > 0 ? m.rows.map((r) => `allergen:${r}`) : ['allergen:rxnorm-ingredient'];
}

function findingFor(order: IdentifiedOrder, matches: AllergyMatch[]): Finding {
  const sorted = [...matches].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const top = sorted[0] as AllergyMatch;
  return {
    ruleId: DRUG_ALLERGY_RULE_ID,
    topic: `allergy:${order.ref}`,
    severity: top.severity,
    summary: summaryOf(order, top),
    detail: [`${orderLine(order)}.`, ...sorted.map(allergyLine)].map((l) => `- ${l}`).join('\n'),
    evidence: [order.ref, ...new Set(sorted.map((m) => m.fact.ref))],
    source: sourceOf(top),
    knowledge: [...new Set(sorted.flatMap(knowledgeOf))],
    suggestions: [removeDraft(order, top.severity !== 'info')],
    selectionBehavior: 'at-most-one',
  };
}

function evaluate(input: RuleInput): Finding[] {
  const profiles = chartFacts(input.chart, input.asOf)
    .currentAllergies()
    .flatMap((fact): [AllergyFact, AllergenProfile][] => {
      const profile = allergenProfile(fact);
      return profile ? [[fact, profile]] : [];
    });
  return ordersOf(input).drafts.flatMap((order) => {
    const matches = profiles.flatMap(([a, p]) => matchAllergy(order, a, p) ?? []);
    return matches.length > 0 ? [findingFor(order, matches)] : [];
  });
}

export const drugAllergyRule: Rule = {
  id: DRUG_ALLERGY_RULE_ID,
  title: 'Drug allergies (ingredient, class and cross-reactivity)',
  hooks: ['order-select', 'order-sign'],
  evaluate,
};
