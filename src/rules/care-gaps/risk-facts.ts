import type { Coding, Observation } from 'fhir/r4';
import { refOf } from '../../brief/embedded/fhir-values';
import { isActiveCondition, isAssertedCondition } from '../../brief/embedded/problems';
import { RXNORM } from '../../clinical-codes/code-systems';
import type { ResolvedMedication } from '../../chart/chart';
import { chartFacts } from '../../chart/facts/chart-facts';
import type { MedicationOrder } from '../../chart/facts/medication-orders';
import type { CodeSet } from '../../knowledge/care-gaps/code-sets';
import type { DrugClass } from '../../knowledge/drugs/drug-identity';
import {
  CURRENT_SMOKER,
  CV_RISK_FACTORS,
  FORMER_SMOKER,
  NEVER_SMOKER,
  type RiskFactorRow,
  SMOKING_STATUS_LOINC,
} from '../../knowledge/care-gaps/risk-factors';
import { conceptMatches } from './code-match';
import type { GapContext } from './gap-assessment';

// Chart facts beyond age and sex: cardiovascular risk factors, smoking history, drug therapy.

export interface FoundRiskFactor {
  row: RiskFactorRow;
  ref: string;
}

/** Active Conditions that are USPSTF statin risk factors, one per factor. */
export function cvRiskFactors(ctx: GapContext): FoundRiskFactor[] {
  const found: FoundRiskFactor[] = [];
  for (const row of CV_RISK_FACTORS) {
    const c = ctx.chart.conditions.find((x) => isActiveCondition(x) && conceptMatches(x.code, row.conditions));
    if (c) found.push({ row, ref: refOf(c) });
  }
  return found;
}

export type SmokingHistory = { status: 'ever' | 'never'; ref: string } | { status: 'unknown' };

/**
 * Whether the patient has ever smoked: any Condition or smoking-status Observation saying current
 * or former smoker means ever; otherwise a never-smoker status means never; else unknown.
 */
export function smokingHistory(ctx: GapContext): SmokingHistory {
  const everCodes: CodeSet[] = [CURRENT_SMOKER, FORMER_SMOKER];
  const condition = ctx.chart.conditions.find((c) => isAssertedCondition(c) && everCodes.some((set) => conceptMatches(c.code, set)));
  if (condition) return { status: 'ever', ref: refOf(condition) };
  const statuses = ctx.events
    .matching({ loinc: SMOKING_STATUS_LOINC })
    .map((e) => e.resource)
    .filter((r): r is Observation => r.resourceType === 'Observation')
    .map((o) => ({ ref: refOf(o), value: o.valueCodeableConcept }));
  const ever = statuses.find((s) => everCodes.some((set) => conceptMatches(s.value, set)));
  if (ever) return { status: 'ever', ref: ever.ref };
  const never = statuses.find((s) => conceptMatches(s.value, NEVER_SMOKER));
  return never ? { status: 'never', ref: never.ref } : { status: 'unknown' };
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
