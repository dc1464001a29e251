import type { Coding } from 'fhir/r4';
import { refOf } from '../../brief/embedded/fhir-values';
import { isActiveCondition } from '../../brief/embedded/problems';
import { RXNORM } from '../../clinical-codes/code-systems';
import type { ResolvedMedication } from '../../chart/chart';
import { chartFacts } from '../../chart/facts/chart-facts';
import type { MedicationOrder } from '../../chart/facts/medication-orders';
import type { DrugClass } from '../../knowledge/drugs/drug-identity';
import { CV_RISK_FACTORS, type RiskFactorRow, SMOKING_RISK_FACTOR } from '../../knowledge/care-gaps/risk-factors';
import { conceptMatches } from './code-match';
import type { GapContext } from './gap-assessment';
import { smokingHistory } from './smoking-history';

// Chart facts beyond age and sex: cardiovascular risk factors on the problem list, drug therapy
// (smoking history: smoking-history.ts).

export interface FoundRiskFactor {
  row: RiskFactorRow;
  ref: string;
}

/**
 * The USPSTF statin risk factors the chart shows, one per factor: active problems, and current
 * smoking also from the latest smoking status.
 */
export function cvRiskFactors(ctx: GapContext): FoundRiskFactor[] {
  const found: FoundRiskFactor[] = [];
  for (const row of CV_RISK_FACTORS) {
    const c = ctx.chart.conditions.find((x) => isActiveCondition(x) && conceptMatches(x.code, row.conditions));
    if (c) found.push({ row, ref: refOf(c) });
  }
  const latest = smokingHistory(ctx).latest;
  if (latest?.kind === 'current' && !found.some((f) => f.row === SMOKING_RISK_FACTOR)) found.push({ row: SMOKING_RISK_FACTOR, ref: latest.ref });
  return found;
}

/** RxNorm codes on the order itself (ingredient-level codes match the tables directly). */
function rxnormCodes(m: ResolvedMedication): string[] {
  return m.codings.filter((c): c is Coding & { code: string } => c.system === RXNORM && typeof c.code === 'string').map((c) => c.code);
}

/**
 * Active orders of a drug in `classes` (drug identity) or with an ingredient in `ingredients`
 * (RxNorm IN, on the identity or coded on the order). Unknown drugs never match: no guessing.
 */
export function activeOrdersOf(ctx: GapContext, classes: readonly DrugClass[], ingredients: readonly string[]): MedicationOrder[] {
  return chartFacts(ctx.chart, ctx.asOf)
    .activeOrders()
    .filter(({ identity, medication }) => {
      const rxcuis = [...identity.ingredients, ...rxnormCodes(medication).map((rxcui) => ({ rxcui }))];
      return classes.some((c) => identity.classes.includes(c)) || rxcuis.some((i) => ingredients.includes(i.rxcui));
    });
}
