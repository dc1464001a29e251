import type { Rule } from '../rule';
import { beersRule } from './beers-rule';
import { labAlertRule } from './lab-alert-rule';
import { pregnancyRiskRule } from './pregnancy-risk-rule';
import { renalDosingRule } from './renal-dosing-rule';

/** Renal dosing, pregnancy, Beers criteria and lab alerts. */
export const CLINICAL_STATE_RULES: readonly Rule[] = [renalDosingRule, pregnancyRiskRule, beersRule, labAlertRule];
