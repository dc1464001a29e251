import type { CdsCard, CdsCardExtension } from '../cds/cds-types';

/**
 * Citations that do not crowd a card's text: `detail` carries short markers `[1]`, `[2]`, …
 * (numbered from 1 in order of first use) and the card's `extension` maps each marker's number to
 * the `Type/id`s it stands for, under {@link CITATIONS_EXTENSION}. A reader of the card sees "[2]";
 * the EHR or the app resolves it from the extension. CDS Hooks 2.0 cards carry an optional
 * `extension` object for exactly such service-specific data (https://cds-hooks.hl7.org/2.0/#extensions).
 */

/** The extension key: marker number (a string) → the `Type/id`s it stands for. */
export const CITATIONS_EXTENSION = 'chartbrief.citations';

/** `{"1": ["Condition/abc"], "2": ["Observation/x", "Observation/y"]}`. */
export type CitationEntries = Record<string, string[]>;

/**
 * A marker in card markdown: `[n]` whose `[` is not backslash-escaped (an even run of backslashes
 * before it escapes only themselves). Chart text is escaped by `escapeMarkdown`, so it cannot forge one.
 */
const MARKER = /(?<!\\)(?:\\\\)*\[(\d+)\]/g;

/** The markers of one card, handed out in the order the text uses them. */
export class CitationMarkers {
  private readonly numberOf = new Map<string, number>();
  private readonly lists: string[][] = [];

  /**
   * The marker `[n]` for a list of `Type/id`s (duplicates dropped): the number the same set already
   * has, or the next one. Call in the order the markers appear in the text.
   */
  marker(refs: readonly string[]): string {
    const list = [...new Set(refs)];
    if (list.length === 0) throw new Error('a citation marker needs at least one reference');
    const key = [...list].sort().join('\n');
    let n = this.numberOf.get(key);
    if (n === undefined) {
      this.lists.push(list);
      n = this.lists.length;
      this.numberOf.set(key, n);
    }
    return `[${n}]`;
  }

  /** The card's `extension` with every marker handed out; undefined when there is none. */
  extension(): CdsCardExtension | undefined {
    if (this.lists.length === 0) return undefined;
    return { [CITATIONS_EXTENSION]: Object.fromEntries(this.lists.map((refs, i) => [String(i + 1), refs])) };
  }
}

/** Citation markers in markdown, in the order they appear (repeats included). */
export function markersIn(markdown: string): number[] {
  return [...markdown.matchAll(MARKER)].map((m) => Number(m[1]));
}

/**
 * Backslash-escapes every `[n]` already in `markdown` (rule text can quote chart text), so only the
 * card builder's markers read as markers.
 */
export function escapeStrayMarkers(markdown: string): string {
  return markdown.replace(MARKER, (m: string, n: string) => `${m.slice(0, m.length - n.length - 2)}\\[${n}\\]`);
}

export interface CardCitations {
  /** Every cited `Type/id`, once, in marker order. */
  refs: string[];
  /** What is wrong with the markers and the extension; [] when they agree. */
  problems: string[];
}

function entriesOf(card: Pick<CdsCard, 'extension'>, problems: string[]): CitationEntries {
  const raw = card.extension?.[CITATIONS_EXTENSION];
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`extension.${CITATIONS_EXTENSION}: must be an object`);
    return {};
  }
  const entries: CitationEntries = {};
  for (const [key, refs] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(refs) || refs.length === 0 || !refs.every((r): r is string => typeof r === 'string')) {
      problems.push(`extension.${CITATIONS_EXTENSION}.${key}: must be a non-empty list of Type/id`);
    } else entries[key] = refs;
  }
  return entries;
}

/**
 * The citations of a card, read from its extension and checked against its text: every marker in
 * `detail` has an entry and every entry a marker, markers are numbered from 1 in order of first
 * use, `summary` has none, and the extension is absent when there are no markers.
 */
export function citationsOfCard(card: Pick<CdsCard, 'summary' | 'detail' | 'extension'>): CardCitations {
  const problems: string[] = [];
  const entries = entriesOf(card, problems);
  if (markersIn(card.summary).length > 0) problems.push('summary: carries citation markers');
  const firstUse = [...new Set(markersIn(card.detail ?? ''))];
  firstUse.forEach((n, i) => {
    if (n !== i + 1) problems.push(`detail: marker [${n}] is cited ${ordinal(i + 1)}; markers are numbered in order of first use`);
    if (entries[String(n)] === undefined) problems.push(`detail: marker [${n}] has no entry in extension.${CITATIONS_EXTENSION}`);
  });
  for (const key of Object.keys(entries)) {
    if (!firstUse.includes(Number(key)) || String(Number(key)) !== key) problems.push(`extension.${CITATIONS_EXTENSION}.${key}: no marker [${key}] in detail`);
  }
  if (card.extension?.[CITATIONS_EXTENSION] !== undefined && firstUse.length === 0) problems.push(`extension.${CITATIONS_EXTENSION}: present on a card without markers`);
  const refs = [...new Set(firstUse.flatMap((n) => entries[String(n)] ?? []))];
  return { refs, problems };
}

function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}

/** A FHIR reference written in text: `Type/id` (ids: up to 64 of `A-Z a-z 0-9 - .`). */
const IDENTIFIER = /(?<![A-Za-z0-9/])[A-Z][a-z][A-Za-z]*\/[A-Za-z0-9\-.]{1,64}/g;

/** The `Type/id` strings left in a card's `summary` and `detail`. */
export function identifiersInText(card: Pick<CdsCard, 'summary' | 'detail'>): string[] {
  return [...`${card.summary}\n${card.detail ?? ''}`.matchAll(IDENTIFIER)].map((m) => m[0]);
}

/** The share (0–1) of the characters of `summary` + `detail` that are `Type/id` identifiers. */
export function identifierShare(card: Pick<CdsCard, 'summary' | 'detail'>): number {
  const total = card.summary.length + (card.detail ?? '').length;
  return total === 0 ? 0 : identifiersInText(card).join('').length / total;
}
