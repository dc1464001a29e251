import type { AllergyIntolerance } from 'fhir/r4';
import { arrayOrEmpty, conceptText, refOf } from '../../brief/embedded/fhir-values';
import { chartFacts } from '../../chart/facts/chart-facts';
import { ALLERGEN_ROWS } from '../../knowledge/drugs/allergens';
import type { Finding, KnowledgeSource, Rule, RuleInput } from '../rule';
import { SEVERITY_RANK } from '../run-rules';
import type { AllergenProfile, AllergyMatch } from './allergy-match';
import { allergenProfile, allergyName, matchAllergy } from './allergy-match';
import { removeDraft } from './draft-suggestions';
import type { IdentifiedOrder } from './medication-orders';
import { capitalized, drugName, orderLine, ordersOf, shortened } from './medication-orders';

// `drug-allergy`: a draft whose ingredient or class the patient is recorded as allergic to
// (critical; warning when the allergy is unconfirmed), or a class with cross-reactivity
// (penicillin → cephalosporin: info). Refuted, entered-in-error, inactive and resolved allergies
// are ignored.

export const DRUG_ALLERGY_RULE_ID = 'drug-allergy';

// Allergies that name no row of the allergen table are matched by ingredient through RxNorm.
const RXNORM_ALLERGEN: KnowledgeSource = { label: 'RxNorm ingredient match (recorded drug allergy)', url: 'https://www.nlm.nih.gov/research/umls/rxnorm/overview.html' };

function reactionText(allergy: AllergyIntolerance): string | undefined {
  const texts = arrayOrEmpty(allergy.reaction).flatMap((r) => arrayOrEmpty(r.manifestation).map((m) => conceptText(m) ?? ''));
  const joined = texts.filter((t) => t.length > 0).join(', ');
  return joined.length > 0 ? joined : undefined;
}

function shortName(allergy: AllergyIntolerance): string {
  return shortened(allergyName(allergy), 48);
}

function summaryOf(order: IdentifiedOrder, m: AllergyMatch): string {
  const drug = capitalized(drugName(order));
  const unconfirmed = m.severity === 'warning' && m.kind !== 'cross-reactivity' ? ' (unconfirmed)' : '';
  if (m.kind === 'cross-reactivity') return `${drug}: ${m.severity === 'info' ? 'low' : 'possible'} cross-reactivity with recorded allergy "${shortName(m.allergy)}".`;
  return `${drug}: recorded allergy "${shortName(m.allergy)}"${unconfirmed}. Remove the order.`;
}

function allergyLine(m: AllergyMatch): string {
  const a = m.allergy;
  const reaction = reactionText(a);
  const facts = [a.criticality === undefined ? undefined : `criticality ${a.criticality}`, reaction === undefined ? undefined : `reaction: ${reaction}`];
  const how = m.kind === 'cross-reactivity' ? `cross-reactive class. ${m.note}` : `same ${m.kind}`;
  return `Allergy "${allergyName(a)}" (${[...facts.filter((f) => f !== undefined), refOf(a)].join('; ')}): ${how}`;
}

function sourceOf(m: AllergyMatch): KnowledgeSource {
  return ALLERGEN_ROWS.find((r) => m.rows.includes(r.id))?.source ?? RXNORM_ALLERGEN;
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
    evidence: [order.ref, ...new Set(sorted.map((m) => refOf(m.allergy)))],
    source: sourceOf(top),
    knowledge: [...new Set(sorted.flatMap((m) => (m.rows.length > 0 ? m.rows.map((r) => `allergen:${r}`) : ['allergen:rxnorm-ingredient'])))],
    suggestions: [removeDraft(order, top.severity !== 'info')],
    selectionBehavior: 'at-most-one',
  };
}

function evaluate(input: RuleInput): Finding[] {
  const profiles = chartFacts(input.chart, input.asOf)
    .currentAllergies()
    .flatMap(({ allergy: a }): [AllergyIntolerance, AllergenProfile][] => {
      const profile = allergenProfile(a);
      return profile ? [[a, profile]] : [];
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
