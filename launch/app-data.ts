import type { Brief } from '../src/brief/brief';
import type { Summarizer } from '../src/brief/summarizer';
import type { Chart } from '../src/chart/chart';
import type { ChartLoadError } from '../src/chart/chart-load-result';
import type { ChartLoader } from '../src/chart/chart-loader';
import type { Problem } from '../src/problems';
import { problem } from '../src/problems';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { Finding } from '../src/rules/rule';
import type { BannerView, BriefView, FindingView } from './app-view';
import { bannerView, briefView, findingView } from './app-view';
import type { FhirContextItem } from './launch-context';
import { renderResource } from './resource-view';
import type { ResourceView } from './resource-view';
import type { Trend } from './trends';
import { buildTrends } from './trends';

/**
 * A session's chart and what the page shows of it: loaded once after the launch (the same chart
 * loader, rules and summarizers as the hooks), kept with the session. The embedded brief is ready
 * at once; a model brief, when a model is configured, is computed in the background and replaces
 * it in the page when it arrives (the page polls `/brief`).
 */

export interface AppDataDeps {
  /** The service's chart loader: the chart from the EHR's FHIR server with the session's token. */
  loadChart: ChartLoader;
  /** The full embedded brief (FULL_LIMITS). */
  embedded: Summarizer;
  /** The model (its verified brief or, when it fails, the embedded one); undefined with MODEL_PROVIDER=embedded. */
  model?: Summarizer;
  /** The enabled rules for patient-view, as the hooks run them. */
  findings(chart: Chart, asOf: Date): Finding[];
  now(): Date;
}

export type ModelBriefStatus = 'off' | 'computing' | 'ready' | 'failed';

export interface SessionData {
  chart: Chart;
  asOf: Date;
  banner: BannerView;
  brief: BriefView;
  findings: FindingView[];
  trends: Trend[];
  /** Sections the EHR could not give (the brief says so too). */
  unavailable: string[];
  model: { status: ModelBriefStatus; brief?: BriefView };
}

/** What `/view` answers: the session's data for the page, plus the launch context. */
export interface AppViewBody {
  patient: BannerView;
  showBanner: boolean;
  /** `user` and `encounter` are ids (`Type/id`, id); their names when the EHR let the app read them. */
  context: { encounter?: string; encounterName?: string; intent?: string; fhirContext: FhirContextItem[]; user?: string; userName?: string };
  brief: BriefView;
  modelBrief: ModelBriefStatus;
  findings: FindingView[];
  trends: Trend[];
  unavailable: string[];
  style?: Record<string, string>;
}

/** Why the page has no chart, in the clinician's words: the EHR's server failed us (502), relaunch. */
function chartLoadProblem(e: ChartLoadError): Problem {
  const why = e.kind === 'patient-unavailable' ? 'the EHR’s FHIR server did not return the patient' : 'the EHR’s FHIR server returned another patient';
  return problem('upstream-failed', `The chart could not be loaded: ${why}. Relaunch ChartBrief from the EHR.`, { title: 'ChartBrief could not open this chart' });
}

function isModelBrief(brief: Brief): boolean {
  return brief.provenance.provider !== 'embedded';
}

/** Loads the chart and computes the page's content; the model brief goes on in the background. */
export async function loadSessionData(input: { patientId: string; fhirServer: string; accessToken: string }, deps: AppDataDeps): Promise<Result<SessionData, Problem>> {
  const loaded = await deps.loadChart(input);
  if (!loaded.ok) return err(chartLoadProblem(loaded.error));
  const { chart } = loaded.value;
  const asOf = deps.now();
  const embedded = await deps.embedded.summarize(chart, { asOf });
  const data: SessionData = {
    chart,
    asOf,
    banner: bannerView(chart.patient, asOf),
    brief: briefView(embedded, chart),
    findings: deps.findings(chart, asOf).map((f) => findingView(f, chart)),
    trends: buildTrends(chart),
    unavailable: chart.unavailableSections().map((s) => s.section),
    model: { status: deps.model === undefined ? 'off' : 'computing' },
  };
  if (deps.model !== undefined) {
    deps.model.summarize(chart, { asOf }).then(
      (brief) => {
        data.model = isModelBrief(brief) ? { status: 'ready', brief: briefView(brief, chart) } : { status: 'failed' };
      },
      () => {
        data.model = { status: 'failed' };
      },
    );
  }
  return ok(data);
}

/** A cited resource, readable; undefined when the chart does not hold it (the app opens only its own chart). */
export function resourceFor(data: SessionData, ref: string): ResourceView | undefined {
  const resource = data.chart.get(ref);
  return resource === undefined ? undefined : renderResource(resource, data.chart);
}
