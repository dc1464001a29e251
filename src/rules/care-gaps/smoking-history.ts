import type { Condition } from 'fhir/r4';
import { instantOf, refOf } from '../../brief/embedded/fhir-values';
import { isActiveCondition, isAssertedCondition } from '../../brief/embedded/problems';
import type { CodeSet } from '../../knowledge/care-gaps/code-sets';
import {
  CURRENT_SMOKER,
  FORMER_SMOKER,
  NEVER_SMOKER,
  PACK_YEARS,
  SMOKER_STATUS_UNKNOWN,
  SMOKING_STATUS_LOINC,
} from '../../knowledge/care-gaps/smoking-status';
import { conceptMatches } from './code-match';
import { type GapContext, missingSections } from './gap-assessment';

// Smoking history from the chart: smoking status observations (LOINC 72166-2, social-history or
// survey) and smoking problems, each a dated record of smoking now, having stopped, never having
// smoked, or having smoked (current status unknown); and the latest pack-years.

/** current: smokes; former: smoked and stopped; never: never smoked; smoker: has smoked, now unknown. */
export type SmokingKind = 'current' | 'former' | 'never' | 'smoker';

export interface SmokingRecord {
  kind: SmokingKind;
  /** `Type/id`. */
  ref: string;
  /** When it held (the observation's time; a problem's onset, or its end once resolved), epoch ms. */
  time?: number;
  /** A resolved smoking problem with an end date: the day smoking stopped. */
  quit?: number;
}

export interface SmokingHistory {
  /** Newest first; undated records last. */
  records: SmokingRecord[];
  /** The newest record saying the patient smokes or has smoked. */
  ever?: SmokingRecord;
  /** The newest record: the status as the chart last states it. */
  latest?: SmokingRecord;
  /** When the patient was last recorded as smoking: the newest `current` record, or a recorded quit date. */
  lastSmoking?: { time: number; ref: string; quit: boolean };
  /** The latest pack-years recorded. */
  packYears?: { value: number; ref: string };
}

const KINDS: readonly [SmokingKind, CodeSet][] = [
  ['current', CURRENT_SMOKER],
  ['former', FORMER_SMOKER],
  ['smoker', SMOKER_STATUS_UNKNOWN],
  ['never', NEVER_SMOKER],
];

function kindOf(concept: Condition['code']): SmokingKind | undefined {
  return KINDS.find(([, set]) => conceptMatches(concept, set))?.[0];
}

/** Final smoking status observations up to asOf (ChartEvents keeps only those), read by their value. */
function observationRecords(ctx: GapContext): SmokingRecord[] {
  return ctx.events.observations({ loinc: SMOKING_STATUS_LOINC }).flatMap((e) => {
    const kind = kindOf(e.resource.valueCodeableConcept);
    return kind ? [{ kind, ref: e.ref, time: e.time }] : [];
  });
}

/** Smoking problems (not refuted or in error): a resolved "current smoker" problem means smoking stopped. */
function conditionRecords(ctx: GapContext): SmokingRecord[] {
  return ctx.chart.conditions.flatMap((c): SmokingRecord[] => {
    const kind = isAssertedCondition(c) ? kindOf(c.code) : undefined;
    if (kind === undefined) return [];
    const start = instantOf(c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate);
    if (kind !== 'current' || isActiveCondition(c)) return [{ kind, ref: refOf(c), ...(start !== undefined && { time: start }) }];
    const quit = instantOf(c.abatementDateTime ?? c.abatementPeriod?.end);
    return [{ kind: 'former', ref: refOf(c), ...(quit !== undefined ? { time: quit, quit } : start !== undefined && { time: start }) }];
  });
}

function newestFirst(a: SmokingRecord, b: SmokingRecord): number {
  return (b.time ?? Number.NEGATIVE_INFINITY) - (a.time ?? Number.NEGATIVE_INFINITY);
}

function lastSmokingOf(records: readonly SmokingRecord[]): SmokingHistory['lastSmoking'] {
  const dated = records.flatMap((r) => {
    if (r.kind === 'current' && r.time !== undefined) return [{ time: r.time, ref: r.ref, quit: false }];
    return r.quit === undefined ? [] : [{ time: r.quit, ref: r.ref, quit: true }];
  });
  return dated.sort((a, b) => b.time - a.time)[0];
}

function packYearsOf(ctx: GapContext): SmokingHistory['packYears'] {
  for (const e of ctx.events.observations(PACK_YEARS)) {
    const value = e.resource.valueQuantity?.value;
    if (typeof value === 'number') return { value, ref: e.ref };
  }
  return undefined;
}

/** What the chart says of the patient's smoking, as of the context's clock. */
export function smokingHistory(ctx: GapContext): SmokingHistory {
  const records = [...observationRecords(ctx), ...conditionRecords(ctx)].sort(newestFirst);
  const ever = records.find((r) => r.kind !== 'never');
  const latest = records[0];
  const lastSmoking = lastSmokingOf(records);
  const packYears = packYearsOf(ctx);
  return { records, ...(ever && { ever }), ...(latest && { latest }), ...(lastSmoking && { lastSmoking }), ...(packYears && { packYears }) };
}

/** "smoking history not recorded", naming the sections that could hold it and were not read in full. */
export function smokingNotRecorded(ctx: GapContext): string {
  const missing = missingSections(ctx.chart, ['socialHistory', 'surveys', 'conditions']);
  return `smoking history not recorded${missing === undefined ? '' : ` (${missing} unavailable)`}`;
}
