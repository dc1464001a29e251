import type { Bundle, FhirResource, Observation } from 'fhir/r4';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { LATEST_ENCOUNTER_DAYS_AGO, shiftDateText, shiftDaysFor, shiftResource } from '../../sandbox/fixtures/date-shift';
import { loadSandboxSeed } from '../../sandbox/fixtures/seed';
import { chartFromBundle } from '../support/chart-builder';

// The sandbox EHR moves each fixture patient's record so it reads as of today: one whole-day shift
// per patient, every date alike, the latest encounter a few days ago.

const NOW = new Date('2026-12-05T10:00:00Z');

describe('sandbox date shift', () => {
  it('moves dates, dateTimes and instants by whole days and keeps their precision and zone', () => {
    expect(shiftDateText('2021-03-01', 10)).toBe('2021-03-11');
    expect(shiftDateText('2020-12-30T08:15:00-05:00', 3)).toBe('2021-01-02T08:15:00-05:00');
    expect(shiftDateText('2019-05-31T22:01:02.123Z', 1)).toBe('2019-06-01T22:01:02.123Z');
    expect(shiftDateText('2021-03', 31)).toBe('2021-04');
    expect(shiftDateText('not a date', 5)).toBe('not a date');
    expect(shiftDateText('2021', 400)).toBe('2021');
  });

  it('puts the latest encounter a few days before now', () => {
    const resources: FhirResource[] = [
      { resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB' }, period: { start: '2021-03-01T09:00:00Z' } },
      { resourceType: 'Encounter', id: 'e2', status: 'finished', class: { code: 'AMB' }, period: { start: '2021-05-10T09:00:00Z' } },
    ];
    const days = shiftDaysFor(resources, NOW);
    const latest = shiftResource(resources[1] as FhirResource, days);
    expect(latest.resourceType === 'Encounter' && latest.period?.start).toBe(new Date(Date.UTC(2026, 11, 5 - LATEST_ENCOUNTER_DAYS_AGO, 9)).toISOString().replace('.000', ''));
    expect(shiftDaysFor([], NOW)).toBe(0);
  });

  it('leaves ids, references and code systems alone', () => {
    const obs: Observation = { resourceType: 'Observation', id: '2021-01-01', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] }, subject: { reference: 'Patient/2021-01-01' }, effectiveDateTime: '2021-01-01' };
    const moved = shiftResource(obs, 2);
    expect(moved).toMatchObject({ id: '2021-01-01', subject: { reference: 'Patient/2021-01-01' }, effectiveDateTime: '2021-01-03' });
  });

  it("shows Clarine O'Keefe's labs as recent in the sandbox", () => {
    const seed = loadSandboxSeed(NOW);
    const clarine = seed.patients.find((p) => p.name.startsWith('Clarine'));
    expect(clarine?.shiftedDays).toBeGreaterThan(365);
    const own = seed.resources.filter((r) => r.id === clarine?.id || JSON.stringify(r).includes(`Patient/${clarine?.id ?? ''}`));
    const bundle: Bundle<FhirResource> = { resourceType: 'Bundle', type: 'collection', entry: own.map((resource) => ({ resource })) };
    const brief = summarizeChart(chartFromBundle(bundle), NOW);
    const text = JSON.stringify(brief);
    expect(text).not.toContain('No labs in the last 12 months');
    expect(brief.sections.find((s) => s.name === 'labs')?.statements.length ?? 0).toBeGreaterThan(0);
  });
});
