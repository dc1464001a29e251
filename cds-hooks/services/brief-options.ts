import type { SummarizeOptions } from '../../src/brief/summarizer';
import { CARE_GAP_RULE_ID } from '../../src/rules/care-gaps/care-gap-finding';
import { DRUG_INTERACTION_RULE_ID } from '../../src/rules/drug-safety/drug-interaction';
import type { Finding } from '../../src/rules/rule';

/**
 * What the brief must know about the rule cards of the same patient-view response, from the
 * findings that became cards (after RULES_DISABLED and the info cap): the care gaps are left out
 * when the care-gap card is there, and stated when it is not; the drugs of an interaction card
 * are ranked with the high-alert drugs.
 */
export function briefOptionsFor(findings: readonly Finding[], asOf: Date): SummarizeOptions {
  const careGapCard = findings.some((f) => f.ruleId === CARE_GAP_RULE_ID);
  const interacting = [
    ...new Set(findings.filter((f) => f.ruleId === DRUG_INTERACTION_RULE_ID).flatMap((f) => f.evidence.filter((ref) => ref.startsWith('MedicationRequest/')))),
  ];
  return {
    asOf,
    ...(careGapCard && { omitSections: ['care-gaps'] }),
    ...(interacting.length > 0 && { interactingOrders: interacting }),
  };
}
