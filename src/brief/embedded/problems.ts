import type { Condition } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { ICD10, ICD10_CM, SNOMED_CT } from '../../clinical-codes/code-systems';
import {
  DEFAULT_PROBLEM_WEIGHT,
  PROBLEM_IMPORTANCE,
  type ProblemImportance,
} from '../../clinical-codes/problem-importance';
import type { BriefSection, Statement } from '../brief';
import { isComplete } from './availability';
import {
  codesOf,
  compareText,
  conceptText,
  datePart,
  instantOf,
  refOf,
  semanticTag,
  statusCode,
  withoutSemanticTag,
} from './fhir-values';
import { isSocialCondition } from './social';

/** One active problem: Conditions that name the same concept, merged. */
export interface ActiveProblem {
  /** What merges duplicates: the first SNOMED CT / ICD-10 code, else the name. */
  key: string;
  name: string;
  /** The headline's abbreviation, or the name. */
  short: string;
  weight: number;
  importance?: ProblemImportance;
  /** e.g. "since 2015-03-02", "since age 54", "recorded 2019-01-10". */
  onset?: string;
  /** "unconfirmed" / "provisional" / "differential" when the chart is not sure. */
  qualifier?: string;
  conditions: Condition[];
  refs: string[];
}

// https://hl7.org/fhir/R4/valueset-condition-clinical.html: active and its children.
const ACTIVE_CLINICAL = new Set(['active', 'recurrence', 'relapse']);
// https://hl7.org/fhir/R4/valueset-condition-ver-status.html
const EXCLUDED_VERIFICATION = new Set(['entered-in-error', 'refuted']);
const UNSURE_VERIFICATION = new Set(['unconfirmed', 'provisional', 'differential']);

const BY_SNOMED = new Map<string, ProblemImportance>(
  PROBLEM_IMPORTANCE.flatMap((row) => row.snomed.map((code): [string, ProblemImportance] => [code, row])),
);

/** Not refuted and not entered in error: a Condition the brief may name at all (as a problem or a reason). */
export function isAssertedCondition(c: Condition): boolean {
  const verification = statusCode(c.verificationStatus);
  return verification === undefined || !EXCLUDED_VERIFICATION.has(verification);
}

/** Active, not abated, not refuted or entered in error. A Condition without clinicalStatus is not claimed active. */
export function isActiveCondition(c: Condition): boolean {
  const clinical = statusCode(c.clinicalStatus);
  if (clinical === undefined || !ACTIVE_CLINICAL.has(clinical)) return false;
  if (!isAssertedCondition(c)) return false;
  const abated = c.abatementDateTime ?? c.abatementAge ?? c.abatementPeriod ?? c.abatementRange ?? c.abatementString;
  return abated === undefined;
}

/** The importance row for a Condition: SNOMED CT exact match first, then the longest ICD-10 prefix. */
export function importanceOf(c: Condition): ProblemImportance | undefined {
  for (const code of codesOf(c.code, [SNOMED_CT])) {
    const row = BY_SNOMED.get(code);
    if (row) return row;
  }
  let best: { row: ProblemImportance; length: number } | undefined;
  for (const code of codesOf(c.code, [ICD10_CM, ICD10])) {
    const bare = code.replaceAll('.', '').toUpperCase();
    for (const row of PROBLEM_IMPORTANCE) {
      for (const prefix of row.icd10) {
        const p = prefix.replaceAll('.', '');
        if (bare.startsWith(p) && (!best || p.length > best.length)) best = { row, length: p.length };
      }
    }
  }
  return best?.row;
}

function defaultWeight(rawName: string | undefined, c: Condition): number {
  const tag = semanticTag(rawName) ?? semanticTag(c.code?.coding?.find((x) => x.system === SNOMED_CT)?.display);
  if (tag === 'disorder') return DEFAULT_PROBLEM_WEIGHT.disorder;
  if (tag === 'finding' || tag === 'clinical finding') return DEFAULT_PROBLEM_WEIGHT.finding;
  if (tag === 'situation' || tag === 'event') return DEFAULT_PROBLEM_WEIGHT.situation;
  return DEFAULT_PROBLEM_WEIGHT.untagged;
}

function onsetOf(c: Condition): { text: string; sortKey: number } | undefined {
  const date = datePart(c.onsetDateTime ?? c.onsetPeriod?.start);
  if (date) return { text: `since ${date}`, sortKey: instantOf(date) ?? 0 };
  if (typeof c.onsetAge?.value === 'number') return { text: `since age ${c.onsetAge.value}`, sortKey: 0 };
  if (typeof c.onsetString === 'string' && c.onsetString.trim()) return { text: `since ${c.onsetString.trim()}`, sortKey: 0 };
  const recorded = datePart(c.recordedDate);
  return recorded ? { text: `recorded ${recorded}`, sortKey: instantOf(recorded) ?? 0 } : undefined;
}

