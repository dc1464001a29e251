import { CARE_GAP_RULES } from './care-gaps/care-gap-rules';
import { uncheckedSectionsRule } from './chart-completeness/unchecked-sections-rule';
import { CLINICAL_STATE_RULES } from './clinical-state/clinical-state-rules';
import { DRUG_SAFETY_RULES } from './drug-safety/drug-safety-rules';
import type { Rule } from './rule';

/** Every rule ChartBrief runs, by domain. Ids must be unique (checked in test/rules/all-rules.test.ts). */
export const ALL_RULES: readonly Rule[] = [...DRUG_SAFETY_RULES, ...CLINICAL_STATE_RULES, ...CARE_GAP_RULES, uncheckedSectionsRule];
