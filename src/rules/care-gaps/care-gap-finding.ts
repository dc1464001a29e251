import type { MedicationRequest, ServiceRequest } from 'fhir/r4';
import { unique } from '../../brief/embedded/fhir-values';
import { CARE_GAPS_SOURCE } from '../../knowledge/care-gaps/care-gap-sources';
import type { Finding, FindingSuggestion } from '../rule';
import { dayText } from './dates';
import type { GapAssessment, GapContext } from './gap-assessment';

// The one grouped care-gap card per patient-view: what is due and why, what could not be
// assessed, what is up to date or excluded, and a draft order per gap (cards.md: info, one card).

export const CARE_GAP_RULE_ID = 'care-gap';
/** Every care-gap topic starts so; the due gap ids follow, so cases can check each gap. */
export const CARE_GAP_TOPIC = 'care-gaps';

const SUMMARY_MAX = 139;

/** "Care gaps (3): colorectal screening, mammogram, flu vaccine. Draft orders offered.", under 140 characters. */
function summaryOf(due: readonly GapAssessment[]): string {
  const names = due.map((a) => a.short);
  const text = (shown: number): string =>
    `Care gaps (${due.length}): ${names.slice(0, shown).join(', ')}${shown < names.length ? ` +${names.length - shown} more` : ''}. Draft orders offered.`;
  let shown = names.length;
  while (shown > 1 && text(shown).length > SUMMARY_MAX) shown--;
  return text(shown);
}

/**
 * "**Due**", a blank line, then its list. Blocks are joined by blank lines: in CommonMark a line
 * right after a list item continues that item, so without them "**Up to date**" (and the items
 * under it) would read as part of the last due item.
 */
function section(items: readonly GapAssessment[], title: string): string[] {
  return items.length === 0 ? [] : [`**${title}**\n\n${items.map((a) => `- ${a.title}: ${a.reason}`).join('\n')}`];
}

function detailOf(ctx: GapContext, all: readonly GapAssessment[]): string {
  const by = (status: GapAssessment['status']): GapAssessment[] => all.filter((a) => a.status === status);
  const sex = ctx.sex ?? 'sex not recorded';
  return [
    `As of ${dayText(ctx.asOf.getTime())}, age ${ctx.age.years}, ${sex} (\`${ctx.chart.patientRef}\`).`,
    ...section(by('due'), 'Due'),
    ...section(by('not-assessed'), 'Not assessed'),
    ...section(by('met'), 'Up to date'),
    ...section(by('not-indicated'), 'Not indicated'),
    ...section(by('excluded'), 'Excluded'),
    'Sources: USPSTF A/B recommendations, ACC/AHA 2018 cholesterol guideline (pooled cohort equations), ADA Standards of Care 2025, ACIP 2024. Choose the orders to draft.',
  ].join('\n\n');
}

/** A draft order the EHR can create from the card: one per gap, a MedicationRequest for a drug (the statin), else a ServiceRequest. */
function suggestionOf(ctx: GapContext, a: GapAssessment): FindingSuggestion {
  const subject = { reference: ctx.chart.patientRef };
  const concept = { coding: [{ system: a.order.system, code: a.order.code, display: a.order.display }], text: a.order.text };
  const reasonCode = [{ text: `${a.title} due (ChartBrief care gaps)` }];
  const resource: MedicationRequest | ServiceRequest =
    a.order.kind === 'medication'
      ? { resourceType: 'MedicationRequest', status: 'draft', intent: 'proposal', subject, medicationCodeableConcept: concept, reasonCode, dosageInstruction: [{ text: a.order.dosage }] }
      : { resourceType: 'ServiceRequest', status: 'draft', intent: 'proposal', subject, code: concept, reasonCode };
  return { label: `Order ${a.short}`, actions: [{ type: 'create', description: `Draft order: ${a.order.text}`, resource }] };
}

/** The grouped finding for the due gaps, or undefined when nothing is due. */
export function careGapFinding(ctx: GapContext, all: readonly GapAssessment[]): Finding | undefined {
  const due = all.filter((a) => a.status === 'due');
  if (due.length === 0) return undefined;
  return {
    ruleId: CARE_GAP_RULE_ID,
    topic: `${CARE_GAP_TOPIC}:${due.map((a) => a.id).join(',')}`,
    severity: 'info',
    summary: summaryOf(due),
    detail: detailOf(ctx, all),
    evidence: unique([ctx.chart.patientRef, ...all.flatMap((a) => a.evidence)]),
    source: CARE_GAPS_SOURCE,
    knowledge: unique(all.flatMap((a) => a.knowledge)),
    suggestions: due.map((a) => suggestionOf(ctx, a)),
    selectionBehavior: 'any',
  };
}
