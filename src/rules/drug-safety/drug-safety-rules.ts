import type { Rule } from '../rule';
import { drugAllergyRule } from './drug-allergy';
import { drugInteractionRule } from './drug-interaction';
import { duplicateTherapyRule } from './duplicate-therapy';

/** Drug interactions, drug allergies and duplicate therapy. */
export const DRUG_SAFETY_RULES: readonly Rule[] = [drugInteractionRule, drugAllergyRule, duplicateTherapyRule];
