import type { AllergyIntolerance, Condition } from 'fhir/r4';
import type { Chart, ResolvedMedication } from '../../chart/chart';
import { isCurrentAllergy } from '../../chart/facts/allergies';
import { isActiveOrder } from '../../chart/facts/medication-orders';
import { deathDate, isDeceased } from '../../chart/facts/patient';
import { dateOf } from '../../chart/facts/time';
import { HIGH_ALERT_MEDICATIONS } from '../../clinical-codes/high-alert-medications';
import { dosageInstructionsText } from '../embedded/dosage-text';
import { compareText, conceptText, instantOf, refOf, statusCode, unique, withoutSemanticTag } from '../embedded/fhir-values';
import { ageText } from '../embedded/headline';
import { highAlertOf } from '../embedded/medications';
import { importanceOf, isActiveCondition } from '../embedded/problems';
import { resolveReference } from '../embedded/references';
import type { LineCandidate, LineContext } from './line-context';
import { noteFields, TIER } from './line-context';

// Lines for the patient, problems, medications and allergies: the IPS core of a brief.

/** The key the Patient line carries: the Patient's own id never reaches the prompt. */
export const PATIENT_KEY = 'Patient/self';

/** HIPAA Safe Harbor aggregates ages over 89 (45 CFR 164.514(b)(2)(i)(C)). */
const OLDEST_STATED_AGE = 89;

/** `patient | age 71 | male`: age and sex only (no name, address, telecom, identifier or id). */
export function patientLine(chart: Chart, asOf: Date): LineCandidate {
  const p = chart.patient;
  return {
    ref: chart.patientRef,
    resourceType: 'Patient',
    tier: TIER.patient,
    time: 0,
    fields: (ctx) => {
      const deceased = isDeceased(p, asOf);
      const died = deceased ? deathDate(p) : undefined;
      const age = ageText(p.birthDate, died ?? dateOf(asOf));
      const years = age !== undefined && /^\d+$/.test(age) ? Number(age) : undefined;
      const ageField = age === undefined ? 'age unknown' : years !== undefined && years > OLDEST_STATED_AGE ? 'age 90 or older' : `age ${age}`;
      const death = died ? `deceased ${ctx.date(died) ?? ''}`.trim() : deceased ? 'deceased' : undefined;
      return ['patient', ageField, p.gender ?? 'sex unknown', ...(death ? [death] : [])];
    },
  };
}

function conditionName(c: Condition): string {
  const raw = conceptText(c.code);
  return raw ? withoutSemanticTag(raw) || raw : 'unnamed condition';
}

function conditionTime(c: Condition): number {
  return instantOf(c.abatementDateTime ?? c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate) ?? 0;
}

function conditionFields(c: Condition, active: boolean, ctx: LineContext): string[] {
  const fields = ['problem', statusCode(c.clinicalStatus) ?? 'status unknown', ctx.quote(conditionName(c))];
  const verification = statusCode(c.verificationStatus);
  if (verification !== undefined && verification !== 'confirmed') fields.push(verification);
  const onset = ctx.date(c.onsetDateTime ?? c.onsetPeriod?.start);
  if (onset) fields.push(`onset ${onset}`);
  else if (typeof c.onsetAge?.value === 'number') fields.push(`onset at age ${c.onsetAge.value}`);
  else if (typeof c.onsetString === 'string' && c.onsetString.trim()) fields.push(`onset ${ctx.quote(c.onsetString, 60)}`);
  const abated = ctx.date(c.abatementDateTime ?? c.abatementPeriod?.end);
  if (!active && abated) fields.push(`resolved ${abated}`);
  return [...fields, ...noteFields(c.note, ctx)];
}

/** Active problems, heaviest (problem-importance table) then newest first; the rest later, newest first. */
export function conditionLines(chart: Chart): LineCandidate[] {
  const withIds = chart.conditions.filter((c) => c.id);
  const active = withIds.filter(isActiveCondition);
  const weight = (c: Condition): number => importanceOf(c)?.weight ?? 0;
  active.sort((a, b) => weight(b) - weight(a) || conditionTime(b) - conditionTime(a) || compareText(refOf(a), refOf(b)));
  const past = withIds.filter((c) => !isActiveCondition(c));
  return [
    ...active.map((c): LineCandidate => ({ ref: refOf(c), resourceType: 'Condition', tier: TIER.activeProblem, time: conditionTime(c), fields: (ctx) => conditionFields(c, true, ctx) })),
    ...past.map((c): LineCandidate => ({ ref: refOf(c), resourceType: 'Condition', tier: TIER.pastProblemOrMedication, time: conditionTime(c), fields: (ctx) => conditionFields(c, false, ctx) })),
  ];
}

