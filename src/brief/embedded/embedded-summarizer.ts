import type { Chart } from '../../chart/chart';
import type { Brief, BriefSection } from '../brief';
import type { SummarizeOptions, Summarizer } from '../summarizer';
import { allergiesSection, selectCurrentAllergies } from './allergies';
import { unavailableSection } from './availability';
import type { BriefLimits } from './bounds';
import { boundSection, clipText, DEFAULT_BRIEF_LIMITS, HEADLINE_MAX_CHARS } from './bounds';
import { buildHeadline } from './headline';
import { medicationsSection, selectActiveMedications } from './medications';
import { problemsSection, selectActiveProblems } from './problems';
import { resultsSection, selectResultSeries } from './results';

export interface EmbeddedSummarizerOptions {
  /** Per-section bounds; defaults: {@link DEFAULT_BRIEF_LIMITS}. */
  limits?: Partial<BriefLimits>;
}

/**
 * The brief from the chart alone, with no model: deterministic (the same chart and `asOf` give
 * the same brief, byte for byte), pure and fast enough for every hook call. Every statement cites
 * the `Type/id` of resources the chart holds; what the chart lacks or could not read is said, citing
 * the Patient, never silently left out.
 */
export function summarizeChart(chart: Chart, asOf: Date, limits: BriefLimits = DEFAULT_BRIEF_LIMITS): Brief {
  const patient = chart.patientRef;
  const problems = selectActiveProblems(chart);
  const meds = selectActiveMedications(chart);
  const labs = selectResultSeries(chart, 'lab');
  const vitals = selectResultSeries(chart, 'vital');
  const allergies = selectCurrentAllergies(chart);

  const sections: (BriefSection | undefined)[] = [
    bound(problemsSection(chart, problems), problems.length, limits.problems, 'active problems', patient, limits),
    bound(medicationsSection(chart, meds), meds.length, limits.medications, 'active medications', patient, limits),
    bound(allergiesSection(chart, allergies), allergies.length, limits.allergies, 'allergies', patient, limits),
    bound(resultsSection(chart, 'lab', asOf, labs), labs.length, limits.labs, 'key labs', patient, limits),
    bound(resultsSection(chart, 'vital', asOf, vitals), vitals.length, limits.vitals, 'vital signs', patient, limits),
    unavailableSection(chart),
  ];
  const headline = buildHeadline(chart, asOf, problems, meds, limits.headlineProblems);
  return {
    headline: { text: clipText(headline.text, HEADLINE_MAX_CHARS), evidence: headline.evidence },
    sections: sections.filter((s): s is BriefSection => s !== undefined),
    provenance: { provider: 'embedded', generatedAt: asOf.toISOString() },
  };
}

function bound(
  section: BriefSection | undefined,
  itemCount: number,
  max: number,
  noun: string,
  patientRef: string,
  limits: BriefLimits,
): BriefSection | undefined {
  return section ? boundSection(section, itemCount, max, noun, patientRef, limits) : undefined;
}

/** The default summarizer (`MODEL_PROVIDER=embedded`), and the fallback when a model is late or fails. */
export class EmbeddedSummarizer implements Summarizer {
  private readonly limits: BriefLimits;

  constructor(options: EmbeddedSummarizerOptions = {}) {
    this.limits = { ...DEFAULT_BRIEF_LIMITS, ...options.limits };
  }

  summarize(chart: Chart, options: SummarizeOptions): Promise<Brief> {
    return Promise.resolve(summarizeChart(chart, options.asOf, this.limits));
  }
}
