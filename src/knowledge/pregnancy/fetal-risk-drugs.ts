import { FETAL_RISK_CAUTIONS } from './fetal-risk-cautions';
import { CONTRAINDICATED_IN_PREGNANCY } from './fetal-risk-contraindicated';
import type { FetalRiskRow } from './fetal-risk-row';

export type { FetalRiskRow } from './fetal-risk-row';

/**
 * Every drug with established fetal risk, most severe first: a drug takes the first row that names
 * it (diclofenac/misoprostol before misoprostol, phentermine before topiramate).
 */
export const FETAL_RISK_DRUGS: readonly FetalRiskRow[] = [...CONTRAINDICATED_IN_PREGNANCY, ...FETAL_RISK_CAUTIONS];
