import type { CodeableConcept, Reference } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { arrayOrEmpty, conceptText, refOf, withoutSemanticTag } from './fhir-values';
import { isAssertedCondition } from './problems';
import { resolveReference } from './references';

/** Why something was done, in words, and the Condition that says so when the chart holds one. */
export interface StatedReason {
  text: string;
  /** `Condition/id` when the reason is a Condition the chart holds. */
  conditionRef?: string;
}

/**
 * The reasons of an Encounter or Procedure: each `reasonReference` to a Condition the chart holds
 * (never a refuted or entered-in-error one: the brief states nothing from those), then each
 * `reasonCode`, semantic tags dropped, the same words once.
 */
export function reasonsOf(chart: Chart, references: readonly Reference[] | undefined, codes: readonly CodeableConcept[] | undefined): StatedReason[] {
  const reasons: StatedReason[] = [];
  for (const ref of arrayOrEmpty(references)) {
    const target = resolveReference(chart, ref, 'Condition');
    if (target?.resourceType !== 'Condition' || !isAssertedCondition(target)) continue;
    const name = conceptText(target.code);
    if (name) reasons.push({ text: withoutSemanticTag(name) || name, conditionRef: refOf(target) });
  }
  for (const concept of arrayOrEmpty(codes)) {
    const text = conceptText(concept);
    if (text) reasons.push({ text: withoutSemanticTag(text) || text });
  }
  const byText = new Map<string, StatedReason>();
  for (const r of reasons) if (!byText.has(r.text.toLowerCase())) byText.set(r.text.toLowerCase(), r);
  return [...byText.values()];
}
