import type { CodeableConcept, FhirResource, Observation } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { arrayOrEmpty, instantOf, refOf } from '../../brief/embedded/fhir-values';
import { observationsWithCode, type DatedObservation } from '../../chart/facts/observation-index';
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

/** Done procedures: they come before results among events of one code and time. */
function procedureCandidates(chart: Chart): Candidate[] {
  return chart.procedures
    .filter((p) => p.status === 'completed')
    .map((p) => ({ code: p.code, date: p.performedDateTime ?? p.performedPeriod?.end ?? p.performedPeriod?.start, resource: p }));
}

/** Final reports, given vaccines and standing orders, after results among events of one code and time. */
function laterCandidates(chart: Chart): Candidate[] {
  const out: Candidate[] = [];
  for (const r of chart.diagnosticReports) {
    if (isFinalResult(r.status)) out.push({ code: r.code, date: r.effectiveDateTime ?? r.effectivePeriod?.end ?? r.effectivePeriod?.start ?? r.issued, resource: r });
  }
  for (const i of chart.immunizations) {
    if (i.status === 'completed') out.push({ code: i.vaccineCode, date: i.occurrenceDateTime, resource: i });
  }
  // ServiceRequests come from no standard section; an EHR may add them.
  for (const s of chart.resourcesOfType('ServiceRequest')) {
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

/** Dated events on or before `asOf` by `system|code`: undated entries cannot show an interval was met. */
function indexByCode(candidates: readonly Candidate[], asOf: number): Map<string, ChartEvent[]> {
  const byCode = new Map<string, ChartEvent[]>();
  for (const c of candidates) {
    const time = instantOf(c.date);
    if (time === undefined || time > asOf) continue;
    const event: ChartEvent = { ref: refOf(c.resource), time, resource: c.resource };
    for (const coding of arrayOrEmpty(c.code?.coding)) {
      if (typeof coding.system === 'string' && typeof coding.code === 'string') {
        const key = codeKey(coding.system, coding.code);
        const list = byCode.get(key);
        if (list) list.push(event);
        else byCode.set(key, [event]);
      }
    }
  }
  return byCode;
}

/** The (system, code) pairs of a code set, in listing order: by list, system, then code. */
function* codesIn(codes: EventCodeSet): Generator<[system: string, code: string]> {
  for (const list of LISTS) for (const system of CODE_SET_SYSTEMS[list]) for (const code of codes[list] ?? []) yield [system, code];
}

/** The newest of `events`, the first listed among equally new ones. */
function newestOf(events: readonly ChartEvent[]): ChartEvent | undefined {
  let newest: ChartEvent | undefined;
  for (const e of events) if (!newest || e.time > newest.time) newest = e;
  return newest;
}

/** The newest of `results`, the first in chart order among equally new ones. */
function newestResult(results: readonly DatedObservation[]): DatedObservation | undefined {
  let newest: DatedObservation | undefined;
  for (const r of results) if (!newest || r.at > newest.at) newest = r;
  return newest;
}

/**
 * A chart's countable events, dated and filtered once per evaluation and indexed by code, so each
 * of the few dozen checks is a lookup rather than a scan (charts can hold thousands of results).
 * Results come from the chart's observation index, read only for the codes a check asks about;
 * the few procedures, reports, vaccines and orders are indexed here. Among events of one code,
 * procedures are listed first, then results, then the rest, each in chart order; among equally
 * new events, the first listed comes first.
 */
export class ChartEvents {
  private readonly procedures: Map<string, ChartEvent[]>;
  private readonly later: Map<string, ChartEvent[]>;
  /** One event per final, dated Observation, however many of its codes are asked for. */
  private readonly results = new Map<Observation, ObservationEvent>();
  private readonly asOf: number;

  constructor(
    private readonly chart: Chart,
    asOf: Date,
  ) {
    this.asOf = asOf.getTime();
    this.procedures = indexByCode(procedureCandidates(chart), this.asOf);
    this.later = indexByCode(laterCandidates(chart), this.asOf);
  }

  /** Observations with a code of `codes`, newest first (a report that shares the code is not one). */
  observations(codes: EventCodeSet): ObservationEvent[] {
    return this.matching(codes).filter((e): e is ObservationEvent => e.resource.resourceType === 'Observation');
  }

  /** Events with a code of `codes`, newest first, each once. */
  matching(codes: EventCodeSet): ChartEvent[] {
    const found = new Set<ChartEvent>();
    for (const [system, code] of codesIn(codes)) {
      const key = codeKey(system, code);
      for (const e of this.procedures.get(key) ?? []) found.add(e);
      for (const r of this.resultsCoded(system, code)) found.add(this.resultEvent(r));
      for (const e of this.later.get(key) ?? []) found.add(e);
    }
    return [...found].sort((a, b) => b.time - a.time);
  }

  /** The newest event with a code of `codes`: `matching(codes)[0]`, making no other result an event. */
  latest(codes: EventCodeSet): ChartEvent | undefined {
    let newest: ChartEvent | undefined;
    for (const [system, code] of codesIn(codes)) {
      const key = codeKey(system, code);
      const result = newestResult(this.resultsCoded(system, code));
      for (const e of [newestOf(this.procedures.get(key) ?? []), result && this.resultEvent(result), newestOf(this.later.get(key) ?? [])]) {
        if (e && (!newest || e.time > newest.time)) newest = e;
      }
    }
    return newest;
  }

  /** Final results of one code taken on or before asOf, in chart order. */
  private resultsCoded(system: string, code: string): DatedObservation[] {
    return observationsWithCode(this.chart, system, code).filter(
      (r): r is DatedObservation => r.at !== undefined && r.at <= this.asOf && isFinalResult(r.observation.status),
    );
  }

  /** The event of a result, made once. */
  private resultEvent({ observation, at }: DatedObservation): ObservationEvent {
    let event = this.results.get(observation);
    if (!event) {
      event = { ref: refOf(observation), time: at, resource: observation };
      this.results.set(observation, event);
    }
    return event;
  }
}
