import { SAME_INGREDIENT_SOURCE } from '../../knowledge/drugs/duplicate-groups';
import type { Finding, KnowledgeSource, Rule, RuleInput } from '../rule';
import { SEVERITY_RANK } from '../run-rules';
import { removeDraft } from './draft-suggestions';
import type { Duplication } from './duplicate-match';
import { duplicationOf } from './duplicate-match';
import type { IdentifiedOrder } from './medication-orders';
import { capitalized, drugName, orderLine, ordersOf, shortened } from './medication-orders';

// `duplicate-therapy`: a draft in the same therapeutic group as an active medication or an
// earlier draft (two NSAIDs, two statins, an ACE inhibitor with an ARB), or with the same
// ingredient (a duplicate order). One card per draft, citing every order it duplicates.

export const DUPLICATE_THERAPY_RULE_ID = 'duplicate-therapy';

interface Duplicate {
  other: IdentifiedOrder;
  duplication: Duplication;
}

function summaryOf(order: IdentifiedOrder, d: Duplicate): string {
  const drug = capitalized(drugName(order));
  const dup = d.duplication;
  if (dup.kind === 'same-group') return `${drug} + ${drugName(d.other)}: two ${dup.group.label}. Remove one.`;
  if (dup.severity === 'info') return `${drug} is already active as the same product. If this renews it, stop the old order.`;
  return `${drug} already active as ${shortened(d.other.display, 60)}: duplicate order. Remove one.`;
}

function lineOf(d: Duplicate): string {
  const dup = d.duplication;
  const why = dup.kind === 'same-group' ? `both ${dup.group.label}. ${dup.group.risk}` : `same ingredient (${dup.shared.map((i) => i.name).join(', ')}): risk of a double dose.`;
  return `Duplicates ${orderLine(d.other)}: ${why}`;
}

function sourceOf(d: Duplicate): KnowledgeSource {
  return d.duplication.kind === 'same-group' ? d.duplication.group.source : SAME_INGREDIENT_SOURCE;
}

function findingFor(order: IdentifiedOrder, duplicates: Duplicate[]): Finding {
  const sorted = [...duplicates].sort((a, b) => SEVERITY_RANK[a.duplication.severity] - SEVERITY_RANK[b.duplication.severity]);
  const top = sorted[0] as Duplicate;
  return {
    ruleId: DUPLICATE_THERAPY_RULE_ID,
    topic: `duplicate:${order.ref}`,
    severity: top.duplication.severity,
    summary: summaryOf(order, top),
    detail: [`${orderLine(order)}.`, ...sorted.map(lineOf)].map((l) => `- ${l}`).join('\n'),
    evidence: [order.ref, ...sorted.map((d) => d.other.ref)],
    source: sourceOf(top),
    knowledge: [...new Set(sorted.map((d) => (d.duplication.kind === 'same-group' ? `duplicate-group:${d.duplication.group.id}` : 'duplicate:same-ingredient')))],
    suggestions: [removeDraft(order, top.duplication.severity !== 'info')],
    selectionBehavior: 'at-most-one',
  };
}

function evaluate(input: RuleInput): Finding[] {
  const { drafts, active } = ordersOf(input);
  return drafts.flatMap((order, i) => {
    const duplicates = [...active, ...drafts.slice(0, i)].flatMap((other) => {
      const duplication = duplicationOf(order, other);
      return duplication ? [{ other, duplication }] : [];
    });
    return duplicates.length > 0 ? [findingFor(order, duplicates)] : [];
  });
}

export const duplicateTherapyRule: Rule = {
  id: DUPLICATE_THERAPY_RULE_ID,
  title: 'Duplicate therapy (same ingredient or therapeutic group)',
  hooks: ['order-select', 'order-sign'],
  evaluate,
};
