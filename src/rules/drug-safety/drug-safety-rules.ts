import type { Rule } from '../rule';

/** Drug interactions, drug allergies and duplicate therapy. */
export const DRUG_SAFETY_RULES: readonly Rule[] = [];