function problemKey(c: Condition, name: string): string {
  const code = codesOf(c.code, [SNOMED_CT])[0] ?? codesOf(c.code, [ICD10_CM, ICD10])[0];
  return code ? `code:${code}` : `name:${name.toLowerCase()}`;
}

interface Candidate {
  problem: ActiveProblem;
  /** Onset in ms; -Infinity when unknown, so undated problems sort after dated ones. */
  onsetKey: number;
}

function toCandidate(c: Condition): Candidate {
  const raw = conceptText(c.code);
  const name = raw ? withoutSemanticTag(raw) || raw : 'Unnamed condition';
  const importance = importanceOf(c);
  const onset = onsetOf(c);
  const verification = statusCode(c.verificationStatus);
  const problem: ActiveProblem = {
    key: problemKey(c, name),
    name,
    short: importance?.short ?? name,
    weight: importance?.weight ?? defaultWeight(raw, c),
    conditions: [c],
    refs: [refOf(c)],
    ...(importance ? { importance } : {}),
    ...(onset ? { onset: onset.text } : {}),
    ...(verification !== undefined && UNSURE_VERIFICATION.has(verification) ? { qualifier: verification } : {}),
  };
  return { problem, onsetKey: onset?.sortKey ?? Number.NEGATIVE_INFINITY };
}

/** Earliest dated onset first, then id: the representative of merged duplicates. */
function compareOnsetAsc(a: Candidate, b: Candidate): number {
  const aKey = Number.isFinite(a.onsetKey) ? a.onsetKey : Number.POSITIVE_INFINITY;
  const bKey = Number.isFinite(b.onsetKey) ? b.onsetKey : Number.POSITIVE_INFINITY;
  return aKey - bKey || compareText(a.problem.refs[0] ?? '', b.problem.refs[0] ?? '') || 0;
}

/** Heavier first; then the newest onset (what changed); then name and id, so the order never varies. */
function compareCandidates(a: Candidate, b: Candidate): number {
  const byOnset = a.onsetKey === b.onsetKey ? 0 : a.onsetKey < b.onsetKey ? 1 : -1;
  return (
    b.problem.weight - a.problem.weight ||
    byOnset ||
    compareText(a.problem.name.toLowerCase(), b.problem.name.toLowerCase()) ||
    compareText(a.problem.refs[0] ?? '', b.problem.refs[0] ?? '')
  );
}

/**
 * The active problem list, most important first. Conditions coding the same concept are merged
 * into one problem citing all of them (Synthea and EHR problem lists repeat entries); the merged
 * problem dates from the earliest onset. Social and administrative findings ("Full-time
 * employment", the US Core `sdoh` category) are not problems (./social.ts).
 */
export function selectActiveProblems(chart: Chart): ActiveProblem[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of chart.conditions) {
    if (!c.id || !isActiveCondition(c) || isSocialCondition(c)) continue;
    const candidate = toCandidate(c);
    const group = groups.get(candidate.problem.key);
    if (group) group.push(candidate);
    else groups.set(candidate.problem.key, [candidate]);
  }
  const merged: Candidate[] = [];
  for (const group of groups.values()) {
    group.sort(compareOnsetAsc);
    const [first, ...rest] = group;
    if (!first) continue;
    for (const other of rest) {
      first.problem.conditions.push(...other.problem.conditions);
      first.problem.refs.push(...other.problem.refs);
      if (other.problem.qualifier === undefined) delete first.problem.qualifier;
    }
    merged.push(first);
  }
  return merged.sort(compareCandidates).map((c) => c.problem);
}

function problemStatement(p: ActiveProblem): Statement {
  const details = [p.onset, p.qualifier].filter((x): x is string => x !== undefined);
  const text = details.length > 0 ? `${p.name} (${details.join(', ')})` : p.name;
  return { text, evidence: [...p.refs] };
}

/** Active problems with onset; "No active problems recorded" only when the list was read in full. */
export function problemsSection(chart: Chart, problems: readonly ActiveProblem[]): BriefSection | undefined {
  const statements = problems.map(problemStatement);
  if (statements.length === 0 && isComplete(chart, 'conditions')) {
    statements.push({ text: 'No active problems recorded', evidence: [chart.patientRef] });
  }
  return statements.length > 0 ? { name: 'problems', title: 'Active problems', statements } : undefined;
}
