import type { Rule } from '../rule';

/** Care gaps (USPSTF screenings, ADA diabetes monitoring, ACIP immunizations). */
export const CARE_GAP_RULES: readonly Rule[] = [];
