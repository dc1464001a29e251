import type { Chart } from '../../chart/chart';
import { datePart } from '../embedded/fhir-values';
import { shiftDate } from './date-shift';
import { eventLines } from './event-lines';
import type { LineCandidate, LineContext } from './line-context';
import { TIERS_BY_TIME } from './line-context';
import { phiScrubberFor } from './phi-scrub';
import { allergyLines, conditionLines, medicationLines, PATIENT_KEY, patientLine } from './record-lines';
import { observationLines } from './result-lines';
import { estimateTokens } from './tokens';

/**
 * The chart as a model reads it: one line per resource, `key | kind | facts`, most relevant and
 * most recent first, cut at a token budget. Not raw FHIR JSON (tokens, PHI, injection): no names,
 * addresses, telecom, identifiers or ids; the Patient is `Patient/self` with age and sex; each
 * other resource gets a short key (`Condition/3`) that the brief's evidence maps back to its real
 * `Type/id`, so the model can cite it and nothing else. Free text is JSON-quoted data.
 */

export interface RenderOptions {
  asOf: Date;
  /** The most tokens (./tokens.ts estimate) the lines may take, the omission note included. */
  tokenBudget: number;
  /** Days every date moves (MODEL_DATE_SHIFT=shift, see ./date-shift.ts); 0 or absent: dates as recorded. */
  dateShiftDays?: number;
}

export interface RenderedLine {
  /** What the prompt calls it: `Patient/self`, `Condition/3`. */
  key: string;
  /** The real `Type/id` it stands for. */
  ref: string;
  resourceType: string;
  /** The whole line as sent. */
  text: string;
}

export interface ChartRendering {
  /** The chart block: section notices, lines, and a note of what was left out. */
  text: string;
  /** Estimated tokens of `text`. */
  tokens: number;
  lines: readonly RenderedLine[];
  byKey: ReadonlyMap<string, RenderedLine>;
  /** Lines per resource type sent, and left out for the budget. */
  includedByType: Readonly<Record<string, number>>;
  omittedByType: Readonly<Record<string, number>>;
  /** "Today" as the prompt states it (shifted with the dates). */
  asOfText: string;
  dateShiftDays: number;
  /** The recorded date behind a date as sent (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). */
  realDates: ReadonlyMap<string, string>;
}

/** Tokens kept back for the omission note at the end. */
const OMISSION_RESERVE = 40;

function quoteWith(scrub: (text: string) => string): LineContext['quote'] {
  return (text, max = 120) => {
    const flat = scrub(text).replace(/\s+/g, ' ').trim();
    const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
    // JSON quoting keeps it one line and one string; < and > escaped so no text can close a tag.
    return JSON.stringify(cut).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  };
}

function sectionNotices(chart: Chart): string[] {
  return chart.incompleteSections().map((s) =>
    s.state === 'complete' ? `# ${s.section}: incomplete (not every page was read)` : `# ${s.section}: not available (could not be read)`,
  );
}

function ordered(chart: Chart, asOf: Date): LineCandidate[] {
  const candidates = [patientLine(chart, asOf), ...conditionLines(chart), ...medicationLines(chart), ...allergyLines(chart), ...observationLines(chart), ...eventLines(chart)];
  const indexed = candidates.map((c, i) => ({ c, i }));
  indexed.sort((a, b) => a.c.tier - b.c.tier || (TIERS_BY_TIME.has(a.c.tier) ? b.c.time - a.c.time : 0) || a.i - b.i);
  return indexed.map((x) => x.c);
}

function count(into: Record<string, number>, type: string): void {
  into[type] = (into[type] ?? 0) + 1;
}

function omissionNote(omitted: Readonly<Record<string, number>>): string | undefined {
  const entries = Object.entries(omitted).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = entries.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return undefined;
  return `# ${total} older or less relevant lines left out for length (${entries.map(([t, c]) => `${t} ${c}`).join(', ')}): do not conclude that something is absent`;
}

/** Renders `chart` for a model within `tokenBudget`; deterministic for the same chart, options and shift. */
export function renderChartForModel(chart: Chart, options: RenderOptions): ChartRendering {
  const shift = options.dateShiftDays ?? 0;
  const realDates = new Map<string, string>();
  const date = (value: string | undefined): string | undefined => {
    const real = datePart(value);
    if (real === undefined) return undefined;
    const sent = shiftDate(real, shift);
    realDates.set(sent, real);
    return sent;
  };
  const asOfText = date(options.asOf.toISOString()) ?? options.asOf.toISOString().slice(0, 10);
  const counters = new Map<string, number>();
  const keys = new Map<string, string>();
  const ctx: LineContext = { quote: quoteWith(phiScrubberFor(chart.patient)), date, keyAbove: (ref) => keys.get(ref) };
  const out: string[] = sectionNotices(chart);
  let tokens = estimateTokens(out.join('\n'));
  const lines: RenderedLine[] = [];
  const includedByType: Record<string, number> = {};
  const omittedByType: Record<string, number> = {};
  for (const candidate of ordered(chart, options.asOf)) {
    if (lines.length > 0 && Object.keys(omittedByType).length > 0) {
      count(omittedByType, candidate.resourceType);
      continue;
    }
    const n = (counters.get(candidate.resourceType) ?? 0) + 1;
    const key = candidate.ref === chart.patientRef ? PATIENT_KEY : `${candidate.resourceType}/${n}`;
    const text = [key, ...candidate.fields(ctx)].join(' | ');
    const cost = estimateTokens(text) + 1;
    if (key !== PATIENT_KEY && tokens + cost > options.tokenBudget - OMISSION_RESERVE) {
      count(omittedByType, candidate.resourceType);
      continue;
    }
    if (key !== PATIENT_KEY) counters.set(candidate.resourceType, n);
    keys.set(candidate.ref, key);
    lines.push({ key, ref: candidate.ref, resourceType: candidate.resourceType, text });
    count(includedByType, candidate.resourceType);
    out.push(text);
    tokens += cost;
  }
  // The note must fit too: give back lines from the end until it does (the Patient line stays).
  let note = omissionNote(omittedByType);
  while (note !== undefined && lines.length > 1 && tokens + estimateTokens(note) + 1 > options.tokenBudget) {
    const last = lines.pop();
    out.pop();
    if (last) {
      tokens -= estimateTokens(last.text) + 1;
      includedByType[last.resourceType] = (includedByType[last.resourceType] ?? 1) - 1;
      count(omittedByType, last.resourceType);
      keys.delete(last.ref);
    }
    note = omissionNote(omittedByType);
  }
  if (note) out.push(note);
  const text = out.join('\n');
  return {
    text,
    tokens: estimateTokens(text),
    lines,
    byKey: new Map(lines.map((l) => [l.key, l])),
    includedByType,
    omittedByType,
    asOfText,
    dateShiftDays: shift,
    realDates,
  };
}
