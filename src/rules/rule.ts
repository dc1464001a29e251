import type { FhirResource } from 'fhir/r4';
import type { CdsAction } from '../cds/cds-types';
import type { Chart } from '../chart/chart';
import type { DraftMedicationOrder } from '../chart/draft-medications';
import type { KnowledgeSource } from '../knowledge/knowledge-source';
import type { Severity } from '../knowledge/severity';

// Re-exported so rules (and code written against this module) keep one import.
export type { KnowledgeSource } from '../knowledge/knowledge-source';
export type { Severity } from '../knowledge/severity';

// The contract every clinical rule keeps: a pure function of the chart, the draft orders and the
// time, returning findings that cite the resources they rest on and the knowledge they used.

export type HookName = 'patient-view' | 'order-select' | 'order-sign';

/**
 * What a hook is about: the open `chart` (its active orders are what rules check) or draft
 * `orders` (what rules check is the drafts, against the chart). Exhaustive: a new hook must say
 * which it is before it compiles, so it never silently counts as an order hook.
 */
export type HookKind = 'chart' | 'orders';

export const HOOK_KINDS: Readonly<Record<HookName, HookKind>> = {
  'patient-view': 'chart',
  'order-select': 'orders',
  'order-sign': 'orders',
};

/** True when the hook checks draft orders (order-select, order-sign). */
export function checksDraftOrders(hook: HookName): boolean {
  return HOOK_KINDS[hook] === 'orders';
}

/** A draft MedicationRequest of the call, resolved like the chart's medications. */
export type DraftMedication = DraftMedicationOrder;

export interface RuleInput {
  hook: HookName;
  chart: Chart;
  /** The clock: the service passes now, tests pin it (Synthea dates are years old). */
  asOf: Date;
  /** Draft medication orders (empty for patient-view). */
  drafts: readonly DraftMedication[];
  /** Every draft order of the call, medication or not (e.g. ServiceRequest), for rules that read them. */
  draftOrders: readonly FhirResource[];
}

export interface FindingSuggestion {
  /** A button label: "Remove ibuprofen order". */
  label: string;
  isRecommended?: boolean;
  actions: CdsAction[];
}

/** What a rule found. Becomes one card (after ranking and de-duplication). */
export interface Finding {
  ruleId: string;
  /**
   * What the finding is about, for de-duplication: two findings with the same topic are one
   * problem and make one card (the more severe wins). E.g. `ddi:11289+5640`, `lab:potassium`,
   * `gap:colorectal-screening`, `renal:MedicationRequest/draft-1`.
   */
  topic: string;
  severity: Severity;
  /** Finding first, then the action; under 140 characters (cards.md). */
  summary: string;
  /** Markdown: why this patient (values with units and dates, drugs, the rule), then the options. */
  detail: string;
  /** `Type/id` of every resource it rests on: chart resources or draft orders. Never empty. */
  evidence: string[];
  /** The knowledge behind it (shown as the card's source). */
  source: KnowledgeSource;
  /** Ids of the knowledge rows used, for audit and the eval table. */
  knowledge: string[];
  suggestions?: FindingSuggestion[];
  /** Required by the spec when there are suggestions; `at-most-one` when they exclude each other. */
  selectionBehavior?: 'at-most-one' | 'any';
  /** The patient fact that set the severity (an INR above 4, a QTc of 510 ms), as data for audit and feedback. */
  severityFact?: SeverityFact;
}

/** A patient fact that set a finding's severity: its code (LOINC, SNOMED CT, or `age`/`sex`), value, unit and citation. */
export interface SeverityFact {
  code: string;
  value?: number;
  unit?: string;
  /** `Type/id` of the resource it was read from (the Patient for age and sex). */
  ref: string;
  date?: string;
}

export interface Rule {
  /** Stable id, used by `RULES_DISABLED` and in the eval table (kebab-case, e.g. `drug-interaction`). */
  id: string;
  title: string;
  /** The hooks it runs on. */
  hooks: readonly HookName[];
  evaluate(input: RuleInput): Finding[];
}
