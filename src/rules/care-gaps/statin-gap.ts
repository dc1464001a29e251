import { refOf, unique } from '../../brief/embedded/fhir-values';
import { isActiveCondition, isAssertedCondition } from '../../brief/embedded/problems';
import { chartFacts } from '../../chart/facts/chart-facts';
import { currentPregnancy } from '../../chart/facts/pregnancy';
import { ASCVD_CONDITIONS, CORONARY_REVASCULARIZATION } from '../../knowledge/care-gaps/ascvd-conditions';
import { LDL_CHOLESTEROL, RISK_INPUT_MAX_AGE_MONTHS } from '../../knowledge/care-gaps/cardiovascular-risk-inputs';
import { DIABETES_CONDITIONS } from '../../knowledge/care-gaps/diabetes-monitoring';
import { STATIN_INGREDIENTS } from '../../knowledge/care-gaps/risk-factors';
import {
  STATIN_DRAFTS,
  STATIN_EXCLUSIONS,
  STATIN_INDICATIONS,
  STATIN_THRESHOLDS,
  type StatinIndication,
  type StatinIntensity,
} from '../../knowledge/care-gaps/statin-therapy';
import { classesOfIngredients, ingredientsOfConcept } from '../../knowledge/drugs/drug-identity';
import { latestLipid, tenYearRisk } from './cardiovascular-risk';
import { conceptMatches } from './code-match';
import { findExclusion } from './exclusion-check';
import { type GapAssessment, type GapContext, missingSections } from './gap-assessment';
import { activeOrdersOf, cvRiskFactors } from './risk-facts';

// The statin gap (ACC/AHA 2018, ADA 2025, USPSTF 2022): no active statin although the chart
// shows clinical ASCVD, an LDL-C ≥ 190 mg/dL, diabetes at 40–75, or (40–75) a risk factor and a
// 10-year ASCVD risk ≥ 10%; drafted at the intensity that group calls for.

/** Why a statin is indicated: the group, the words and records that show it, the intensity. */
interface Indication {
  row: StatinIndication;
  text: string;
  evidence: string[];
  intensity: StatinIntensity;
  knowledge: string[];
}

type Base = Omit<GapAssessment, 'status' | 'reason' | 'evidence'>;

function cite(ref: string): string {
  return `\`${ref}\``;
}

function inAges(row: StatinIndication, age: number): boolean {
  return age >= row.minAge && age <= (row.maxAge ?? Number.POSITIVE_INFINITY);
}

/** Clinical ASCVD: a coronary, cerebrovascular or peripheral problem (a history counts), or a coronary revascularization. */
function clinicalAscvd(ctx: GapContext): { label: string; ref: string } | undefined {
  for (const row of ASCVD_CONDITIONS) {
    const c = ctx.chart.conditions.find((x) => isAssertedCondition(x) && conceptMatches(x.code, row.conditions));
    if (c) return { label: row.label, ref: refOf(c) };
  }
  const revascularization = ctx.events.matching(CORONARY_REVASCULARIZATION).find((e) => e.resource.resourceType === 'Procedure');
  return revascularization && { label: 'coronary revascularization', ref: revascularization.ref };
}

function indication(row: StatinIndication, text: string, evidence: string[], age: number): Indication {
  const older = row.olderIntensity && age >= row.olderIntensity.fromAge ? row.olderIntensity : undefined;
  return { row, text: older ? `${text}, ${older.note}` : text, evidence, intensity: older?.intensity ?? row.intensity, knowledge: [`statin-${row.id}`] };
}

/** The first of clinical ASCVD, LDL-C ≥ 190 mg/dL and diabetes that the chart shows at this age. */
function directIndication(ctx: GapContext): Indication | undefined {
  const age = ctx.age.years;
  const ascvdRow = STATIN_INDICATIONS['clinical-ascvd'];
  const ascvd = inAges(ascvdRow, age) ? clinicalAscvd(ctx) : undefined;
  if (ascvd) return indication(ascvdRow, `${ascvd.label} ${cite(ascvd.ref)} (clinical ASCVD)`, [ascvd.ref], age);
  const ldlRow = STATIN_INDICATIONS['ldl-190'];
  const ldl = inAges(ldlRow, age) ? latestLipid(ctx, LDL_CHOLESTEROL, RISK_INPUT_MAX_AGE_MONTHS.lipids) : undefined;
  const ldlMin = STATIN_THRESHOLDS.ldlMgDl;
  if (ldl && ldl.value >= ldlMin) return indication(ldlRow, `LDL-C ${Math.round(ldl.value)} mg/dL ${cite(ldl.ref)} (≥ ${ldlMin})`, [ldl.ref], age);
  const dmRow = STATIN_INDICATIONS.diabetes;
  const diabetes = inAges(dmRow, age) ? ctx.chart.conditions.find((c) => isActiveCondition(c) && conceptMatches(c.code, DIABETES_CONDITIONS)) : undefined;
  return diabetes && indication(dmRow, `age ${age}, diabetes ${cite(refOf(diabetes))}`, [refOf(diabetes)], age);
}

