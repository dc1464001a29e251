import { codesOf, datePart, refOf } from '../../brief/embedded/fhir-values';
import { isAssertedCondition } from '../../brief/embedded/problems';
import { SNOMED_CT } from '../../clinical-codes/code-systems';
import type { PatientRiskKey } from '../../knowledge/interactions/mechanisms/mechanism-row';
import type { RiskFactDefinition } from '../../knowledge/interactions/mechanisms/risk-facts';
import { RISK_FACTS } from '../../knowledge/interactions/mechanisms/risk-facts';
import { chartFacts, latestLab } from '../../chart/facts/chart-facts';
import { formatLab } from '../../chart/facts/lab-values';
import { daysBetween } from '../../chart/facts/time';
import { conceptMatches } from '../care-gaps/code-match';
import { estimateEgfr } from '../clinical-state/renal-function';
import type { RuleInput, SeverityFact } from '../rule';

// The patient facts interaction rows name (RISK_FACTS), read from the chart: whether each holds,
// and, for labs, the latest value checked either way, so a card can say "INR 2.4 on 2026-05-01"
// as readily as "INR 4.6 on 2026-05-28: above 4.0".

const DAY_MS = 86_400_000;

/** A fact read for a key: whether it holds, and what the chart says (plain words, with citations inline). */
export interface RiskReading {
  key: PatientRiskKey;
  holds: boolean;
  /** "INR 4.6 on 2026-05-28 (Observation/inr-1)", "obstructive sleep apnoea (Condition/c1)", "age 71". */
  text: string;
  /** As data, for the finding and the audit: the code (LOINC, SNOMED CT, or the key), value, unit, citation. */
  fact: SeverityFact;
  evidence: string[];
  /** Days from the result's date to asOf; `Infinity` for facts that are not dated results (conditions, age, sex). */
  ageDays: number;
}

function crosses(value: number, def: Extract<RiskFactDefinition, { kind: 'lab' }>): boolean {
  if (def.compare === 'above') return value > def.threshold;
  return def.compare === 'at-least' ? value >= def.threshold : value < def.threshold;
}

function readLab(key: PatientRiskKey, def: Extract<RiskFactDefinition, { kind: 'lab' }>, input: RuleInput): RiskReading | undefined {
  const now = input.asOf.getTime();
  const female = input.chart.patient.gender === 'female';
  // The AHA statement's QTc cut-off for women is 470 ms.
  const threshold = key === 'qtc-prolonged' && female ? 470 : def.threshold;
  const rule = { ...def, threshold };
  if (def.lab === 'egfr') {
    const egfr = estimateEgfr(input.chart, input.asOf);
    if (!egfr.ok) return undefined;
    const e = egfr.estimate;
    const ageDays = daysBetween(Date.parse(e.date), now);
    if (ageDays > def.withinDays) return undefined;
    const text = `${e.short} on ${e.date} (${e.evidence.join(', ')})`;
    return { key, holds: crosses(e.value, rule), text, fact: { code: 'egfr', value: Math.round(e.value), unit: 'mL/min/1.73 m2', ref: e.evidence.slice(0, 1).join(''), date: e.date }, evidence: e.evidence, ageDays };
  }
  const lab = def.lab;
  const value = latestLab(input.chart, lab, input.asOf);
  if (value === undefined || (now - value.at) / DAY_MS > def.withinDays) return undefined;
  const text = `${lab.label} ${formatLab(value, lab)} on ${value.date} (${value.ref})`;
  const fact: SeverityFact = { code: lab.key, value: value.value, unit: lab.unit, ref: value.ref, date: value.date };
  return { key, holds: crosses(value.value, rule), text, fact, evidence: [value.ref], ageDays: (now - value.at) / DAY_MS };
}

function readCondition(key: PatientRiskKey, def: Extract<RiskFactDefinition, { kind: 'condition' }>, input: RuleInput): RiskReading | undefined {
  const condition = input.chart.conditions.find((c) => isAssertedCondition(c) && conceptMatches(c.code, def));
  if (!condition) return undefined;
  const ref = refOf(condition);
  const since = datePart(condition.onsetDateTime ?? condition.recordedDate);
  const text = `${def.label} recorded${since === undefined ? '' : ` since ${since}`} (${ref})`;
  return { key, holds: true, text, fact: { code: codesOf(condition.code, [SNOMED_CT])[0] ?? key, ref, ...(since !== undefined && { date: since }) }, evidence: [ref], ageDays: Infinity };
}

/** What the chart says about one risk fact; undefined when it says nothing (no recent result, no such condition). */
export function readRisk(key: PatientRiskKey, input: RuleInput): RiskReading | undefined {
  const def = RISK_FACTS[key];
  switch (def.kind) {
    case 'lab':
      return readLab(key, def, input);
    case 'condition':
      return readCondition(key, def, input);
    case 'age': {
      const age = chartFacts(input.chart, input.asOf).patient.age?.years;
      const ref = refOf(input.chart.patient);
      return age === undefined ? undefined : { key, holds: age >= def.atLeast, text: `age ${age}`, fact: { code: 'age', value: age, unit: 'a', ref }, evidence: [], ageDays: Infinity };
    }
    case 'sex': {
      const ref = refOf(input.chart.patient);
      return { key, holds: input.chart.patient.gender === def.sex, text: `sex ${input.chart.patient.gender ?? 'unknown'}`, fact: { code: 'sex', ref }, evidence: [], ageDays: Infinity };
    }
  }
}

/** Reads each key once per rule input (several rows name the same facts). */
export function riskReader(input: RuleInput): (key: PatientRiskKey) => RiskReading | undefined {
  const cache = new Map<PatientRiskKey, RiskReading | undefined>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, readRisk(key, input));
    return cache.get(key);
  };
}
