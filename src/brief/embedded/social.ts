import type { Condition } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { newestObservations } from '../../chart/facts/observation-index';
import { isShownResult } from '../../chart/facts/result-status';
import { SNOMED_CT } from '../../clinical-codes/code-systems';
import { SDOH_CATEGORY, SOCIAL_FINDINGS, US_CORE_CATEGORY, type SocialFindingRow } from '../../clinical-codes/social-findings';
import { CURRENT_SMOKER, SMOKING_STATUS_LOINC } from '../../knowledge/care-gaps/risk-factors';
import type { BriefSection, Statement } from '../brief';
import { codesOf, conceptText, datePart, observationTimeText, refOf, withoutSemanticTag } from './fhir-values';

// Social history as the brief states it: what changes care (intimate partner violence,
// homelessness, alcohol or drug misuse, current smoking) on one short line of its own; what is
// administrative (employment, education…) nowhere. Neither is a problem or part of the headline.

const BY_SNOMED = new Map<string, SocialFindingRow>(SOCIAL_FINDINGS.map((row) => [row.snomed, row]));

/** The social-findings row a Condition's SNOMED CT code names, if any. */
export function socialFindingOf(c: Condition): SocialFindingRow | undefined {
  for (const code of codesOf(c.code, [SNOMED_CT])) {
    const row = BY_SNOMED.get(code);
    if (row) return row;
  }
  return undefined;
}

function hasSdohCategory(c: Condition): boolean {
  return (c.category ?? []).some((cat) => (cat.coding ?? []).some((x) => x.system === US_CORE_CATEGORY && x.code === SDOH_CATEGORY));
}

/** A social or administrative finding (the table, or the US Core `sdoh` category): never a problem. */
export function isSocialCondition(c: Condition): boolean {
  return socialFindingOf(c) !== undefined || hasSdohCategory(c);
}

interface SocialFact {
  key: string;
  text: string;
  since?: string;
  refs: string[];
}

function factOf(c: Condition): SocialFact {
  const row = socialFindingOf(c);
  const raw = conceptText(c.code) ?? row?.display ?? 'Social finding';
  const since = datePart(c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate);
  return { key: row?.snomed ?? raw.toLowerCase(), text: withoutSemanticTag(raw) || raw, refs: [refOf(c)], ...(since !== undefined && { since }) };
}

/** One fact per concept (Synthea repeats them at every screening), dated from its earliest record, citing each. */
function merged(conditions: readonly Condition[]): SocialFact[] {
  const byKey = new Map<string, SocialFact>();
  for (const c of conditions) {
    const fact = factOf(c);
    const seen = byKey.get(fact.key);
    if (!seen) {
      byKey.set(fact.key, fact);
      continue;
    }
    seen.refs.push(...fact.refs);
    if (fact.since !== undefined && (seen.since === undefined || fact.since < seen.since)) seen.since = fact.since;
  }
  return [...byKey.values()];
}

function factText(f: SocialFact): string {
  return f.since === undefined ? f.text : `${f.text} (since ${f.since})`;
}

/** "Current smoker: Smokes tobacco daily (2021-03-11)" when the latest smoking status up to asOf says so. */
function currentSmoking(chart: Chart, asOf: Date): SocialFact | undefined {
  const latest = newestObservations(chart, SMOKING_STATUS_LOINC).find(
    ({ observation: o, at }) => at <= asOf.getTime() && o.id !== undefined && isShownResult(o.status),
  )?.observation;
  const current = CURRENT_SMOKER.snomed ?? [];
  if (!latest || !codesOf(latest.valueCodeableConcept, [SNOMED_CT]).some((code) => current.includes(code))) return undefined;
  const value = conceptText(latest.valueCodeableConcept);
  const date = datePart(observationTimeText(latest));
  const text = value ? `Current smoker: ${withoutSemanticTag(value) || value}` : 'Current smoker';
  return { key: 'smoking', text: date ? `${text} (${date})` : text, refs: [refOf(latest)] };
}

function statementOf(facts: readonly SocialFact[], text: (f: SocialFact) => string): Statement {
  return { text: facts.map(text).join('; '), evidence: facts.flatMap((f) => f.refs) };
}

/**
 * The Social line: the social risks of `active` Conditions (the table's `social-risk` rows) and
 * current smoking, as one statement marked `high`; then, for the full brief, other concerns an EHR
 * filed in the US Core `sdoh` category that the table does not know. Administrative findings are
 * not stated. Undefined when there is nothing to say.
 */
export function socialSection(chart: Chart, asOf: Date, active: readonly Condition[]): BriefSection | undefined {
  const social = active.filter(isSocialCondition);
  const risks = merged(social.filter((c) => socialFindingOf(c)?.use === 'social-risk'));
  const smoking = currentSmoking(chart, asOf);
  if (smoking) risks.push(smoking);
  const other = merged(social.filter((c) => socialFindingOf(c) === undefined));
  const statements: Statement[] = [];
  if (risks.length > 0) statements.push({ ...statementOf(risks, factText), priority: 'high' });
  if (other.length > 0) statements.push(statementOf(other, factText));
  return statements.length > 0 ? { name: 'social', title: 'Social', statements } : undefined;
}
