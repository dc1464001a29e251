import type { LoadedChart } from '../../src/chart/chart-load-result';
import type { ChartLoadError } from '../../src/chart/chart-load-result';
import type { SectionName, SectionStatus } from '../../src/chart/chart-sections';
import type { Result } from '../../src/result';

/** Small hand-made FHIR JSON for chart-loading tests (untyped on purpose: it stands for what an EHR sends). */

export const PID = 'pat-1';
export const OTHER = 'pat-2';

export const patient = (id = PID): Record<string, unknown> => ({ resourceType: 'Patient', id, gender: 'female', birthDate: '1950-01-01' });

export function condition(id: string, subject: string | null = `Patient/${PID}`, text = 'Hypertension'): Record<string, unknown> {
  return {
    resourceType: 'Condition',
    id,
    code: { text },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    ...(subject !== null && { subject: { reference: subject } }),
  };
}

export function searchset(...resources: unknown[]): Record<string, unknown> {
  return { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) };
}

export const operationOutcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: 'EHR query failed' }] };

/** The chart, or a test failure that says why there is none. */
export function chartOf(result: Result<LoadedChart, ChartLoadError>): LoadedChart {
  if (!result.ok) throw new Error(`expected a chart, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function sectionOf(loaded: LoadedChart, name: SectionName): SectionStatus {
  const section = loaded.chart.section(name);
  if (!section) throw new Error(`no section ${name}`);
  return section;
}
