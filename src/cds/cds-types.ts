import type { Coding, FhirResource } from 'fhir/r4';

// Types from the CDS Hooks 2.0 specification, not from any vendor library.
// https://cds-hooks.hl7.org/2.0/#cds-service-response

export type Indicator = 'info' | 'warning' | 'critical';

export interface CdsSource {
  label: string;
  url?: string;
  icon?: string;
  topic?: Coding;
}

// https://cds-hooks.hl7.org/2.0/#action
export type CdsAction =
  | { type: 'create'; description: string; resource: FhirResource }
  | { type: 'update'; description: string; resource: FhirResource }
  | { type: 'delete'; description: string; resourceId: string };

export interface CdsSuggestion {
  label: string;
  uuid: string;
  isRecommended?: boolean;
  actions?: CdsAction[];
}

// https://cds-hooks.hl7.org/2.0/#link
export interface CdsLink {
  label: string;
  url: string;
  type: 'absolute' | 'smart';
  /** Only on smart links. */
  appContext?: string;
}

/**
 * A card's `extension` (https://cds-hooks.hl7.org/2.0/#extensions): service data under namespaced
 * keys. Ours: `chartbrief.citations`, marker number ("1") → the `Type/id`s that `[1]` in `detail`
 * stands for (src/cards/citations.ts).
 */
export interface CdsCardExtension {
  'chartbrief.citations'?: Record<string, string[]>;
  [key: string]: unknown;
}

// https://cds-hooks.hl7.org/2.0/#card-attributes
export interface CdsCard {
  uuid: string;
  /** Under 140 characters. */
  summary: string;
  detail?: string;
  indicator: Indicator;
  source: CdsSource;
  suggestions?: CdsSuggestion[];
  selectionBehavior?: 'at-most-one' | 'any';
  overrideReasons?: Coding[];
  links?: CdsLink[];
  extension?: CdsCardExtension;
}

export interface CdsResponse {
  cards: CdsCard[];
  systemActions?: CdsAction[];
}

// https://cds-hooks.hl7.org/2.0/#discovery
export interface CdsServiceDefinition {
  hook: string;
  id: string;
  title: string;
  description: string;
  prefetch?: Record<string, string>;
  usageRequirements?: string;
}
