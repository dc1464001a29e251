import { createHash, randomBytes } from 'node:crypto';
import type { Chart } from '../../chart/chart';
import type { Result } from '../../result';
import { err, ok } from '../../result';
import type { Brief, BriefSection } from '../brief';
import type { SummarizeOptions, Summarizer } from '../summarizer';
import type { ChatModel, ChatRequest, ModelFailure, ModelProviderName } from './chat-model';
import type { ChartRendering } from './chart-prompt';
import { renderChartForModel } from './chart-prompt';
import { dateShiftDays } from './date-shift';
import { parseModelAnswer } from './model-answer';
import type { ChartBriefPrompt } from './prompts/chart-brief.v1';
import { CHART_BRIEF_V1, MODEL_SECTIONS } from './prompts/chart-brief.v1';
import type { Verification, VerifiedStatement } from './verify';
import { verifyAnswer } from './verify';

export interface ModelSummarizerOptions {
  model: ChatModel;
  /** The embedded summarizer: the headline, and every section the model wrote nothing verified for. */
  base: Summarizer;
  /** Token budget of the chart rendering (MODEL_PROMPT_TOKENS). */
  promptTokens: number;
  maxOutputTokens: number;
  temperature: number | undefined;
  /** MODEL_DATE_SHIFT: `keep` (default) or `shift`. */
  dateShift?: 'keep' | 'shift';
  /** The date-shift secret; default: random per process (shifts then differ between replicas, which is harmless). */
  dateShiftSecret?: Uint8Array | string;
  /** When a brief was generated; default: the clock. */
  now?: () => Date;
  prompt?: ChartBriefPrompt;
}

/** A model call ready to go: what is sent, and the key its verified brief is cached under. */
export interface PreparedBrief {
  /** (patient, chart content hash as rendered, model, prompt version). */
  key: string;
  chart: Chart;
  options: SummarizeOptions;
  rendering: ChartRendering;
  request: ChatRequest;
}

/** A verified model brief and how its statements fared. */
export interface ModelBrief {
  brief: Brief;
  verification: Verification;
}

/** Thrown by `summarize` when the model gave nothing usable; `failure` says why (no PHI). */
export class ModelUnavailableError extends Error {
  constructor(readonly failure: ModelFailure) {
    super(`model brief unavailable: ${failure.kind}${failure.status !== undefined ? ` (${failure.status})` : ''}`);
    this.name = 'ModelUnavailableError';
  }
}

const DEFAULT_TITLES: Readonly<Record<(typeof MODEL_SECTIONS)[number], string>> = {
  problems: 'Active problems',
  medications: 'Active medications',
  allergies: 'Allergies',
  labs: 'Key labs',
  vitals: 'Vital signs',
  immunizations: 'Immunizations',
  procedures: 'Procedures',
  encounters: 'Recent encounters',
};

/**
 * The brief a clinician sees: the embedded headline (deterministic, always under 140 characters,
 * citing the Patient and the problems it names), then in IPS order each section the model wrote
 * verified statements for, else the embedded one; the embedded sections the model does not write
 * (what could not be read, care gaps) as they are.
 */
export function mergeBriefs(base: Brief, statements: readonly VerifiedStatement[], provenance: Brief['provenance']): Brief {
  const sections: BriefSection[] = [];
  for (const name of MODEL_SECTIONS) {
    const own = statements.filter((s) => s.section === name).map((s) => s.statement);
    const embedded = base.sections.find((s) => s.name === name);
    if (own.length > 0) sections.push({ name, title: embedded?.title ?? DEFAULT_TITLES[name], statements: own });
    else if (embedded) sections.push(embedded);
  }
  const modelNames: readonly string[] = MODEL_SECTIONS;
  sections.push(...base.sections.filter((s) => !modelNames.includes(s.name)));
  return { headline: base.headline, sections, provenance };
}

/**
 * The model-backed summarizer: renders the chart (../chart-prompt.ts), asks the model for
 * statements under a strict JSON schema, verifies each against the lines it was shown, and merges
 * what passes into the embedded brief. `summarize` waits for the model; hooks use it through
 * BudgetedSummarizer (../budgeted-summarizer.ts), which never waits longer than its budget.
 */
export class ModelSummarizer implements Summarizer {
  readonly provider: ModelProviderName;
  readonly modelName: string;
  readonly promptVersion: string;
  /** The prompt's fixed parts hashed (the chart is not in it): the audit names the exact prompt text. */
  readonly promptHash: string;
  private readonly prompt: ChartBriefPrompt;
  private readonly secret: Uint8Array | string;
  private readonly now: () => Date;

  constructor(private readonly options: ModelSummarizerOptions) {
    this.provider = options.model.provider;
    this.modelName = options.model.model;
    this.prompt = options.prompt ?? CHART_BRIEF_V1;
    this.promptVersion = this.prompt.version;
    this.promptHash = createHash('sha256').update(JSON.stringify([this.prompt.version, this.prompt.system, this.prompt.schemaName, this.prompt.schema])).digest('base64url');
    this.secret = options.dateShiftSecret ?? randomBytes(32);
    this.now = options.now ?? ((): Date => new Date());
  }

  /** Renders the chart and builds the request; pure but for the date-shift secret. */
  prepare(chart: Chart, options: SummarizeOptions): PreparedBrief {
    const shift = this.options.dateShift === 'shift' ? dateShiftDays(chart.patientRef, this.secret) : 0;
    const rendering = renderChartForModel(chart, { asOf: options.asOf, tokenBudget: this.options.promptTokens, dateShiftDays: shift });
    const request: ChatRequest = {
      system: this.prompt.system,
      user: this.prompt.render(rendering),
      schemaName: this.prompt.schemaName,
      schema: this.prompt.schema,
      maxOutputTokens: this.options.maxOutputTokens,
      temperature: this.options.temperature,
    };
    const hash = createHash('sha256')
      .update(JSON.stringify([request.system, request.user, request.maxOutputTokens, request.temperature ?? null]))
      .digest('base64url');
    const key = [chart.patientRef, hash, `${this.provider}:${this.modelName}`, this.promptVersion].join('|');
    return { key, chart, options, rendering, request };
  }

  /** One model call, parsed and verified; never throws. */
  async run(prepared: PreparedBrief): Promise<Result<ModelBrief, ModelFailure>> {
    const answer = await this.options.model.complete(prepared.request);
    if (!answer.ok) return answer;
    const parsed = parseModelAnswer(answer.value);
    if (!parsed.ok) return parsed;
    const verification = verifyAnswer(parsed.value, prepared.rendering);
    if (verification.verified === 0) return err({ kind: 'no-verified-statements' });
    const base = await this.options.base.summarize(prepared.chart, prepared.options);
    const brief = mergeBriefs(base, verification.statements, {
      provider: this.provider,
      model: this.modelName,
      promptVersion: this.promptVersion,
      promptHash: this.promptHash,
      verified: verification.verified,
      dropped: verification.dropped,
      generatedAt: this.now().toISOString(),
    });
    return ok({ brief, verification });
  }

  /** Waits for the model; throws ModelUnavailableError when it gave nothing usable. */
  async summarize(chart: Chart, options: SummarizeOptions): Promise<Brief> {
    const result = await this.run(this.prepare(chart, options));
    if (!result.ok) throw new ModelUnavailableError(result.error);
    return result.value.brief;
  }
}
