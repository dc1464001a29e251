import type { Chart } from '../../chart/chart';
import { CREATININE, POTASSIUM, WEIGHT } from '../../knowledge/labs/lab-definitions';
import { RENAL_DATA_CURRENCY } from '../../knowledge/renal/kidney-equations';
import type { DoseCriteriaCheck, RenalBand, ThresholdCheck } from '../../knowledge/renal/renal-dosing';
import type { KnowledgeSource, Severity } from '../rule';
import { inRange } from './in-range';
import { chartFacts } from '../../chart/facts/chart-facts';
import { describeLab, formatLab, type LabValue } from '../../chart/facts/lab-values';
import type { MedicationSubject } from './medication-subjects';
import { estimateCrcl, estimateEgfr, type RenalLookup } from './renal-function';

// One renal check of one drug against the patient's kidney function (or potassium): what it found,
// at what severity, resting on which results. The rule keeps the most severe outcome per drug.

/** What the renal checks read, computed once per rule run. */
export interface RenalContext {
  egfr: RenalLookup;
  crcl: RenalLookup;
  /** A potassium from the last RENAL_DATA_CURRENCY.potassiumWithinDays. */
  potassium?: LabValue;
  /** Age at asOf. */
  age?: number;
  patientRef: string;
  /** A weight from the last RENAL_DATA_CURRENCY.weightWithinDays. */
  weight?: LabValue;
  /** The latest creatinine, unless stale. */
  creatinine?: LabValue;
}

export function renalContext(chart: Chart, asOf: Date): RenalContext {
  const facts = chartFacts(chart, asOf);
  const potassium = facts.latestLabWithin(POTASSIUM, RENAL_DATA_CURRENCY.potassiumWithinDays);
  const weight = facts.latestLabWithin(WEIGHT, RENAL_DATA_CURRENCY.weightWithinDays);
  const creatinine = facts.latestLabWithin(CREATININE, RENAL_DATA_CURRENCY.staleAfterDays);
  const age = facts.patient.age?.years;
  return {
    egfr: estimateEgfr(chart, asOf),
    crcl: estimateCrcl(chart, asOf),
    patientRef: chart.patientRef,
    ...(potassium ? { potassium } : {}),
    ...(weight ? { weight } : {}),
    ...(creatinine ? { creatinine } : {}),
    ...(age !== undefined ? { age } : {}),
  };
}

export interface RenalOutcome {
  severity: Severity;
  /** After the drug name in the summary: "eGFR 24 mL/min/1.73 m² (computed) — contraindicated below eGFR 30". */
  finding: string;
  /** Markdown lines: the values and their basis, then what the source says. */
  detail: string[];
  evidence: string[];
  knowledge: string[];
  source: KnowledgeSource;
  /** Offer to remove the draft. */
  removeDraft: boolean;
  /** Set when a lab value (potassium) decided it: on chart open the finding shares that analyte's topic. */
  analyte?: 'potassium';
}

function bandOutcome(band: RenalBand, severity: Severity, value: { short: string; basis: string; evidence: string[] }, taken: boolean): RenalOutcome {
  const verdict = taken ? (band.activeVerdict ?? band.verdict) : band.verdict;
  return {
    severity,
    finding: `${value.short} — ${verdict}`,
    detail: [value.basis, `${band.source.label}: ${band.advice}`],
    evidence: value.evidence,
    knowledge: [band.id],
    source: band.source,
    removeDraft: band.removeDraft,
  };
}

function potassiumOutcome(check: ThresholdCheck, ctx: RenalContext, taken: boolean): RenalOutcome | undefined {
  const k = ctx.potassium;
  const band = k && check.bands.find((b) => inRange(k.value, b.range));
  const severity = taken ? band?.active : band?.draft;
  if (!k || !band || !severity) return undefined;
  return { ...bandOutcome(band, severity, { short: `potassium ${formatLab(k, POTASSIUM)}`, basis: describeLab(k, POTASSIUM), evidence: [k.ref] }, taken), analyte: 'potassium' };
}

/** Why a CrCl/eGFR check could not be done (a draft only; only when kidney function may be reduced). */
function notCheckedOutcome(check: ThresholdCheck, lookup: { missing: string; evidence: string[] }, ctx: RenalContext): RenalOutcome | undefined {
  const egfr = ctx.egfr.ok ? ctx.egfr.estimate : undefined;
  // eGFR ≥ 60 makes the labels' CrCl thresholds unlikely to apply: say nothing rather than nag.
  if (lookup.evidence.length === 0 || (egfr && egfr.value >= 60)) return undefined;
  const measure = check.measure === 'crcl' ? 'creatinine clearance (Cockcroft–Gault)' : 'eGFR';
  const context = egfr ? [egfr.basis] : [];
  return {
    severity: 'info',
    finding: `renal dose check not done: ${lookup.missing}`,
    detail: [`The label doses by ${measure}, which could not be computed: ${lookup.missing}.`, ...context, 'Record a weight (and a current creatinine) to check the dose.'],
    evidence: [...lookup.evidence, ...(egfr ? egfr.evidence : [])],
    knowledge: check.bands.map((b) => b.id),
    source: check.bands[0].source,
    removeDraft: false,
  };
}

