import type { CdsAction } from '../cds/cds-types';

export type Severity = 'info' | 'warning' | 'critical';

/** One clinical observation or suggestion produced by a rule. */
export interface Finding {
  id: string;
  ruleId: string;
  severity: Severity;
  /** Under 140 characters: becomes the card summary. */
  title: string;
  /** Markdown. */
  detail: string;
  /** `Type/id` of every resource the finding rests on. */
  evidence: string[];
  suggestions?: Array<{ label: string; isRecommended?: boolean; actions: CdsAction[] }>;
  source: { label: string; url?: string };
}