function reasonFields(chart: Chart, m: ResolvedMedication, ctx: LineContext): string[] {
  const reasons: string[] = [];
  for (const r of Array.isArray(m.request.reasonReference) ? m.request.reasonReference : []) {
    const target = resolveReference(chart, r, 'Condition');
    const key = target ? ctx.keyAbove(refOf(target)) : undefined;
    if (key) reasons.push(key);
    else if (target?.resourceType === 'Condition') reasons.push(ctx.quote(conditionName(target)));
  }
  for (const concept of m.request.reasonCode ?? []) {
    const text = conceptText(concept);
    if (text) reasons.push(ctx.quote(withoutSemanticTag(text) || text));
  }
  return unique(reasons).map((r) => `for ${r}`);
}

function medicationFields(chart: Chart, m: ResolvedMedication, ctx: LineContext): string[] {
  const dose = dosageInstructionsText(m.request.dosageInstruction);
  const started = ctx.date(m.request.authoredOn);
  return [
    'medication',
    m.request.doNotPerform === true ? 'do not give' : m.request.status,
    ctx.quote(m.display),
    ...(m.resolved ? [] : ['drug details unavailable']),
    dose ? `dose ${ctx.quote(dose, 160)}` : 'no dose recorded',
    ...reasonFields(chart, m, ctx),
    ...(started ? [`ordered ${started}`] : []),
    ...noteFields(m.request.note, ctx),
  ];
}

function highAlertRank(m: ResolvedMedication): number {
  const row = highAlertOf(m);
  return row ? HIGH_ALERT_MEDICATIONS.indexOf(row) : Number.MAX_SAFE_INTEGER;
}

/** Active orders (high-alert drugs first, then by name); stopped and other orders later, newest first. */
export function medicationLines(chart: Chart): LineCandidate[] {
  const withIds = chart.medications.filter((m) => m.request.id);
  const active = withIds.filter((m) => isActiveOrder(m.request));
  active.sort((a, b) => highAlertRank(a) - highAlertRank(b) || compareText(a.display.toLowerCase(), b.display.toLowerCase()) || compareText(refOf(a.request), refOf(b.request)));
  const past = withIds.filter((m) => !isActiveOrder(m.request));
  const line = (m: ResolvedMedication, tier: number): LineCandidate => ({
    ref: refOf(m.request),
    resourceType: 'MedicationRequest',
    tier,
    time: instantOf(m.request.authoredOn) ?? 0,
    fields: (ctx) => medicationFields(chart, m, ctx),
  });
  return [...active.map((m) => line(m, TIER.activeMedication)), ...past.map((m) => line(m, TIER.pastProblemOrMedication))];
}

function allergyFields(a: AllergyIntolerance, ctx: LineContext): string[] {
  const substance = conceptText(a.code) ?? conceptText(a.reaction?.[0]?.substance) ?? 'unnamed substance';
  const fields = ['allergy', statusCode(a.clinicalStatus) ?? 'status unknown', ctx.quote(substance)];
  const verification = statusCode(a.verificationStatus);
  if (verification !== undefined && verification !== 'confirmed') fields.push(verification);
  if (a.type) fields.push(a.type);
  if (Array.isArray(a.category) && a.category.length > 0) fields.push(a.category.join(', '));
  if (a.criticality) fields.push(`criticality ${a.criticality}`);
  for (const r of a.reaction ?? []) {
    const manifestations = (r.manifestation ?? []).map((m) => conceptText(m)).filter((t): t is string => t !== undefined);
    if (manifestations.length > 0) fields.push(`reaction ${ctx.quote(manifestations.join(', '))}${r.severity ? ` ${r.severity}` : ''}`);
  }
  const recorded = ctx.date(a.recordedDate ?? a.onsetDateTime);
  if (recorded) fields.push(`recorded ${recorded}`);
  return [...fields, ...noteFields(a.note, ctx)];
}

/** Current allergies (high criticality first); refuted or resolved ones with the past. */
export function allergyLines(chart: Chart): LineCandidate[] {
  const rank = (a: AllergyIntolerance): number => (a.criticality === 'high' ? 0 : a.criticality === 'unable-to-assess' ? 1 : 2);
  const withIds = chart.allergies.filter((a) => a.id);
  const current = withIds.filter(isCurrentAllergy).sort((a, b) => rank(a) - rank(b) || compareText(refOf(a), refOf(b)));
  const past = withIds.filter((a) => !isCurrentAllergy(a));
  const line = (a: AllergyIntolerance, tier: number): LineCandidate => ({
    ref: refOf(a),
    resourceType: 'AllergyIntolerance',
    tier,
    time: instantOf(a.recordedDate) ?? 0,
    fields: (ctx) => allergyFields(a, ctx),
  });
  return [...current.map((a) => line(a, TIER.allergy)), ...past.map((a) => line(a, TIER.pastProblemOrMedication))];
}