/** What takes the patient out: ESRD or dialysis, statin muscle symptoms, a statin allergy or intolerance, pregnancy. */
function statinExclusion(ctx: GapContext): { id: string; text: string; ref: string } | undefined {
  const found = findExclusion(STATIN_EXCLUSIONS, ctx);
  if (found) return { id: found.row.id, text: found.row.label, ref: found.ref };
  const allergy = chartFacts(ctx.chart, ctx.asOf)
    .currentAllergies()
    .find((a) => classesOfIngredients(ingredientsOfConcept(a.allergy.code)).includes('statin'));
  if (allergy) return { id: 'statin-allergy', text: `statin allergy or intolerance (${allergy.name})`, ref: allergy.ref };
  const pregnancy = currentPregnancy(ctx.chart, ctx.asOf);
  return pregnancy && { id: 'pregnancy', text: 'pregnancy (statins are not used in pregnancy)', ref: pregnancy.fact.ref };
}

function baseOf(knowledge: string[], intensity: StatinIntensity, row: StatinIndication): Base {
  return { id: 'statin', short: 'statin', title: 'Statin therapy', knowledge: ['statin', ...knowledge], order: STATIN_DRAFTS[intensity].order, source: row.source };
}

/** The USPSTF path (40–75, a risk factor, 10-year risk ≥ 10%): an indication, or the assessment that says why not. */
function riskIndication(ctx: GapContext): Indication | GapAssessment | undefined {
  const row = STATIN_INDICATIONS['ten-year-risk'];
  const patient = ctx.chart.patientRef;
  const base = baseOf([`statin-${row.id}`], row.intensity, row);
  const problems = missingSections(ctx.chart, ['conditions']);
  if (problems !== undefined) return { ...base, status: 'not-assessed', reason: `clinical ASCVD, diabetes and risk factors unknown (${problems} unavailable)`, evidence: [patient] };
  const factors = cvRiskFactors(ctx);
  if (factors.length === 0) return undefined;
  const factorText = `age ${ctx.age.years}, ${factors.map((f) => `${f.row.label} ${cite(f.ref)}`).join(', ')}`;
  const factorRefs = factors.map((f) => f.ref);
  const risk = tenYearRisk(ctx);
  if ('missing' in risk) {
    return { ...base, status: 'not-assessed', reason: `${factorText}; 10-year ASCVD risk needs ${risk.missing.join(', ')}`, evidence: [...risk.evidence, ...factorRefs] };
  }
  const min = STATIN_THRESHOLDS.tenYearRiskPercent;
  const knowledge = [...base.knowledge, ...risk.knowledge];
  if (risk.percent < min) return { ...base, knowledge, status: 'not-indicated', reason: `${factorText}; ${risk.text}, under ${min}%`, evidence: [...factorRefs, ...risk.evidence] };
  return { row, text: `${factorText}; ${risk.text}`, evidence: [...factorRefs, ...risk.evidence], intensity: row.intensity, knowledge: [`statin-${row.id}`, ...risk.knowledge] };
}

/** The statin gap for this patient: due with the intensity and a draft order, met, excluded, not indicated or not assessed. */
export function assessStatin(ctx: GapContext): GapAssessment | undefined {
  const direct = directIndication(ctx);
  const riskRow = STATIN_INDICATIONS['ten-year-risk'];
  if (!direct && !inAges(riskRow, ctx.age.years)) return undefined;
  const row = direct?.row ?? riskRow;
  // Without a direct indication, a statin is a question only with a risk factor (or an unread problem list).
  const applies = direct !== undefined || cvRiskFactors(ctx).length > 0 || missingSections(ctx.chart, ['conditions']) !== undefined;
  const statin = activeOrdersOf(ctx, ['statin'], STATIN_INGREDIENTS)[0];
  if (statin) return applies ? { ...baseOf([], row.intensity, row), status: 'met', reason: `on a statin ${cite(statin.ref)}`, evidence: [statin.ref] } : undefined;
  const excluded = applies ? statinExclusion(ctx) : undefined;
  if (excluded) return { ...baseOf([`statin-${row.id}`, excluded.id], row.intensity, row), status: 'excluded', reason: `${excluded.text} ${cite(excluded.ref)}`, evidence: [excluded.ref] };
  const found = direct ?? riskIndication(ctx);
  if (!found || 'status' in found) return found;
  const base = baseOf(found.knowledge, found.intensity, found.row);
  const missing = missingSections(ctx.chart, ['medications']);
  if (missing !== undefined) return { ...base, status: 'not-assessed', reason: `${found.text}; ${missing} unavailable (a statin cannot be ruled out)`, evidence: found.evidence };
  const draft = STATIN_DRAFTS[found.intensity];
  return {
    ...base,
    // The intensity is part of the finding's topic ("care-gaps:statin-high,…"), so cases can check it.
    id: `statin-${found.intensity}`,
    knowledge: [...base.knowledge, `statin-${found.intensity}-intensity`],
    status: 'due',
    reason: `no statin on record; ${found.text}: ${found.intensity}-intensity statin (${draft.options})`,
    evidence: unique([ctx.chart.patientRef, ...found.evidence]),
  };
}
