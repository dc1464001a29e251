import type { Rule } from '../rule';
import { CARE_GAP_RULE } from './care-gap-rule';

/** Care gaps (statin therapy, USPSTF screenings, ADA diabetes monitoring, ACIP immunizations): one grouped card. */
export const CARE_GAP_RULES: readonly Rule[] = [CARE_GAP_RULE];
