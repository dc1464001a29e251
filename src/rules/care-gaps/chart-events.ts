import type { CodeableConcept, FhirResource, Observation, ServiceRequest } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { arrayOrEmpty, instantOf, observationTimeText, refOf } from '../../brief/embedded/fhir-values';
import { isFinalResult } from '../../chart/facts/result-status';
import { CODE_SET_SYSTEMS, type EventCodeSet } from '../../knowledge/care-gaps/code-sets';

// The dated things a chart holds that can meet a care gap: a done procedure, a final result or
// report, a given vaccine, or a standing order. Each is read with its own status and date rules.

export interface ChartEvent {
  /** `Type/id`, for citation. */
  ref: string;
  /** When it happened (or was ordered), epoch ms. */
  time: number;
  resource: FhirResource;
}

/** A final Observation as a chart event. */
export interface ObservationEvent extends ChartEvent {
  resource: Observation;
}

interface Candidate {
  code: CodeableConcept | undefined;
  date: string | undefined;
  resource: FhirResource;
}

const STANDING_ORDER = new Set(['active', 'completed']);

/** ServiceRequests the chart holds (none come from the standard sections; an EHR may add them). */
function serviceRequests(chart: Chart): ServiceRequest[] {
  return chart
    .refs()
    .map((ref) => chart.get(ref))
    .filter((r): r is ServiceRequest => r?.resourceType === 'ServiceRequest');
}

/** Every resource that could count, with its code and date; statuses that do not count are left out. */
function candidates(chart: Chart): Candidate[] {
  const out: Candidate[] = [];
  for (const p of chart.procedures) {
    if (p.status === 'completed') out.push({ code: p.code, date: p.performedDateTime ?? p.performedPeriod?.end ?? p.performedPeriod?.start, resource: p });
  }
  for (const o of chart.observations) {
    if (isFinalResult(o.status)) out.push({ code: o.code, date: observationTimeText(o), resource: o });
  }
  for (const r of chart.diagnosticReports) {
    if (isFinalResult(r.status)) out.push({ code: r.code, date: r.effectiveDateTime ?? r.effectivePeriod?.end ?? r.effectivePeriod?.start ?? r.issued, resource: r });
  }
  for (const i of chart.immunizations) {
    if (i.status === 'completed') out.push({ code: i.vaccineCode, date: i.occurrenceDateTime, resource: i });
  }
  for (const s of serviceRequests(chart)) {
    if (STANDING_ORDER.has(s.status) && s.doNotPerform !== true) {
      out.push({ code: s.code, date: s.occurrenceDateTime ?? s.occurrencePeriod?.start ?? s.authoredOn, resource: s });
    }
  }
  return out;
}

const LISTS = Object.keys(CODE_SET_SYSTEMS) as (keyof typeof CODE_SET_SYSTEMS)[];

function codeKey(system: string, code: string): string {
  return `${system}|${code}`;
}

/**
 * A chart's countable events, dated and filtered once per evaluation and indexed by code, so each
 * of the few dozen checks is a lookup rather than a scan (charts can hold thousands of results).
 */
export class ChartEvents {
  private readonly byCode = new Map<string, ChartEvent[]>();

  /** Keeps dated events on or before `asOf`: undated entries cannot show an interval was met. */
  constructor(chart: Chart, asOf: Date) {
    for (const c of candidates(chart)) {
      const time = instantOf(c.date);
      if (time === undefined || time > asOf.getTime()) continue;
      const event: ChartEvent = { ref: refOf(c.resource), time, resource: c.resource };
      for (const coding of arrayOrEmpty(c.code?.coding)) {
        if (typeof coding.system === 'string' && typeof coding.code === 'string') {
          const key = codeKey(coding.system, coding.code);
          const list = this.byCode.get(key);
          if (list) list.push(event);
          else this.byCode.set(key, [event]);
        }
      }
    }
  }

  /** Observations with a code of `codes`, newest first (a report that shares the code is not one). */
  observations(codes: EventCodeSet): ObservationEvent[] {
    return this.matching(codes).flatMap((e) => (e.resource.resourceType === 'Observation' ? [{ ...e, resource: e.resource }] : []));
  }

  /** Events with a code of `codes`, newest first, each once. */
  matching(codes: EventCodeSet): ChartEvent[] {
    const found = new Set<ChartEvent>();
    for (const list of LISTS) {
      for (const system of CODE_SET_SYSTEMS[list]) {
        for (const code of codes[list] ?? []) for (const e of this.byCode.get(codeKey(system, code)) ?? []) found.add(e);
      }
    }
    return [...found].sort((a, b) => b.time - a.time);
  }
}
