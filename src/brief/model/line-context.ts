import type { Annotation } from 'fhir/r4';
import { arrayOrEmpty } from '../embedded/fhir-values';

/**
 * One line of the chart as the model reads it, before its key is known: the resource it renders,
 * where it ranks, and its fields (rendered once keys are assigned, so a line can point at a line
 * above it: "for Condition/2").
 */
export interface LineCandidate {
  /** The real `Type/id`; never sent (the prompt carries a short key in its place). */
  ref: string;
  resourceType: string;
  /** Relevance tier, 0 first (see ./chart-prompt.ts); order within a tier is given, or by time. */
  tier: number;
  /** ms since the epoch, newest first within the tiers ordered by time. */
  time: number;
  fields(ctx: LineContext): string[];
}

/** What a line renderer may use: quoting, dates (shifted when set), keys of lines above it. */
export interface LineContext {
  /** Free text as data: PHI-scrubbed, cut to `max` characters, JSON-quoted, `<` and `>` escaped. */
  quote(text: string, max?: number): string;
  /** A FHIR date/dateTime as `YYYY-MM-DD` (or partial), shifted when date shifting is on. */
  date(value: string | undefined): string | undefined;
  /** The key of a line already rendered above this one, else undefined. */
  keyAbove(ref: string): string | undefined;
}

/** Tiers: what a clinician needs first comes first, so the token budget cuts the least relevant. */
export const TIER = {
  patient: 0,
  activeProblem: 1,
  activeMedication: 2,
  allergy: 3,
  latestKeyResult: 4,
  recentEncounter: 5,
  previousKeyResult: 6,
  latestOtherResult: 7,
  recentProcedure: 8,
  pastProblemOrMedication: 9,
  rest: 10,
} as const;

/** Tiers whose lines are ordered newest first rather than by clinical weight. */
export const TIERS_BY_TIME: ReadonlySet<number> = new Set([TIER.pastProblemOrMedication, TIER.rest]);

const MAX_NOTES = 2;
const NOTE_CHARS = 280;

/** `note "…"` fields for a resource's annotations (authors are never rendered: they are names). */
export function noteFields(notes: readonly Annotation[] | undefined, ctx: LineContext): string[] {
  const texts = arrayOrEmpty(notes)
    .map((n) => (typeof n?.text === 'string' ? n.text.trim() : ''))
    .filter((t) => t !== '')
    .slice(0, MAX_NOTES);
  return texts.map((t) => `note ${ctx.quote(t, NOTE_CHARS)}`);
}
