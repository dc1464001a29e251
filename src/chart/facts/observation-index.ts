import type { Coding, Observation } from 'fhir/r4';
import type { Chart } from '../chart';
import { LOINC } from '../../clinical-codes/code-systems';
import { arrayOrEmpty, instantOf, observationTimeText } from '../../brief/embedded/fhir-values';
import { NewestFirst } from './newest-first';

// The chart's Observations by code, built in one pass the first time anything asks, so each
// analyte is a lookup of its few results rather than a scan (a chart may hold thousands). Each
// Observation's time is parsed here, once for every reader (and once per distinct time text: a
// panel's results share one timestamp).

/** An Observation and when it was taken, read once per chart. */
export interface IndexedObservation {
  observation: Observation;
  /** When it was taken (observationTimeText), epoch ms; undefined when undated or not a date. */
  at: number | undefined;
}

/** An Observation with a readable time. */
export interface DatedObservation extends IndexedObservation {
  at: number;
}

type CodeLists = Map<string, IndexedObservation[]>;

interface ObservationIndex {
  /** LOINC code → observations coded so, in chart order, each once. */
  loinc: CodeLists;
  /** Any other system → code → observations (a care-gap code set may name SNOMED CT, CPT...). */
  otherSystems: Map<string, CodeLists>;
  /** Every observation, in chart order. */
  all: readonly IndexedObservation[];
  /** Dated observations of a set of LOINC codes, newest first. */
  newest: Map<string, NewestFirst>;
}

const indexes = new WeakMap<Chart, ObservationIndex>();

function add(lists: CodeLists, code: string, entry: IndexedObservation): void {
  const list = lists.get(code);
  if (!list) lists.set(code, [entry]);
  // A concept naming the same code twice still lists the observation once.
  else if (list[list.length - 1] !== entry) list.push(entry);
}

/** A coding's code as indexed: a non-empty string (FHIR fields the loader does not check may hold anything). */
function codeOf(coding: Coding | undefined): string | undefined {
  return typeof coding?.code === 'string' && coding.code !== '' ? coding.code : undefined;
}

/** instantOf, once per distinct time text (NaN remembers "not a date"). */
function instantOnce(instants: Map<string, number>, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  let at = instants.get(text);
  if (at === undefined) {
    at = instantOf(text) ?? Number.NaN;
    instants.set(text, at);
  }
  return Number.isNaN(at) ? undefined : at;
}

function build(chart: Chart): ObservationIndex {
  const instants = new Map<string, number>();
  let lastText: string | undefined;
  let lastAt: number | undefined;
  const all = chart.observations.map((observation): IndexedObservation => {
    const text = observationTimeText(observation);
    // A panel's results come one after another with one timestamp: the previous time is reused.
    if (text !== lastText) {
      lastText = text;
      lastAt = instantOnce(instants, text);
    }
    return { observation, at: lastAt };
  });
  const loinc: CodeLists = new Map();
  const otherSystems = new Map<string, CodeLists>();
  for (const entry of all) {
    for (const coding of arrayOrEmpty(entry.observation.code?.coding)) {
      const code = codeOf(coding);
      if (code === undefined || typeof coding.system !== 'string') continue;
      // Nearly every result is coded in LOINC: its lists are found without hashing the system.
      let lists = coding.system === LOINC ? loinc : otherSystems.get(coding.system);
      if (!lists) {
        lists = new Map();
        otherSystems.set(coding.system, lists);
      }
      add(lists, code, entry);
    }
  }
  return { loinc, otherSystems, all, newest: new Map() };
}

function indexOf(chart: Chart): ObservationIndex {
  let index = indexes.get(chart);
  if (!index) {
    index = build(chart);
    indexes.set(chart, index);
  }
  return index;
}

/** Observations carrying `code` in `system`, in chart order. */
export function observationsWithCode(chart: Chart, system: string, code: string): readonly IndexedObservation[] {
  const index = indexOf(chart);
  const lists = system === LOINC ? index.loinc : index.otherSystems.get(system);
  return lists?.get(code) ?? [];
}

/** Observations carrying a code of `codes` in `system`, in chart order, each once. */
export function codedObservations(chart: Chart, system: string, codes: readonly string[]): readonly IndexedObservation[] {
  const found = codes.flatMap((code) => observationsWithCode(chart, system, code));
  return codes.length > 1 ? [...new Set(found)] : found;
}

/** Observations carrying a LOINC code of `codes`, in chart order, each once. */
export function observationsCoded(chart: Chart, codes: readonly string[]): Observation[] {
  return codedObservations(chart, LOINC, codes).map((e) => e.observation);
}

/** Every observation, with its time, in chart order. */
export function indexedObservations(chart: Chart): readonly IndexedObservation[] {
  return indexOf(chart).all;
}

/**
 * The dated observations carrying a LOINC code of `codes`, newest first (the same instant: by
 * `Type/id`), each once; undated ones left out. One per set of codes and chart, put in order as
 * far as its readers go.
 */
export function newestObservations(chart: Chart, codes: readonly string[]): NewestFirst {
  const index = indexOf(chart);
  const key = JSON.stringify(codes);
  let newest = index.newest.get(key);
  if (!newest) {
    newest = new NewestFirst(codes.map((code) => observationsWithCode(chart, LOINC, code)));
    index.newest.set(key, newest);
  }
  return newest;
}
