import type { Chart } from '../../chart/chart';
import { formatNumber } from '../../brief/embedded/fhir-values';
import { CREATININE, EGFR, WEIGHT } from '../../knowledge/labs/lab-definitions';
import { CKD_EPI_2021_COEFFICIENTS, COCKCROFT_GAULT_COEFFICIENTS, RENAL_DATA_CURRENCY } from '../../knowledge/renal/kidney-equations';
import { ckdEpi2021, cockcroftGault } from './kidney-equations';
import { latestLab } from '../../chart/facts/chart-facts';
import { formatLab, type LabValue } from '../../chart/facts/lab-values';
import { sexOf, yearsOn, type Sex } from '../../chart/facts/patient';
import { daysBetween } from '../../chart/facts/time';

// Kidney function as the dosing rules need it, always saying where the number came from: an eGFR
// the lab reported, or one computed here from the latest creatinine (CKD-EPI 2021); a creatinine
// clearance computed by Cockcroft–Gault from creatinine and a recent weight. Without what an
// equation needs, the answer is "not available" and why, never a guess.

export type RenalMethod = 'reported' | 'ckd-epi-2021' | 'cockcroft-gault';

export interface RenalEstimate {
  measure: 'egfr' | 'crcl';
  /** mL/min/1.73 m² (eGFR) or mL/min (CrCl). */
  value: number;
  method: RenalMethod;
  /** The date of the lab result it rests on. */
  date: string;
  /** Older than RENAL_DATA_CURRENCY.staleAfterDays at asOf: say so, do not dose on it. */
  stale: boolean;
  evidence: string[];
  /** For the summary: "eGFR 24 mL/min/1.73 m² (computed)". */
  short: string;
  /** Markdown for the detail: the value, how it was obtained, from what. */
  basis: string;
}

export type RenalLookup = { ok: true; estimate: RenalEstimate } | { ok: false; missing: string; evidence: string[] };

function isStale(lab: LabValue, asOf: Date): boolean {
  return daysBetween(lab.at, asOf.getTime()) > RENAL_DATA_CURRENCY.staleAfterDays;
}

/** Age (at the sample's date, as a lab reporting eGFR uses) and sex, for an adult; else undefined. */
function equationInputs(chart: Chart, date: string, minimumAge: number): { age: number; sex: Sex } | undefined {
  const age = yearsOn(chart.patient, date);
  const sex = sexOf(chart.patient);
  return age !== undefined && age >= minimumAge && sex !== undefined ? { age, sex } : undefined;
}

function reportedEgfr(egfr: LabValue, asOf: Date): RenalLookup {
  const text = formatLab(egfr, EGFR);
  return {
    ok: true,
    estimate: { measure: 'egfr', value: egfr.value, method: 'reported', date: egfr.date, stale: isStale(egfr, asOf), evidence: [egfr.ref], short: `eGFR ${text}`, basis: `eGFR **${text}**, reported on ${egfr.date}` },
  };
}

/** A reported eGFR within a day of the creatinine was computed by the lab from that sample (or a later one). */
const SAME_SAMPLE_MS = 86_400_000;

/** eGFR: the reported one unless a later creatinine exists, then CKD-EPI 2021 from that creatinine. */
export function estimateEgfr(chart: Chart, asOf: Date): RenalLookup {
  const reported = latestLab(chart, EGFR, asOf);
  const creatinine = latestLab(chart, CREATININE, asOf);
  if (reported && (!creatinine || reported.at >= creatinine.at - SAME_SAMPLE_MS)) return reportedEgfr(reported, asOf);
  if (!creatinine) return { ok: false, missing: 'no creatinine or eGFR on file', evidence: [] };
  const inputs = equationInputs(chart, creatinine.date, CKD_EPI_2021_COEFFICIENTS.minimumAge);
  if (!inputs) {
    if (reported) return reportedEgfr(reported, asOf);
    return { ok: false, missing: 'CKD-EPI needs an adult patient with a birth date and sex (female/male)', evidence: [creatinine.ref] };
  }
  const value = ckdEpi2021(creatinine.value, inputs.age, inputs.sex);
  const text = `${formatNumber(value, EGFR.decimals)} mL/min/1.73 m²`;
  const estimate: RenalEstimate = {
    measure: 'egfr',
    value,
    method: 'ckd-epi-2021',
    date: creatinine.date,
    stale: isStale(creatinine, asOf),
    evidence: [creatinine.ref, chart.patientRef],
    short: `eGFR ${text} (computed)`,
    basis: `eGFR **${text}**, computed with CKD-EPI 2021 from creatinine ${formatLab(creatinine, CREATININE)} on ${creatinine.date} (age ${inputs.age}, ${inputs.sex})`,
  };
  return { ok: true, estimate };
}

/** CrCl by Cockcroft–Gault from the latest creatinine and a weight from the last six months. */
export function estimateCrcl(chart: Chart, asOf: Date): RenalLookup {
  const creatinine = latestLab(chart, CREATININE, asOf);
  if (!creatinine) return { ok: false, missing: 'no creatinine on file', evidence: [] };
  const inputs = equationInputs(chart, creatinine.date, COCKCROFT_GAULT_COEFFICIENTS.minimumAge);
  if (!inputs) return { ok: false, missing: 'Cockcroft–Gault needs an adult patient with a birth date and sex (female/male)', evidence: [creatinine.ref] };
  const weight = latestLab(chart, WEIGHT, asOf);
  if (!weight || daysBetween(weight.at, asOf.getTime()) > RENAL_DATA_CURRENCY.weightWithinDays) {
    const missing = weight ? `the latest weight (${weight.date}) is more than 6 months old` : 'no weight on file';
    return { ok: false, missing, evidence: weight ? [creatinine.ref, weight.ref] : [creatinine.ref] };
  }
  const value = cockcroftGault(creatinine.value, inputs.age, weight.value, inputs.sex);
  const text = `${formatNumber(value, 0)} mL/min`;
  const estimate: RenalEstimate = {
    measure: 'crcl',
    value,
    method: 'cockcroft-gault',
    date: creatinine.date,
    stale: isStale(creatinine, asOf),
    evidence: [creatinine.ref, weight.ref, chart.patientRef],
    short: `CrCl ${text}`,
    basis: `CrCl **${text}** (Cockcroft–Gault) from creatinine ${formatLab(creatinine, CREATININE)} on ${creatinine.date}, weight ${formatLab(weight, WEIGHT)} on ${weight.date} (age ${inputs.age}, ${inputs.sex})`,
  };
  return { ok: true, estimate };
}
