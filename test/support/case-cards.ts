import type { Bundle, FhirResource } from 'fhir/r4';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { buildBriefCard } from '../../src/cards/brief-card';
import { findingCard } from '../../src/cards/finding-card';
import type { CdsCard } from '../../src/cds/cds-types';
import { KNOWLEDGE_VERSION } from '../../src/knowledge/knowledge-version';
import type { Finding } from '../../src/rules/rule';
import { chartFromBundle } from './chart-builder';
import type { RuleCase } from './rule-cases';
import { caseRequest, runCase } from './rule-cases';
import { fixturePatients, loadFixtureBundle } from './synthea';

// The cards the service would send for each fixture case and Synthea patient: for tests that
// check every card ChartBrief can produce (how it renders, what its suggestions do).

export interface CaseCard {
  finding: Finding;
  card: CdsCard;
}

/** The card of every finding the rules produce on the case's request, as the service builds them. */
export async function cardsOfCase(c: RuleCase): Promise<CaseCard[]> {
  const { run } = await runCase(c);
  let n = 0;
  return run.findings.map((finding) => ({ finding, card: findingCard(finding, { uuid: () => `u-${++n}`, knowledgeVersion: KNOWLEDGE_VERSION }) }));
}

/** The draft orders the case's request carries, by `Type/id` (what a delete or update action names). */
export function draftOrdersOfCase(c: RuleCase): Map<string, FhirResource> {
  const bundle = caseRequest(c).context['draftOrders'] as Bundle<FhirResource> | undefined;
  const drafts = new Map<string, FhirResource>();
  for (const e of bundle?.entry ?? []) if (e.resource?.id !== undefined) drafts.set(`${e.resource.resourceType}/${e.resource.id}`, e.resource);
  return drafts;
}

/** The patient-view brief card of every Synthea fixture patient, at a fixed date. */
export function syntheaBriefCards(asOf = new Date('2021-06-01T00:00:00Z')): { file: string; card: CdsCard }[] {
  return fixturePatients().map((p) => ({
    file: p.file,
    card: buildBriefCard(summarizeChart(chartFromBundle(loadFixtureBundle(p.file)), asOf), { appLaunchUrl: 'https://chartbrief.example.org/launch', uuid: () => 'u-1' }),
  }));
}
