import type { Deadline } from '../deadline';
import type { Result } from '../result';
import type { ChartLoadError, LoadedChart } from './chart-load-result';
import type { FetchErrorEvent, FhirRestLimits } from './fhir-rest-source';
import { FhirRestSource } from './fhir-rest-source';
import type { ChartRequest } from './load-chart';
import { loadChartFrom } from './load-chart';
import { isRecord } from './json-shape';
import { PrefetchSource } from './prefetch-source';

/**
 * The chart loader with its adapters plugged in: the request's prefetch and the EHR's FHIR REST
 * API. Built once (server/compose.ts) with the deployment's limits, shared by hooks and the app.
 */

export interface ChartLoadInput extends ChartRequest {
  /** `fhirAuthorization.access_token` (or the app's token), sent as a bearer token to `fhirServer` only. */
  accessToken?: string;
  /** The hook's deadline: no FHIR request outlives it. The app passes none. */
  deadline?: Deadline;
}

export interface ChartLoaderOptions {
  limits?: Partial<FhirRestLimits>;
  /** Called for every failed or refused FHIR request (metrics); carries no URL, token or PHI. */
  onFetchError?: (e: FetchErrorEvent) => void;
}

export type ChartLoader = (input: ChartLoadInput) => Promise<Result<LoadedChart, ChartLoadError>>;

/** A loader that reads prefetch first and the FHIR server (within `options.limits`) for the rest. */
export function createChartLoader(options: ChartLoaderOptions = {}): ChartLoader {
  return (input) => {
    const remote =
      input.fhirServer === undefined
        ? undefined
        : FhirRestSource.create({
            fhirServer: input.fhirServer,
            ...(input.accessToken !== undefined && { accessToken: input.accessToken }),
            ...(options.limits !== undefined && { limits: options.limits }),
            ...(options.onFetchError !== undefined && { onFetchError: options.onFetchError }),
            ...(input.deadline !== undefined && { deadline: input.deadline }),
          });
    const prefetch = new PrefetchSource(isRecord(input.prefetch) ? input.prefetch : {});
    return loadChartFrom(input, { prefetch, ...(remote !== undefined && { remote }) });
  };
}

/** A chart with default limits, for tools and tests: `createChartLoader()` with per-call limits. */
export function loadChart(input: ChartLoadInput & ChartLoaderOptions): Promise<Result<LoadedChart, ChartLoadError>> {
  return createChartLoader(input)(input);
}
