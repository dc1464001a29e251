import type { FhirResource } from 'fhir/r4';
import type { Chart } from '../chart/chart';
import { draftMedications } from '../chart/draft-medications';
import type { HookName, RuleInput } from './rule';

/** The rules' input for one hook call: the chart, the draft orders (medications resolved) and the clock. */
export function ruleInputFor(hook: HookName, chart: Chart, draftOrders: readonly FhirResource[], asOf: Date): RuleInput {
  return { hook, chart, asOf, draftOrders, drafts: draftMedications(draftOrders, chart) };
}
