import type { Observation, Patient, Quantity } from 'fhir/r4';
import { arrayOrEmpty, codesOf, formatNumber } from '../../brief/embedded/fhir-values';
import { KEY_VITALS, SYSTOLIC_BP } from '../../clinical-codes/key-observations';
import { LOINC } from '../../clinical-codes/code-systems';
import {
  ANTIHYPERTENSIVE_CLASSES,
  ANTIHYPERTENSIVE_INGREDIENT_NAMES,
  CHOLESTEROL_MG_PER_MMOL,
  HDL_CHOLESTEROL,
  type LipidAnalyte,
  RISK_INPUT_MAX_AGE_MONTHS,
  TOTAL_CHOLESTEROL,
  US_CORE_RACE,
} from '../../knowledge/care-gaps/cardiovascular-risk-inputs';
import { PCE_EQUATIONS, type PceGroup } from '../../knowledge/care-gaps/pooled-cohort-equations';
import { ingredientRxcui } from '../../knowledge/drugs/drug-index';
import { addMonths } from './dates';
import { type GapContext, missingSections } from './gap-assessment';
import { tenYearAscvdRisk } from './pooled-cohort-risk';
import { activeOrdersOf } from './risk-facts';
import { smokingHistory } from './smoking-history';

// The 10-year ASCVD risk from the chart: each input of the pooled cohort equations read from its
// record, cited; what is not recorded is named instead of guessed.

/** A reading used: its value in the equations' unit, and the record. */
export interface Reading {
  value: number;
  ref: string;
}

function mgPerDl(q: Quantity | undefined): number | undefined {
  if (typeof q?.value !== 'number') return undefined;
  const unit = [q.code, q.unit].join(' ').toLowerCase();
  if (unit.includes('mg/dl')) return q.value;
  return unit.includes('mmol/l') ? q.value * CHOLESTEROL_MG_PER_MMOL.factor : undefined;
}

/** The latest final result of a lipid in mg/dL within `months` before asOf. */
export function latestLipid(ctx: GapContext, analyte: LipidAnalyte, months: number): Reading | undefined {
  const since = addMonths(ctx.asOf.getTime(), -months);
  for (const e of ctx.events.observations({ loinc: analyte.loinc })) {
    if (e.time < since) break;
    const value = mgPerDl(e.resource.valueQuantity);
    if (value !== undefined) return { value, ref: e.ref };
  }
  return undefined;
}

const BP_PANELS: readonly string[] = KEY_VITALS.filter((v) => v.shape === 'blood-pressure').flatMap((v) => v.loinc);

function isSystolic(concept: Observation['code']): boolean {
  return codesOf(concept, [LOINC]).includes(SYSTOLIC_BP);
}

/** Systolic pressure (mm Hg, the only unit vital-sign BP comes in): the observation's own value (8480-6) or its systolic component (BP panels). */
function systolicOf(o: Observation): number | undefined {
  const q = isSystolic(o.code) ? o.valueQuantity : arrayOrEmpty(o.component).find((c) => isSystolic(c.code))?.valueQuantity;
  return typeof q?.value === 'number' ? q.value : undefined;
}

/** The latest systolic blood pressure within the last 12 months. */
export function latestSystolicBp(ctx: GapContext): Reading | undefined {
  const since = addMonths(ctx.asOf.getTime(), -RISK_INPUT_MAX_AGE_MONTHS.systolicBp);
  for (const e of ctx.events.observations({ loinc: [SYSTOLIC_BP, ...BP_PANELS] })) {
    if (e.time < since) break;
    const value = systolicOf(e.resource);
    if (value !== undefined) return { value, ref: e.ref };
  }
  return undefined;
}

const ANTIHYPERTENSIVE_RXCUIS: readonly string[] = ANTIHYPERTENSIVE_INGREDIENT_NAMES.map(ingredientRxcui).filter((rxcui): rxcui is string => rxcui !== undefined);

