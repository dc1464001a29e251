import type { CdsCard } from '../cds/cds-types';
import { OVERRIDE_REASONS } from '../knowledge/override-reasons';
import type { Finding } from '../rules/rule';
import { CitationMarkers } from './citations';
import { citeFindingDetail } from './inline-citations';
import { truncateText } from './markdown';

export interface FindingCardOptions {
  uuid: () => string;
  knowledgeVersion: string;
}

const SUMMARY_LIMIT = 139;

/**
 * A rule finding as a CDS Hooks card: the finding's own markdown with its evidence cited by markers
 * `[n]` (the `Type/id`s in the card's `extension`, see citations.ts), then the rule and the
 * knowledge version. Warnings and critical cards offer override reasons; a card with suggestions
 * names its selection behaviour (the spec requires it).
 */
export function findingCard(finding: Finding, options: FindingCardOptions): CdsCard {
  const markers = new CitationMarkers();
  const detail = citeFindingDetail(finding.detail, finding.evidence, markers);
  const extension = markers.extension();
  const card: CdsCard = {
    uuid: options.uuid(),
    summary: truncateText(finding.summary, SUMMARY_LIMIT),
    indicator: finding.severity,
    detail: `${detail}\n\n_Rule \`${finding.ruleId}\` · knowledge ${options.knowledgeVersion}_`,
    source: { label: finding.source.label, ...(finding.source.url !== undefined && { url: finding.source.url }) },
    ...(extension !== undefined && { extension }),
  };
  if (finding.suggestions && finding.suggestions.length > 0) {
    card.suggestions = finding.suggestions.map((s) => ({
      label: s.label,
      uuid: options.uuid(),
      ...(s.isRecommended !== undefined && { isRecommended: s.isRecommended }),
      actions: s.actions,
    }));
    card.selectionBehavior = finding.selectionBehavior ?? 'at-most-one';
  }
  if (finding.severity !== 'info') card.overrideReasons = [...OVERRIDE_REASONS];
  return card;
}
