import type { Encounter } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { ENCOUNTER_CLASS_LABELS } from '../../clinical-codes/encounter-class';
import type { BriefSection, Statement } from '../brief';
import { isComplete } from './availability';
import { arrayOrEmpty, compareText, conceptText, datePart, instantOf, refOf, unique, withoutSemanticTag } from './fhir-values';
import { reasonsOf, type StatedReason } from './reasons';

// https://hl7.org/fhir/R4/valueset-encounter-status.html: encounters that took place or are under
// way. planned, cancelled, entered-in-error and unknown say nothing about a visit that happened.
const HAPPENED = new Set(['arrived', 'triaged', 'in-progress', 'onleave', 'finished']);

/** One encounter that took place, ready to be stated. */
export interface RecentEncounter {
  encounter: Encounter;
  ref: string;
  /** Start, in ms since the epoch, for ordering. */
  time: number;
  /** Calendar dates as the EHR wrote them. */
  start: string;
  end?: string;
  type: string;
  classLabel?: string;
  reasons: StatedReason[];
  ongoing: boolean;
}

function classLabel(e: Encounter): string | undefined {
  const code: unknown = typeof e.class === 'object' && e.class !== null ? e.class.code : undefined;
  return typeof code === 'string' ? (ENCOUNTER_CLASS_LABELS[code.toUpperCase()] ?? e.class.display) : undefined;
}

function typeText(e: Encounter, cls: string | undefined): string {
  const named = arrayOrEmpty(e.type).map((t) => conceptText(t)).find((t) => t !== undefined) ?? conceptText(e.serviceType);
  if (named) return withoutSemanticTag(named) || named;
  return cls ? `${cls.charAt(0).toUpperCase()}${cls.slice(1)} encounter` : 'Encounter';
}

function toRecent(chart: Chart, e: Encounter): RecentEncounter | undefined {
  const startText = e.period?.start ?? e.period?.end;
  const time = instantOf(startText);
  const start = datePart(startText);
  if (!e.id || time === undefined || start === undefined) return undefined;
  const end = datePart(e.period?.end);
  const cls = classLabel(e);
  return {
    encounter: e,
    ref: refOf(e),
    time,
    start,
    ...(end !== undefined && end !== start ? { end } : {}),
    type: typeText(e, cls),
    ...(cls ? { classLabel: cls } : {}),
    reasons: reasonsOf(chart, e.reasonReference, e.reasonCode),
    ongoing: e.status !== 'finished',
  };
}

/** Encounters that took place by `asOf`, newest first (same start: by id, so the order never varies). */
export function selectRecentEncounters(chart: Chart, asOf: Date): RecentEncounter[] {
  const until = asOf.getTime();
  return chart.encounters
    .filter((e) => HAPPENED.has(e.status))
    .map((e) => toRecent(chart, e))
    .filter((e): e is RecentEncounter => e !== undefined && e.time <= until)
    .sort((a, b) => b.time - a.time || compareText(a.ref, b.ref));
}

/** "2021-03-10: Encounter for symptom (ambulatory), for Acute bronchitis", citing the Encounter and its reason Conditions. */
function encounterStatement(e: RecentEncounter): Statement {
  const when = e.end ? `${e.start} to ${e.end}` : e.start;
  const cls = e.classLabel && !e.type.toLowerCase().includes(e.classLabel.toLowerCase()) ? ` (${e.classLabel})` : '';
  const reason = e.reasons.length > 0 ? `, for ${e.reasons.map((r) => r.text).join(', ')}` : '';
  const text = `${when}: ${e.type}${cls}${reason}${e.ongoing ? ', ongoing' : ''}`;
  return { text, evidence: unique([e.ref, ...e.reasons.flatMap((r) => (r.conditionRef ? [r.conditionRef] : []))]) };
}

/** The last few encounters with type and date; "No encounters recorded" only from a list read in full. */
export function encountersSection(chart: Chart, encounters: readonly RecentEncounter[]): BriefSection | undefined {
  const statements = encounters.map(encounterStatement);
  if (statements.length === 0 && isComplete(chart, 'encounters')) {
    statements.push({ text: 'No past encounters recorded', evidence: [chart.patientRef] });
  }
  return statements.length > 0 ? { name: 'encounters', title: 'Recent encounters', statements } : undefined;
}
