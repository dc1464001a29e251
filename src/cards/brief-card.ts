import type { Brief, BriefProvenance, BriefSection, BriefSectionName, Statement } from '../brief/brief';
import { CARD_DETAIL_LINES, CARD_LIMITS, fitToLineBudget, sectionLimit } from '../brief/embedded/bounds';
import type { CdsCard } from '../cds/cds-types';
import { CitationMarkers } from './citations';
import { escapeMarkdown, truncateText } from './markdown';

// https://cds-hooks.hl7.org/2.0/#card-attributes: `summary` "<140-character summary message".
const SUMMARY_LIMIT = 140;

export interface BriefCardOptions {
  /** The app's SMART launch URL (`{PUBLIC_URL}/launch`). */
  appLaunchUrl: string;
  /** A fresh card id, injected so tests are deterministic. */
  uuid: () => string;
  /**
   * Lines of the card: the summary (the headline) and `detail`; default {@link CARD_DETAIL_LINES}
   * (the sidebar budget, see bounds.ts, which counts the headline as a line).
   */
  maxLines?: number;
}

/**
 * Who wrote the brief, as `source.label` says it (../shared/docs/cards.md): "ChartBrief (embedded
 * summary)", or "ChartBrief · <model> (verified 9/10 statements)".
 */
export function briefSourceLabel(provenance: BriefProvenance): string {
  if (provenance.provider === 'embedded') return 'ChartBrief (embedded summary)';
  const label = `ChartBrief · ${provenance.model ?? provenance.provider}`;
  if (provenance.verified === undefined) return label;
  const total = provenance.verified + (provenance.dropped ?? 0);
  return `${label} (verified ${provenance.verified}/${total} statements)`;
}

/** "Atrial fibrillation [1]": the statement, then one marker for every resource it rests on. */
export function statementMarkdown(s: Statement, markers: CitationMarkers): string {
  const text = escapeMarkdown(s.text);
  return s.evidence.length > 0 ? `${text} ${markers.marker(s.evidence)}` : text;
}

/** What a left-out statement with a priority is, in a section's words ("+2 more abnormal"). */
const PRIORITY_WORD: Partial<Record<BriefSectionName, string>> = {
  labs: 'abnormal',
  vitals: 'abnormal',
  allergies: 'severe',
  medications: 'high-alert or interacting',
};

/**
 * "**Active problems** (+3 more)", "**Key labs** (+2 more abnormal, +5 more)": the title, and how
 * much the full brief has beyond this view, what matters clinically counted apart.
 */
function titleMarkdown(section: BriefSection): string {
  const title = `**${escapeMarkdown(section.title)}**`;
  const omitted = section.omitted ?? 0;
  if (omitted <= 0) return title;
  const marked = Math.min(section.omittedPriority ?? 0, omitted);
  const word = PRIORITY_WORD[section.name] ?? 'important';
  if (section.statements.length === 0) return `${title} (${omitted} in the full brief${marked > 0 ? `, ${marked} ${word}` : ''})`;
  if (marked === 0) return `${title} (+${omitted} more)`;
  return marked === omitted ? `${title} (+${marked} more ${word})` : `${title} (+${marked} more ${word}, +${omitted - marked} more)`;
}

function sectionMarkdown(section: BriefSection, markers: CitationMarkers): string {
  const lines = section.statements.map((s) => `- ${statementMarkdown(s, markers)}`);
  return lines.length > 0 ? [titleMarkdown(section), '', ...lines].join('\n') : titleMarkdown(section);
}

/**
 * Markdown of a brief for a card's `detail`: each shown section as a list under its title, each
 * statement followed by its marker, taken from `markers` in order. The headline is not repeated:
 * it is the card's `summary`. One line per title and statement (plus blank separators), so its
 * non-blank lines are `detailLineCount(brief) - 1`.
 */
export function briefMarkdown(brief: Brief, markers: CitationMarkers = new CitationMarkers()): string {
  const blocks: string[] = [];
  for (const section of brief.sections) {
    if (section.statements.length > 0 || (section.omitted ?? 0) > 0) blocks.push(sectionMarkdown(section, markers));
  }
  return blocks.join('\n\n');
}

/**
 * The brief as the sidebar shows it: at most `maxLines` lines (the headline, shown as the summary,
 * counted with the lines of detail), sections in their order; lines go first to the statements
 * marked with a priority (critical and abnormal results, severe allergies, high-alert and
 * interacting drugs, social risks), then to the others, each section within its card quota
 * (CARD_LIMITS: encounters and procedures are the app's); what was cut is counted beside the
 * title. An embedded card brief already fits and is unchanged; a full brief or a model's brief is
 * shortened.
 */
export function cardBrief(brief: Brief, maxLines: number = CARD_DETAIL_LINES): Brief {
  return fitToLineBudget(brief, maxLines, (name) => sectionLimit(CARD_LIMITS, name), CARD_LIMITS.priorityStatements);
}

/**
 * The patient-view brief card (CDS Hooks 2.0): the headline as `summary` (< 140 characters, cut on
 * a word boundary, no citations), the brief's sections as `detail` markdown within the sidebar line
 * budget with a marker per statement (the `Type/id`s in `extension`, see citations.ts), `info`
 * (context, not an alert), who wrote it in `source.label`, and a smart link to the full brief in
 * the app. https://cds-hooks.hl7.org/2.0/#cds-service-response
 */
export function buildBriefCard(brief: Brief, options: BriefCardOptions): CdsCard {
  const headline = truncateText(brief.headline.text, SUMMARY_LIMIT);
  const markers = new CitationMarkers();
  const detail = briefMarkdown(cardBrief(brief, options.maxLines), markers);
  const extension = markers.extension();
  return {
    uuid: options.uuid(),
    summary: headline === '' ? 'Chart brief' : headline,
    indicator: 'info',
    ...(detail !== '' && { detail }),
    source: { label: briefSourceLabel(brief.provenance) },
    links: [{ label: 'Open full ChartBrief', url: options.appLaunchUrl, type: 'smart' }],
    ...(extension !== undefined && { extension }),
  };
}
