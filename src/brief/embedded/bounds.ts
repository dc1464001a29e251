import type { Brief, BriefSection, BriefSectionName, Statement, StatementPriority } from '../brief';

/**
 * How much of a chart a brief states. Two views of one chart:
 *
 * - The **card** (CDS Hooks patient-view) sits in an EHR sidebar about 1/8 of the screen wide and
 *   is read in seconds (../shared/docs/cards.md). Its `detail` has a line budget of
 *   {@link CARD_DETAIL_LINES} = 18 lines: the headline, one line per section title, one line per
 *   statement (blank separator lines are spacing and do not count). Lines go by clinical
 *   importance, not by section order: first the statements marked with a priority (critical
 *   results and severe allergies, then abnormal results, high-alert and interacting drugs, social
 *   risks), round-robin across sections; then the others round-robin, most important section
 *   first, each up to its quota. What does not fit is counted beside the section's title ("+3
 *   more", "+2 more abnormal") and is in the app's full brief. Encounters and procedures are
 *   full-brief only.
 * - The **full brief** for the app: every section, higher per-section limits, no line budget.
 *
 * Either way a chart with thousands of resources gives a brief of bounded size: each section keeps
 * its first `N` statements (they arrive most important first, marked ones before the others) and
 * records how many it left out.
 */
export interface BriefLimits {
  problems: number;
  medications: number;
  allergies: number;
  labs: number;
  vitals: number;
  /** Social history: the social risks (intimate partner violence, homelessness, misuse, smoking), then other sdoh concerns. */
  social: number;
  encounters: number;
  procedures: number;
  /** Statements of a care-gaps section supplied from outside (the rules engine). */
  careGaps: number;
  /**
   * Statements marked with a priority a section keeps even beyond its own limit, up to this many;
   * labs and vitals count together (the latest abnormal value per analyte, up to 6, then "+N more
   * abnormal").
   */
  priorityStatements: number;
  /** Problems named in the headline (2–4: who and what matters most). */
  headlineProblems: number;
  /** Citations kept per statement (merged duplicates can cite hundreds of Conditions). */
  evidencePerStatement: number;
  /** Characters per statement: chart text (a free-text condition name) can be any length. */
  statementChars: number;
  /** Non-blank lines of the rendered detail; `Infinity` for no line budget. */
  detailLines: number;
}

/** The sidebar card's line budget for `detail` (headline + section titles + statements). */
export const CARD_DETAIL_LINES = 18;

/** The card: what a clinician reads in a sidebar in seconds. */
export const CARD_LIMITS: Readonly<BriefLimits> = {
  problems: 4,
  medications: 4,
  allergies: 2,
  labs: 3,
  vitals: 1,
  social: 1,
  encounters: 0,
  procedures: 0,
  careGaps: 2,
  priorityStatements: 6,
  headlineProblems: 3,
  evidencePerStatement: 5,
  statementChars: 160,
  detailLines: CARD_DETAIL_LINES,
};

/** The full brief for the app: all sections, higher limits, no line budget. */
export const FULL_LIMITS: Readonly<BriefLimits> = {
  problems: 25,
  medications: 30,
  allergies: 15,
  labs: 16,
  vitals: 7,
  social: 2,
  encounters: 5,
  procedures: 5,
  careGaps: 10,
  priorityStatements: 6,
  headlineProblems: 4,
  evidencePerStatement: 8,
  statementChars: 300,
  detailLines: Number.POSITIVE_INFINITY,
};

/** The headline must fit a card summary (< 140 characters) with room to spare. */
export const HEADLINE_MAX_CHARS = 120;

/** The per-section statement limit for a section name; `unavailable` is never cut. */
export function sectionLimit(limits: BriefLimits, name: BriefSectionName): number {
  switch (name) {
    case 'problems':
      return limits.problems;
    case 'medications':
      return limits.medications;
    case 'allergies':
      return limits.allergies;
    case 'labs':
      return limits.labs;
    case 'vitals':
      return limits.vitals;
    case 'social':
      return limits.social;
    case 'encounters':
      return limits.encounters;
    case 'procedures':
      return limits.procedures;
    case 'care-gaps':
      return limits.careGaps;
    case 'immunizations':
      return 0;
    case 'unavailable':
      return Number.POSITIVE_INFINITY;
  }
}

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
  const bounded = { text: clipText(s.text, limits.statementChars), evidence: s.evidence.slice(0, limits.evidencePerStatement) };
  return s.priority ? { ...bounded, priority: s.priority } : bounded;
}

/** How many statements at the head of the list carry a priority (sections put them first). */
function leadingPriority(statements: readonly Statement[]): number {
  const i = statements.findIndex((s) => s.priority === undefined);
  return i < 0 ? statements.length : i;
}

/**
 * What a section may keep under `limits`: its own limit, or more when more of its leading
 * statements carry a priority (up to `priorityStatements`); 0 for a section the view never shows.
 */
