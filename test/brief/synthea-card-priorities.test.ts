import type { Bundle, FhirResource } from 'fhir/r4';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { highAlertOf } from '../../src/brief/embedded/medications';
import { selectResultSeries, seriesPriority } from '../../src/brief/embedded/results';
import { isSocialCondition } from '../../src/brief/embedded/social';
import { withoutSemanticTag } from '../../src/brief/embedded/fhir-values';
import { buildBriefCard } from '../../src/cards/brief-card';
import { citationsOfCard } from '../../src/cards/citations';
import type { Chart } from '../../src/chart/chart';
import { currentAllergies } from '../../src/chart/facts/allergies';
import { isActiveOrder } from '../../src/chart/facts/medication-orders';
import { SOCIAL_FINDINGS } from '../../src/clinical-codes/social-findings';
import { chartFromBundle } from '../support/chart-builder';
import { fixturePatients, loadFixtureBundle } from '../support/synthea';
import { bulkPatients } from '../support/synthea-bulk';

// Acceptance, for every Synthea patient of fixtures/ (the bundles and the bulk export), with the
// clock a few days after the patient's data ends: the brief CARD (not only its "+N more") shows
// the latest abnormal labs and vitals (up to 6), every severe allergy and every high-alert drug;
// no social or administrative finding is a problem or in the headline; detail carries markers,
// never identifiers.

const DAY_MS = 86_400_000;
const MAX_ABNORMAL = 6;

const patients: [string, Bundle<FhirResource>][] = [
  ...fixturePatients().map((p): [string, Bundle<FhirResource>] => [p.file.replace(/_[0-9a-f-]+\.json$/, ''), loadFixtureBundle(p.file)]),
  ...bulkPatients().map((p): [string, Bundle<FhirResource>] => [`bulk ${p.patientId}`, p.bundle]),
];

/** Three days after the patient's last encounter (or last recorded condition, for the bulk export without encounters). */
function asOfFor(chart: Chart): Date {
  const dates = [...chart.encounters.map((e) => e.period?.start), ...chart.conditions.map((c) => c.recordedDate ?? c.onsetDateTime)]
    .filter((d): d is string => typeof d === 'string')
    .map((d) => Date.parse(d))
    .filter(Number.isFinite);
  return new Date(Math.max(...dates) + 3 * DAY_MS);
}

function card(chart: Chart, asOf: Date): ReturnType<typeof buildBriefCard> {
  return buildBriefCard(summarizeChart(chart, asOf), { appLaunchUrl: 'https://chartbrief.example.org/launch', uuid: () => 'u-1' });
}

/** What the card must show (or must not call a problem), read from the chart. */
function mustShow(chart: Chart): { abnormal: ReturnType<typeof selectResultSeries>; severe: ReturnType<typeof currentAllergies>; highAlert: Chart['medications'][number][]; social: Chart['conditions'][number][] } {
  return {
    abnormal: [...selectResultSeries(chart, 'lab'), ...selectResultSeries(chart, 'vital')].filter((s) => seriesPriority(s) !== undefined),
    severe: currentAllergies(chart).filter((a) => a.severeReactions.length > 0 || a.highCriticality),
    highAlert: chart.medications.filter((m) => isActiveOrder(m.request) && highAlertOf(m) !== undefined),
    social: chart.conditions.filter(isSocialCondition),
  };
}

describe.each(patients)('the brief card of %s', (_name, bundle) => {
  const chart = chartFromBundle(bundle);
  const asOf = asOfFor(chart);
  const c = card(chart, asOf);
  const cited = new Set(citationsOfCard(c).refs);
  const must = mustShow(chart);

  it('shows the latest abnormal labs and vitals, up to 6, and counts the rest as abnormal', () => {
    const { abnormal } = must;
    const shown = abnormal.filter((s) => cited.has(s.latest.ref));
    expect(shown).toHaveLength(Math.min(abnormal.length, MAX_ABNORMAL));
    if (abnormal.length > MAX_ABNORMAL) expect(c.detail).toMatch(/\+\d+ more abnormal/);
  });

  it('shows every severe allergy (anaphylaxis, angioedema, SJS/TEN, or high criticality)', () => {
    expect(must.severe.map((a) => a.ref).filter((ref) => !cited.has(ref))).toEqual([]);
  });

  it('shows every active high-alert medication', () => {
    expect(must.highAlert.map((m) => `MedicationRequest/${m.request.id ?? ''}`).filter((ref) => !cited.has(ref))).toEqual([]);
  });

  it('names no social or administrative finding as a problem or in the headline', () => {
    const socialRefs = new Set(must.social.map((x) => `Condition/${x.id ?? ''}`));
    const brief = summarizeChart(chart, asOf);
    const problems = brief.sections.find((s) => s.name === 'problems')?.statements ?? [];
    expect(problems.flatMap((s) => s.evidence).filter((ref) => socialRefs.has(ref))).toEqual([]);
    expect(brief.headline.evidence.filter((ref) => socialRefs.has(ref))).toEqual([]);
    for (const row of SOCIAL_FINDINGS) expect(c.summary.toLowerCase()).not.toContain(withoutSemanticTag(row.display).toLowerCase());
  });

  it('cites by markers only: no resource identifier in the detail', () => {
    expect(citationsOfCard(c).problems).toEqual([]);
    expect(c.detail ?? '').not.toMatch(/\b(?:Condition|Observation|MedicationRequest|AllergyIntolerance|Patient)\/[A-Za-z0-9.-]+/);
  });
});

it('has something to check: abnormal results, a severe allergy, high-alert drugs and social findings', () => {
  const all = patients.map(([, bundle]) => mustShow(chartFromBundle(bundle)));
  const count = (pick: (m: ReturnType<typeof mustShow>) => readonly unknown[]): number => all.reduce((n, m) => n + pick(m).length, 0);
  expect(count((m) => m.abnormal)).toBeGreaterThan(20);
  expect(count((m) => m.severe)).toBeGreaterThanOrEqual(1);
  expect(count((m) => m.highAlert)).toBeGreaterThanOrEqual(5);
  expect(count((m) => m.social)).toBeGreaterThan(20);
});
