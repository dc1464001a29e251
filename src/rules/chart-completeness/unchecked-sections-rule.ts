import type { SectionName, SectionStatus } from '../../chart/chart-sections';
import { SECTION_LABELS, unavailableStatement } from '../../brief/embedded/availability';
import type { Chart } from '../../chart/chart';
import type { Finding, Rule, RuleInput } from '../rule';

// An order checked against part of the chart must say so: a draft that interacts with a drug whose
// Medication could not be read, or that the patient is allergic to when the allergy list never
// arrived, would otherwise get no card, which reads as "safe". On order hooks only: on
// patient-view the brief's "Missing from this brief" says it.
// https://cds-hooks.hl7.org/2.0/#fhir-resource-access (a service works with the data it could read)

export const UNCHECKED_SECTIONS_RULE_ID = 'unchecked-sections';

/**
 * What each section feeds on an order hook, in a prescriber's words: the sections the order
 * services read (ORDER_SAFETY_SECTIONS). Others are not read there, so their absence is not news.
 */
const CHECKS_BY_SECTION: Partial<Record<SectionName, string>> = {
  medications: 'interaction and duplicate-therapy checks against the active medications',
  allergies: 'drug-allergy checks',
  conditions: 'disease, pregnancy and Beers checks that read the problem list',
  labs: 'renal dosing and lab-based severity (eGFR, potassium, INR, QTc)',
  vitals: 'checks that read weight and blood pressure',
  procedures: 'pregnancy end dates (deliveries, terminations)',
  socialHistory: 'pregnancy status from the social history',
  surveys: 'smoking status from screening surveys',
};

/**
 * A medication or allergy list that could not be read in full (a failed or cut-short read) leaves a
 * core check undone: worth a warning. One the EHR never sends (no prefetch, no fhirServer) is an
 * integration gap stated on every order, so it stays information rather than interrupting each one.
 */
const CORE: ReadonlySet<SectionName> = new Set(['medications', 'allergies']);

function interrupts(status: SectionStatus): boolean {
  return CORE.has(status.section) && status.state !== 'missing';
}

function line(chart: Chart, status: SectionStatus, check: string): string {
  return `- ${unavailableStatement(chart, status).text}. Not fully checked: ${check}.`;
}

function evaluate(input: RuleInput): Finding[] {
  const { chart } = input;
  const incomplete = chart.incompleteSections().flatMap((s) => {
    const check = CHECKS_BY_SECTION[s.section];
    return check === undefined ? [] : [{ status: s, check }];
  });
  if (incomplete.length === 0 || input.drafts.length === 0) return [];
  const core = incomplete.some((s) => interrupts(s.status));
  const labels = incomplete.map((s) => SECTION_LABELS[s.status.section].toLowerCase()).join(', ');
  return [
    {
      ruleId: UNCHECKED_SECTIONS_RULE_ID,
      topic: 'chart:unchecked-sections',
      severity: core ? 'warning' : 'info',
      summary: `Checked without part of the chart (${labels}): no card here does not mean safe`,
      detail: [
        `ChartBrief checked these orders against what the EHR returned in time (${chart.patientRef}). Part of the chart could not be read:`,
        '',
        ...incomplete.map((s) => line(chart, s.status, s.check)),
        '',
        'Review those parts of the chart in the EHR before signing.',
      ].join('\n'),
      evidence: [chart.patientRef, ...input.drafts.map((d) => d.ref)],
      source: { label: 'CDS Hooks 2.0: FHIR resource access', url: 'https://cds-hooks.hl7.org/2.0/#fhir-resource-access' },
      knowledge: [],
    },
  ];
}

export const uncheckedSectionsRule: Rule = {
  id: UNCHECKED_SECTIONS_RULE_ID,
  title: 'Order checked without part of the chart',
  hooks: ['order-select', 'order-sign'],
  evaluate,
};
