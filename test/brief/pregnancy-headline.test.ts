import type { Observation } from 'fhir/r4';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { ChartBuilder } from '../support/chart-builder';
import { pregnancyStatusObservation } from '../support/pregnancy-status';

// The brief says "pregnant" on the chart-facts decision (src/chart/facts/pregnancy.ts), never on a
// stale problem-list entry: a pregnancy recorded in 2020 is not "pregnant" in a 2026 headline.

const AS_OF = new Date('2026-06-01T12:00:00Z');

function woman(): ChartBuilder {
  return new ChartBuilder({ id: 'p1', birthDate: '1994-02-01', gender: 'female' }).condition({ id: 'htn', snomed: '38341003', display: 'Hypertension', onset: '2022-05-01' });
}

function pregnancyStatus(id: string, date: string): Observation {
  return pregnancyStatusObservation({ id, patientId: 'p1', date });
}

function edd(id: string, recorded: string, due: string): Observation {
  const { valueCodeableConcept: _status, ...rest } = pregnancyStatus(id, recorded);
  return { ...rest, code: { coding: [{ system: 'http://loinc.org', code: '11778-8' }] }, valueDateTime: due };
}

describe('pregnancy in the brief', () => {
  it('a 2020 pregnancy left active is "not current" in the problem list and absent from the headline', () => {
    const chart = woman().condition({ id: 'preg2020', snomed: '72892002', display: 'Normal pregnancy', onset: '2020-03-02' }).build();
    const brief = summarizeChart(chart, AS_OF);
    expect(brief.headline.text).toBe('32 F · HTN');
    const problems = brief.sections.find((s) => s.name === 'problems')?.statements ?? [];
    expect(problems.map((s) => s.text)).toEqual(['Hypertension (since 2022-05-01)', 'Normal pregnancy (since 2020-03-02, not current)']);
  });

  it('a current pregnancy leads the headline with the weeks its EDD gives, citing what says so', () => {
    const chart = woman().condition({ id: 'preg', snomed: '72892002', display: 'Normal pregnancy', onset: '2026-03-20' }).resource(edd('edd', '2026-04-10', '2026-11-01')).build();
    const brief = summarizeChart(chart, AS_OF);
    expect(brief.headline.text).toBe('32 F · pregnant, 18 wk · HTN');
    expect(brief.headline.evidence).toEqual(['Patient/p1', 'Condition/preg', 'Observation/edd', 'Condition/htn']);
    const problems = brief.sections.find((s) => s.name === 'problems')?.statements.map((s) => s.text);
    expect(problems).toEqual(['Normal pregnancy (since 2026-03-20)', 'Hypertension (since 2022-05-01)']);
  });

  it('a pregnancy status alone (no problem-list entry) says "pregnant"', () => {
    const brief = summarizeChart(woman().resource(pregnancyStatus('ps', '2026-05-20')).build(), AS_OF);
    expect(brief.headline.text).toBe('32 F · pregnant · HTN');
    expect(brief.headline.evidence).toEqual(['Patient/p1', 'Observation/ps', 'Condition/htn']);
  });

  it('missing social-history and survey sections are not "missing from this brief": the brief does not list them', () => {
    const chart = woman().section('socialHistory', { state: 'missing', source: 'none', reason: 'not prefetched and no fhirServer' }).section('surveys', { state: 'missing', source: 'none', reason: 'not prefetched' }).build();
    expect(summarizeChart(chart, AS_OF).sections.map((s) => s.name)).not.toContain('unavailable');
  });
});
