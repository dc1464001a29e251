import type { Brief, BriefProvenance, BriefSection, Statement } from '../brief/brief';
import { CARD_DETAIL_LINES, CARD_LIMITS, fitToLineBudget, sectionLimit } from '../brief/embedded/bounds';
import type { CdsCard } from '../cds/cds-types';
import { escapeMarkdown, truncateText } from './markdown';

// https://cds-hooks.hl7.org/2.0/#card-attributes: `summary` "<140-character summary message".
const SUMMARY_LIMIT = 140;

export interface BriefCardOptions {
  /** The app's SMART launch URL (`{PUBLIC_URL}/launch`). */
  appLaunchUrl: string;
  /** A fresh card id, injected so tests are deterministic. */
  uuid: () => string;
  /** Lines of `detail`; default {@link CARD_DETAIL_LINES} (the sidebar budget, see bounds.ts). */
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

/**
 * A citation as an inline code span: shown verbatim (`Condition/abc`), never read as markup.
 * The fence is one backtick longer than any run inside the id (CommonMark code spans).
 */
export function citationMarkdown(ref: string): string {
  const flat = ref.replace(/\s+/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** "Text — `Condition/a`, `Condition/b`": the statement, then every resource it rests on. */
export function statementMarkdown(s: Statement): string {
  const text = escapeMarkdown(s.text);
  return s.evidence.length > 0 ? `${text} — ${s.evidence.map(citationMarkdown).join(', ')}` : text;
}

/** "**Active problems** (+3 more)": the title, and how much the full brief has beyond this view. */
function titleMarkdown(section: BriefSection): string {
  const title = `**${escapeMarkdown(section.title)}**`;
  const omitted = section.omitted ?? 0;
  if (omitted <= 0) return title;
  return section.statements.length > 0 ? `${title} (+${omitted} more)` : `${title} (${omitted} in the full brief)`;
}

function sectionMarkdown(section: BriefSection): string {
  const lines = section.statements.map((s) => `- ${statementMarkdown(s)}`);
  return lines.length > 0 ? [titleMarkdown(section), '', ...lines].join('\n') : titleMarkdown(section);
}

/**
 * Markdown of a brief: the headline with its citations, then each section as a cited list under
 * its title. One line per headline, title and statement (plus blank separators), so its non-blank
 * lines are `detailLineCount(brief)`.
 */
export function briefMarkdown(brief: Brief): string {
  const blocks = [`**${escapeMarkdown(brief.headline.text)}**${citationsSuffix(brief.headline)}`];
  for (const section of brief.sections) {
    if (section.statements.length > 0 || (section.omitted ?? 0) > 0) blocks.push(sectionMarkdown(section));
  }
  return blocks.join('\n\n');
}

/**
 * The brief as the sidebar shows it: at most `maxLines` lines of detail, sections in their order,
 * each within its card quota (CARD_LIMITS: encounters and procedures are the app's), what was cut
 * counted beside the title. An embedded card brief already fits and is unchanged; a full brief or a
 * model's brief is shortened.
 */
export function cardBrief(brief: Brief, maxLines: number = CARD_DETAIL_LINES): Brief {
  return fitToLineBudget(brief, maxLines, (name) => sectionLimit(CARD_LIMITS, name));
}

function citationsSuffix(s: Statement): string {
  return s.evidence.length > 0 ? ` — ${s.evidence.map(citationMarkdown).join(', ')}` : '';
}

/**
 * Every citation in a card `detail` written by {@link briefMarkdown}, in order: the `Type/id`s
 * inside its code spans (an escaped backtick in chart text opens none). For tests and the app,
 * which check that each one resolves.
 */
export function citationsInMarkdown(detail: string): string[] {
  const refs: string[] = [];
  for (const m of detail.matchAll(/(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)/g)) {
    const inner = m[2] ?? '';
    const ref = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner;
    refs.push(ref);
  }
  return refs;
}

/**
 * The patient-view brief card (CDS Hooks 2.0): the headline as `summary` (< 140 characters, cut on
 * a word boundary), the cited brief as `detail` markdown within the sidebar line budget, `info` (context, not an alert), who wrote
 * it in `source.label`, and a smart link to the full brief in the app.
 * https://cds-hooks.hl7.org/2.0/#cds-service-response
 */
export function buildBriefCard(brief: Brief, options: BriefCardOptions): CdsCard {
  const headline = truncateText(brief.headline.text, SUMMARY_LIMIT);
  return {
    uuid: options.uuid(),
    summary: headline === '' ? 'Chart brief' : headline,
    indicator: 'info',
    detail: briefMarkdown(cardBrief(brief, options.maxLines)),
    source: { label: briefSourceLabel(brief.provenance) },
    links: [{ label: 'Open full ChartBrief', url: options.appLaunchUrl, type: 'smart' }],
  };
}