/**
 * An eGFR, CrCl or potassium threshold check. `taken`: the patient already takes the drug (an
 * active order, or a draft renewing one), so the band's `active` severity applies.
 */
export function thresholdOutcome(check: ThresholdCheck, s: MedicationSubject, ctx: RenalContext, taken: boolean): RenalOutcome | undefined {
  if (check.measure === 'potassium') return potassiumOutcome(check, ctx, taken);
  const lookup = check.measure === 'egfr' ? ctx.egfr : ctx.crcl;
  if (!lookup.ok) return s.origin === 'draft' ? notCheckedOutcome(check, lookup, ctx) : undefined;
  const estimate = lookup.estimate;
  const band = check.bands.find((b) => inRange(estimate.value, b.range));
  const severity = taken ? band?.active : band?.draft;
  if (!band || !severity) return undefined;
  const outcome = bandOutcome(band, severity, estimate, taken);
  if (!estimate.stale) return outcome;
  // A year-old value is not acted on as if current: say what it was and ask for a recheck.
  return {
    ...outcome,
    severity: 'info',
    finding: `last ${estimate.short} is from ${estimate.date}, over 12 months ago — recheck kidney function`,
    detail: [...outcome.detail, 'This result is more than 12 months old: recheck kidney function before relying on it.'],
    removeDraft: false,
  };
}

interface Criterion {
  /** Undefined when the chart cannot say. */
  met: boolean | undefined;
  short: string;
  text: string;
  /** The resource it rests on ('' when unknown). */
  ref: string;
}

function criteriaOf(check: DoseCriteriaCheck, ctx: RenalContext): Criterion[] {
  const { age, weight, creatinine } = ctx;
  return [
    { met: age === undefined ? undefined : age >= check.ageAtLeast, short: `age ${age ?? 'unknown'}`, text: `age ${age ?? 'unknown'}`, ref: ctx.patientRef },
    weight
      ? { met: weight.value <= check.weightAtMost, short: `weight ${formatLab(weight, WEIGHT)}`, text: `weight ${formatLab(weight, WEIGHT)} on ${weight.date}`, ref: weight.ref }
      : { met: undefined, short: 'weight unknown', text: 'no weight in the last 6 months', ref: '' },
    creatinine
      ? { met: creatinine.value >= check.creatinineAtLeast, short: `creatinine ${formatLab(creatinine, CREATININE)}`, text: describeLab(creatinine, CREATININE), ref: creatinine.ref }
      : { met: undefined, short: 'creatinine unknown', text: 'no creatinine in the last 12 months', ref: '' },
  ];
}

/** Apixaban's "2 of 3" dose criteria: age, weight, creatinine. */
export function criteriaOutcome(check: DoseCriteriaCheck, s: MedicationSubject, ctx: RenalContext, taken: boolean): RenalOutcome | undefined {
  const items = criteriaOf(check, ctx);
  const met = items.filter((i) => i.met === true);
  const known = items.filter((i) => i.met !== undefined);
  const unknown = items.filter((i) => i.met === undefined);
  const common = { knowledge: [check.id], source: check.source, removeDraft: false };
  const advice = `${check.source.label}: ${check.advice}`;
  if (met.length >= check.minimumMet) {
    const detail = [`Criteria met: ${met.map((i) => i.text).join('; ')}.`, advice];
    return { ...common, severity: taken ? check.active : check.draft, finding: `${met.map((i) => i.short).join(', ')} — ${check.verdict}`, detail, evidence: met.map((i) => i.ref) };
  }
  // Only worth saying on a new order, when one criterion is met and the missing ones could complete the rule.
  if (s.origin !== 'draft' || met.length === 0 || met.length + unknown.length < check.minimumMet) return undefined;
  return {
    ...common,
    severity: 'info',
    finding: `dose criteria not fully checked (${unknown.map((i) => i.short).join(', ')})`,
    detail: [`Known: ${known.map((i) => `${i.text}${i.met === true ? ' (met)' : ''}`).join('; ')}. Missing: ${unknown.map((i) => i.text).join('; ')}.`, advice],
    evidence: known.map((i) => i.ref),
  };
}
