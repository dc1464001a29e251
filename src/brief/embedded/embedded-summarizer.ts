import type { Chart } from '../../chart/chart';
import type { Brief, BriefSection, BriefSectionName } from '../brief';
import type { SummarizeOptions, Summarizer } from '../summarizer';
import { allergiesSection, selectCurrentAllergies } from './allergies';
import { unavailableSection } from './availability';
import type { BriefLimits } from './bounds';
import { boundSection, CARD_LIMITS, clipText, fitToLineBudget, HEADLINE_MAX_CHARS, sectionKeep, sectionLimit } from './bounds';
import { encountersSection, selectRecentEncounters } from './encounters';
import { buildHeadline } from './headline';
import { medicationsSection, selectActiveMedications } from './medications';
import { qualifyPregnancyProblems } from './pregnancy';
import { isActiveCondition, problemsSection, selectActiveProblems } from './problems';
import { proceduresSection, selectNotableProcedures } from './procedures';
import { resultsSection, selectResultSeries } from './results';
import { groundedSection, orderSections } from './sections';
import { socialSection } from './social';

export interface SummarizeChartOptions {
  /**
   * Sections written elsewhere — the care gaps from the rules engine — to place in the brief in
   * section order. Each statement must cite resources of this chart; those that do not are dropped.
   */
  extraSections?: readonly BriefSection[];
  /** Sections another card of the response already shows (SummarizeOptions.omitSections): left out. */
  omitSections?: readonly BriefSectionName[];
  /** `MedicationRequest/id`s of drug–drug interactions found (SummarizeOptions.interactingOrders): ranked with the high-alert drugs. */
  interactingOrders?: readonly string[];
}

/**
 * The brief from the chart alone, with no model: deterministic (the same chart, `asOf` and limits
 * give the same brief, byte for byte), pure and fast enough for every hook call. Every statement
 * cites the `Type/id` of resources the chart holds; what the chart lacks or could not read is
 * said, citing the Patient, never silently left out, and nothing is stated from refuted or
 * entered-in-error records. `limits`: {@link CARD_LIMITS} (the sidebar card, the default) or
 * `FULL_LIMITS` (the app's full brief). Within each section, and in the card's line budget, what
 * matters clinically comes first: critical and abnormal results, severe allergies, high-alert and
 * interacting drugs, social risks (statements marked with a priority, see bounds.ts).
 */
export function summarizeChart(chart: Chart, asOf: Date, limits: BriefLimits = CARD_LIMITS, options: SummarizeChartOptions = {}): Brief {
  const problems = qualifyPregnancyProblems(selectActiveProblems(chart), chart, asOf);
  const meds = selectActiveMedications(chart, problems, options.interactingOrders);
  const omit = new Set(options.omitSections);
  const written: (BriefSection | undefined)[] = [
    problemsSection(chart, problems),
    medicationsSection(chart, meds),
    allergiesSection(chart, selectCurrentAllergies(chart)),
    resultsSection(chart, 'lab', asOf, selectResultSeries(chart, 'lab')),
    resultsSection(chart, 'vital', asOf, selectResultSeries(chart, 'vital')),
    socialSection(chart, asOf, chart.conditions.filter((c) => c.id !== undefined && isActiveCondition(c))),
    limits.encounters > 0 ? encountersSection(chart, selectRecentEncounters(chart, asOf)) : undefined,
    limits.procedures > 0 ? proceduresSection(chart, selectNotableProcedures(chart, asOf)) : undefined,
    ...(options.extraSections ?? []).map((s) => groundedSection(chart, s)),
    unavailableSection(chart),
  ];
  const sections = orderSections(written.filter((s) => s === undefined || !omit.has(s.name)))
    .map((s) => boundSection(s, sectionKeep(limits, s), limits))
    .filter((s): s is BriefSection => s !== undefined);
  const headline = buildHeadline(chart, asOf, problems, meds, limits.headlineProblems);
  const brief: Brief = {
    headline: { text: clipText(headline.text, HEADLINE_MAX_CHARS), evidence: headline.evidence },
    sections,
    provenance: { provider: 'embedded', generatedAt: asOf.toISOString() },
  };
  return Number.isFinite(limits.detailLines)
    ? fitToLineBudget(brief, limits.detailLines, (name) => sectionLimit(limits, name), limits.priorityStatements)
    : brief;
}

export interface EmbeddedSummarizerOptions {
  /** Per-section bounds over {@link CARD_LIMITS} (pass `FULL_LIMITS` for the app's full brief). */
  limits?: Partial<BriefLimits>;
  /** Sections from elsewhere for each chart (the care gaps of the rules engine); see {@link SummarizeChartOptions}. */
  extraSections?: (chart: Chart, asOf: Date) => readonly BriefSection[];
}

/**
 * The default summarizer (`MODEL_PROVIDER=embedded`), and the fallback when a model is late or
 * fails. By default it writes the card's brief (CARD_LIMITS: fits the sidebar line budget).
 */
export class EmbeddedSummarizer implements Summarizer {
  private readonly limits: BriefLimits;
  private readonly extraSections: ((chart: Chart, asOf: Date) => readonly BriefSection[]) | undefined;

  constructor(options: EmbeddedSummarizerOptions = {}) {
    this.limits = { ...CARD_LIMITS, ...options.limits };
    this.extraSections = options.extraSections;
  }

  summarize(chart: Chart, options: SummarizeOptions): Promise<Brief> {
    try {
      const extraSections = this.extraSections?.(chart, options.asOf) ?? [];
      return Promise.resolve(
        summarizeChart(chart, options.asOf, this.limits, {
          extraSections,
          ...(options.omitSections !== undefined && { omitSections: options.omitSections }),
          ...(options.interactingOrders !== undefined && { interactingOrders: options.interactingOrders }),
        }),
      );
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }
}