export function sectionKeep(limits: BriefLimits, section: BriefSection): number {
  const limit = sectionLimit(limits, section.name);
  if (limit <= 0) return 0;
  return Math.max(limit, Math.min(leadingPriority(section.statements), limits.priorityStatements));
}

/** The section with only its first `keep` statements, what it leaves out counted (marked ones apart). */
function cutSection(section: BriefSection, keep: number, statements: Statement[]): BriefSection {
  const cut = section.statements.slice(keep);
  const omitted = (section.omitted ?? 0) + cut.length;
  const omittedPriority = (section.omittedPriority ?? 0) + cut.filter((s) => s.priority !== undefined).length;
  const { omitted: _o, omittedPriority: _p, ...rest } = section;
  return { ...rest, statements, ...(omitted > 0 && { omitted }), ...(omittedPriority > 0 && { omittedPriority }) };
}

/**
 * Keeps a section's first `max` statements (each clipped to the statement bounds) and counts the
 * rest in `omitted` (those with a priority also in `omittedPriority`). Undefined when nothing is
 * kept and nothing was left out, or when `max` is 0 (a section this view does not show at all).
 */
export function boundSection(section: BriefSection, max: number, limits: BriefLimits): BriefSection | undefined {
  if (max <= 0) return undefined;
  const keep = section.statements.slice(0, max).map((s) => boundStatement(s, limits));
  if (keep.length === 0 && (section.omitted ?? 0) === 0) return undefined;
  return cutSection(section, keep.length, keep);
}

/** Lines the rendered detail takes: the headline, each shown section's title, each statement. */
export function detailLineCount(brief: Brief): number {
  return 1 + brief.sections.reduce((n, s) => (isShown(s) ? n + 1 + s.statements.length : n), 0);
}

function isShown(s: BriefSection): boolean {
  return s.statements.length > 0 || (s.omitted ?? 0) > 0;
}

const PRIORITY_TIERS: readonly StatementPriority[] = ['critical', 'high'];
const TIER_RANK: Readonly<Record<StatementPriority, number>> = { critical: 0, high: 1 };

/** Labs and vitals share one allowance of marked statements: they are one list of results to the reader. */
function priorityGroup(name: BriefSectionName): string {
  return name === 'labs' || name === 'vitals' ? 'results' : name;
}

/**
 * Fits a brief into `maxLines` of detail (see {@link detailLineCount}), by clinical importance
 * rather than section order. What the chart could not provide (`unavailable`) is stated whole,
 * first; then every other section gets its title while titles fit; then the statements marked
 * `critical`, then those marked `high`, round-robin across sections, each section taking its
 * statements in order (marked ones come first), up to `priorityCap` per section (labs and vitals
 * together); then, round-robin in section order, one more statement per pass while a section is
 * under its quota (`quota(name)`; 0 hides the section). So a section with something abnormal is
 * never cut down while an ordinary line of another section is shown, beyond that cap. Left-out
 * statements are counted in `omitted` (marked ones also in `omittedPriority`). Pure and
 * deterministic; a brief that already fits comes back unchanged in content.
 */
export function fitToLineBudget(
  brief: Brief,
  maxLines: number,
  quota: (name: BriefSectionName) => number,
  priorityCap: number = CARD_LIMITS.priorityStatements,
): Brief {
  const shown = brief.sections.filter((s) => isShown(s) && quota(s.name) > 0);
  const keep = new Map<BriefSection, number>();
  let lines = 1;
  for (const s of shown.filter((x) => x.name === 'unavailable')) {
    const take = Math.min(s.statements.length, Math.max(0, maxLines - lines - 1));
    keep.set(s, take);
    lines += 1 + take;
  }
  const content = shown.filter((s) => s.name !== 'unavailable');
  for (const s of content) {
    if (lines >= maxLines) break;
    keep.set(s, 0);
    lines += 1;
  }
  const taken = new Map<string, number>();
  for (const tier of PRIORITY_TIERS) {
    for (let progress = true; progress && lines < maxLines; ) {
      progress = false;
      for (const s of content) {
        const k = keep.get(s);
        const next = k === undefined ? undefined : s.statements[k];
        const group = priorityGroup(s.name);
        if (k === undefined || !next?.priority || TIER_RANK[next.priority] > TIER_RANK[tier] || lines >= maxLines) continue;
        if ((taken.get(group) ?? 0) >= priorityCap) continue;
        keep.set(s, k + 1);
        taken.set(group, (taken.get(group) ?? 0) + 1);
        lines += 1;
        progress = true;
      }
    }
  }
  for (let progress = true; progress && lines < maxLines; ) {
    progress = false;
    for (const s of content) {
      const k = keep.get(s);
      if (k === undefined || lines >= maxLines || k >= Math.min(s.statements.length, quota(s.name))) continue;
      keep.set(s, k + 1);
      lines += 1;
      progress = true;
    }
  }
  const sections = shown.flatMap((s): BriefSection[] => {
    const k = keep.get(s);
    return k === undefined ? [] : [cutSection(s, k, s.statements.slice(0, k))];
  });
  return { ...brief, sections };
}
