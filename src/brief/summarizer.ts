import type { Chart } from '../chart/chart';
import type { Brief } from './brief';

export interface SummarizeOptions {
  /** The clock, so briefs (ages, "last 12 months") do not change as the calendar moves in tests. */
  asOf: Date;
}

/** Turns a chart into a brief. Providers: embedded (default), azure-openai, openai-compatible. */
export interface Summarizer {
  summarize(chart: Chart, options: SummarizeOptions): Promise<Brief>;
}
