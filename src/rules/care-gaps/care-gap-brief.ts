import type { BriefSection } from '../../brief/brief';
import type { Chart } from '../../chart/chart';
import { assessCareGaps } from './care-gap-rule';

/**
 * The care gaps as a section of the brief (the same checks as the `care-gap` rule's card): one
 * statement per gap that is due, citing what the conclusion rests on.
 */
export function careGapBriefSection(chart: Chart, asOf: Date): BriefSection | undefined {
  const due = (assessCareGaps(chart, asOf)?.assessments ?? []).filter((a) => a.status === 'due');
  if (due.length === 0) return undefined;
  return {
    name: 'care-gaps',
    title: 'Care gaps',
    // Each assessment's evidence names the Patient when it rests on an absence ("no colonoscopy on record").
    statements: due.map((gap) => ({ text: `${gap.title} due: ${gap.reason}`, evidence: gap.evidence })),
  };
}
