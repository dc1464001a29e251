import type { Chart } from '../chart/chart';
import type { Deadline } from '../deadline';
import type { Brief, BriefSectionName } from './brief';

export interface SummarizeOptions {
  /** The clock, so briefs (ages, "last 12 months") do not change as the calendar moves in tests. */
  asOf: Date;
  /**
   * Sections another card of the same response already shows (the care-gap card carries the care
   * gaps): the brief leaves them out rather than repeat that card.
   */
  omitSections?: readonly BriefSectionName[];
  /**
   * `MedicationRequest/id`s the drug-interaction rule paired in the same response: the brief ranks
   * them with the high-alert drugs, so the card names both drugs of an interaction.
   */
  interactingOrders?: readonly string[];
  /** The hook's deadline: the model is awaited for min(MODEL_BUDGET_MS, time left). None in the app. */
  deadline?: Deadline;
}

/** Turns a chart into a brief. Providers: embedded (default), azure-openai, openai-compatible. */
export interface Summarizer {
  summarize(chart: Chart, options: SummarizeOptions): Promise<Brief>;
}
