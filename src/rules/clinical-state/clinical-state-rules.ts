import type { Rule } from '../rule';

/** Renal dosing, pregnancy, Beers criteria and lab alerts. */
export const CLINICAL_STATE_RULES: readonly Rule[] = [];
