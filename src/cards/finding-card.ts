import type { CdsCard } from '../cds/cds-types';
import { OVERRIDE_REASONS } from '../knowledge/override-reasons';
import type { Finding } from '../rules/rule';
import { citationMarkdown } from './brief-card';
import { truncateText } from './markdown';

export interface FindingCardOptions {
  uuid: () => string;
  knowledgeVersion: string;
}

const SUMMARY_LIMIT = 139;

/**
 * A rule finding as a CDS Hooks card: the finding's own markdown, then its citations and the
 * knowledge source with its version. Warnings and critical cards offer override reasons; a card
 * with suggestions names its selection behaviour (the spec requires it).
 */
export function findingCard(finding: Finding, options: FindingCardOptions): CdsCard {
  const evidence = finding.evidence.map(citationMarkdown).join(', ');
  const card: CdsCard = {
    uuid: options.uuid(),
    summary: truncateText(finding.summary, SUMMARY_LIMIT),
    indicator: finding.severity,
    detail: `${finding.detail}\n\nEvidence: ${evidence}\n\n_Rule \`${finding.ruleId}\` · knowledge ${options.knowledgeVersion}_`,
    source: { label: finding.source.label, ...(finding.source.url !== undefined && { url: finding.source.url }) },
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