/** The equations' race group: African American when US Core race says so; white/other otherwise, noting when race is not recorded. */
export function raceOf(patient: Patient): 'african-american' | 'white-other' | 'not-recorded' {
  const race = arrayOrEmpty(patient.extension).find((e) => e.url === US_CORE_RACE.extensionUrl);
  const categories = arrayOrEmpty(race?.extension).flatMap((e) => (e.url === 'ombCategory' && e.valueCoding?.system === US_CORE_RACE.system ? [e.valueCoding.code] : []));
  if (categories.includes(US_CORE_RACE.africanAmerican)) return 'african-american';
  return categories.length > 0 ? 'white-other' : 'not-recorded';
}

export type RiskEstimate =
  | { percent: number; text: string; evidence: string[]; knowledge: string[] }
  | { missing: string[]; evidence: string[] };

function cite(ref: string): string {
  return `\`${ref}\``;
}

/**
 * The 10-year risk of a patient without diabetes (diabetes 40–75 is a statin indication of its
 * own, checked first, on a problem list read in full), or the inputs the chart lacks: sex, total
 * cholesterol and HDL within 5 years, systolic BP within 12 months, BP treatment, smoking status.
 */
export function tenYearRisk(ctx: GapContext): RiskEstimate {
  const tc = latestLipid(ctx, TOTAL_CHOLESTEROL, RISK_INPUT_MAX_AGE_MONTHS.lipids);
  const hdl = latestLipid(ctx, HDL_CHOLESTEROL, RISK_INPUT_MAX_AGE_MONTHS.lipids);
  const sbp = latestSystolicBp(ctx);
  const smoking = smokingHistory(ctx).latest;
  const smoker = smoking && smoking.kind !== 'smoker' ? { current: smoking.kind === 'current', ref: smoking.ref } : undefined;
  const medsMissing = missingSections(ctx.chart, ['medications']);
  const missing = [
    ...(ctx.sex === undefined ? ['sex'] : []),
    ...(tc ? [] : ['total cholesterol (last 5 years)']),
    ...(hdl ? [] : ['HDL (last 5 years)']),
    ...(sbp ? [] : ['systolic BP (last 12 months)']),
    ...(medsMissing === undefined ? [] : ['BP treatment (Medications unavailable)']),
    ...(smoker ? [] : ['smoking status']),
  ];
  if (!tc || !hdl || !sbp || !smoker || ctx.sex === undefined || medsMissing !== undefined) return { missing, evidence: [ctx.chart.patientRef] };
  const treatment = activeOrdersOf(ctx, ANTIHYPERTENSIVE_CLASSES, ANTIHYPERTENSIVE_RXCUIS)[0];
  const race = raceOf(ctx.chart.patient);
  const group: PceGroup = `${race === 'african-american' ? 'african-american' : 'white'}-${ctx.sex}`;
  const eq = PCE_EQUATIONS[group];
  const percent = tenYearAscvdRisk(eq, { age: ctx.age.years, totalCholesterol: tc.value, hdl: hdl.value, systolicBp: sbp.value, bpTreated: treatment !== undefined, currentSmoker: smoker.current, diabetes: false });
  const raceNote = race === 'not-recorded' ? '; race not recorded: white/other equations used' : '';
  const inputs = [
    `total cholesterol ${formatNumber(tc.value, 0)} mg/dL ${cite(tc.ref)}`,
    `HDL ${formatNumber(hdl.value, 0)} mg/dL ${cite(hdl.ref)}`,
    `systolic BP ${formatNumber(sbp.value, 0)} mm Hg ${cite(sbp.ref)} ${treatment ? `treated ${cite(treatment.ref)}` : 'untreated'}`,
    `${smoker.current ? 'smokes' : 'does not smoke'} ${cite(smoker.ref)}`,
    'no diabetes',
  ];
  return {
    percent,
    text: `10-year ASCVD risk ${formatNumber(percent, 1)}% (pooled cohort equations for ${eq.label}${raceNote}: ${inputs.join(', ')})`,
    evidence: [ctx.chart.patientRef, tc.ref, hdl.ref, sbp.ref, smoker.ref, ...(treatment ? [treatment.ref] : [])],
    knowledge: ['pooled-cohort-equations', group],
  };
}
