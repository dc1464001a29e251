import type { BriefSection, Statement } from '../brief';

/**
 * How much of a chart the embedded brief states. A sidebar card is read in seconds, and a chart
 * with thousands of resources must still give a brief of bounded size: each section keeps its
 * first `N` statements (they arrive most important first) and says how many more there are.
 */
export interface BriefLimits {
  problems: number;
  medications: number;
  allergies: number;
  labs: number;
  vitals: number;
  /** Problems named in the headline. */
  headlineProblems: number;
  /** Citations kept per statement (merged duplicates can cite hundreds of Conditions). */
  evidencePerStatement: number;
  /** Characters per statement: chart text (a free-text condition name) can be any length. */
  statementChars: number;
}

export const DEFAULT_BRIEF_LIMITS: Readonly<BriefLimits> = {
  problems: 8,
  medications: 10,
  allergies: 6,
  labs: 8,
  vitals: 6,
  headlineProblems: 3,
  evidencePerStatement: 5,
  statementChars: 200,
};

/** The headline must fit a card summary (< 140 characters) with room to spare. */
export const HEADLINE_MAX_CHARS = 120;

/**
 * Cuts `text` to at most `max` characters on a word boundary, ending with "…". Never splits a
 * surrogate pair; a single over-long word is cut at `max - 1`.
 */
export function clipText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space >= max / 2) cut = cut.slice(0, space);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:·—-]+$/, '')}…`;
}

function boundStatement(s: Statement, limits: BriefLimits): Statement {
  return { text: clipText(s.text, limits.statementChars), evidence: s.evidence.slice(0, limits.evidencePerStatement) };
}

/**
 * Keeps a section's first `max` statements of `items` and adds "…and 12 more <noun>", citing the
 * Patient the list is about (the omitted resources could be thousands).
 */
export function boundSection(
  section: BriefSection,
  itemCount: number,
  max: number,
  noun: string,
  patientRef: string,
  limits: BriefLimits,
): BriefSection {
  const fixed = section.statements.length - itemCount;
  const keep = section.statements.slice(0, fixed + Math.max(0, max)).map((s) => boundStatement(s, limits));
  const more = itemCount - Math.max(0, max);
  if (more > 0) keep.push({ text: `…and ${more} more ${noun}`, evidence: [patientRef] });
  return { ...section, statements: keep };
}
