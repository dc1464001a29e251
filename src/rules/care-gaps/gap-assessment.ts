import type { Chart } from '../../chart/chart';
import type { SectionName } from '../../chart/chart-sections';
import { isComplete, SECTION_LABELS } from '../../brief/embedded/availability';
import type { OrderCode } from '../../knowledge/care-gaps/code-sets';
import type { KnowledgeSource } from '../rule';
import type { ChartEvents } from './chart-events';
import type { Age, Sex } from '../../chart/facts/patient';

// What each care-gap check concludes, and the facts every check reads.

/**
 * due: recommended and not on record (a gap); met: done within its interval, or not yet due;
 * excluded: the chart says it does not apply; not-indicated: the chart shows the patient outside
 * the recommendation (a recorded never-smoker, a 10-year risk under the threshold); not-assessed:
 * the chart cannot say (a section missing, an input not recorded).
 */
export type GapStatus = 'due' | 'met' | 'excluded' | 'not-indicated' | 'not-assessed';

export interface GapAssessment {
  /** Stable key, part of the finding's topic: `colorectal`, `hba1c`, `influenza`. */
  id: string;
  /** Short name for the summary line. */
  short: string;
  title: string;
  status: GapStatus;
  /** Why, in a few words, with dates: "no colonoscopy or FIT on record", "last 2019-06-25". */
  reason: string;
  /** `Type/id` of the chart resources the conclusion rests on (the last test, the exclusion). */
  evidence: string[];
  /** Knowledge row ids used. */
  knowledge: string[];
  /** What to order when due. */
  order: OrderCode;
  source: KnowledgeSource;
}

/** The facts every check reads, computed once per evaluation. */
export interface GapContext {
  chart: Chart;
  asOf: Date;
  age: Age;
  sex: Sex | undefined;
  events: ChartEvents;
}

/** Sections among `sections` not read in full, by their labels ("Procedures, Labs"); undefined when all are whole. */
export function missingSections(chart: Chart, sections: readonly SectionName[]): string | undefined {
  const missing = sections.filter((s) => !isComplete(chart, s)).map((s) => SECTION_LABELS[s]);
  return missing.length > 0 ? missing.join(', ') : undefined;
}
