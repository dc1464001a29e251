import type { Bundle, BundleEntry, FhirResource, Patient } from 'fhir/r4';
import type { Brief, BriefSectionName, Statement } from '../../src/brief/brief';
import { CARD_DETAIL_LINES, detailLineCount, FULL_LIMITS } from '../../src/brief/embedded/bounds';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { buildBriefCard } from '../../src/cards/brief-card';
import { citationsOfCard } from '../../src/cards/citations';
import { buildChart } from '../../src/chart/build-chart';
import type { Chart } from '../../src/chart/chart';
import { CHART_SECTIONS, type SectionInput, type SectionName } from '../../src/chart/chart-sections';
import { cardProblems } from '../support/card-rules';
import { bundleRefs, chartFromBundle, sectionOf } from '../support/chart-builder';
import { fixturePatients, loadFixtureBundle } from '../support/synthea';

// Every Synthea patient in fixtures/, given as a hook's prefetch would give it: the embedded brief
// (the card's and the app's full one) must say something real, cite only resources that are in
// that patient's bundle, fit the sidebar, and say nothing about a section the chart lacks.

const AS_OF = new Date('2021-06-01T00:00:00Z');
const files = fixturePatients().map((p) => p.file);
const card = (brief: Brief) => buildBriefCard(brief, { appLaunchUrl: 'https://chartbrief.example.org/launch', uuid: () => 'u-1' });

function statementsOf(brief: Brief): Statement[] {
  return [brief.headline, ...brief.sections.flatMap((s) => s.statements)];
}

function nonBlankLines(markdown: string): number {
  return markdown.split('\n').filter((l) => l.trim() !== '').length;
}

/** The chart from a bundle with one section not provided (as when the EHR's prefetch leaves it out and no FHIR access is given). */
function chartWithout(bundle: Bundle<FhirResource>, missing: SectionName): { chart: Chart; removed: Set<string> } {
  const patient = (bundle.entry ?? []).map((e) => e.resource).find((r): r is Patient => r?.resourceType === 'Patient');
  const bySection = new Map<SectionName, BundleEntry<FhirResource>[]>();
  const removed = new Set<string>();
  for (const e of bundle.entry ?? []) {
    const section = e.resource ? sectionOf(e.resource) : undefined;
    if (!e.resource || !section) continue;
    if (section === missing) removed.add(`${e.resource.resourceType}/${e.resource.id ?? ''}`);
    else bySection.set(section, [...(bySection.get(section) ?? []), e]);
  }
  const inputs = CHART_SECTIONS.filter((name) => name !== missing).map(
    (name): SectionInput => ({
      section: name,
      state: 'complete',
      source: 'prefetch',
      documents: [{ resourceType: 'Bundle', type: 'searchset', entry: bySection.get(name) ?? [] }],
    }),
  );
  const built = buildChart(patient?.id ?? '', inputs);
  if (!built.ok) throw new Error(`chart did not build: ${built.error.kind}`);
  return { chart: built.value.chart, removed };
}

/** The brief section that states what a chart section holds (social history and surveys have none: they feed the rules). */
const BRIEF_SECTION: Record<Exclude<SectionName, 'patient' | 'immunizations' | 'socialHistory' | 'surveys'>, BriefSectionName> = {
  conditions: 'problems',
  medications: 'medications',
  allergies: 'allergies',
  labs: 'labs',
  vitals: 'vitals',
  encounters: 'encounters',
  procedures: 'procedures',
};

it('finds the Synthea fixtures', () => {
  expect(files.length).toBeGreaterThanOrEqual(6);
});

describe.each(files)('the embedded brief of %s', (file) => {
  const bundle = loadFixtureBundle(file);
  const refs = bundleRefs(bundle);
  const brief = summarizeChart(chartFromBundle(bundle), AS_OF);
  const full = summarizeChart(chartFromBundle(bundle), AS_OF, FULL_LIMITS);

  it('is not empty: a headline, problems, medications and results; the full brief adds encounters and procedures', () => {
    expect(brief.headline.text.length).toBeGreaterThan(0);
    expect(brief.headline.text.length).toBeLessThan(140);
    expect(full.headline.text.length).toBeLessThan(140);
    const names = brief.sections.filter((s) => s.statements.length > 0).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['problems', 'medications', 'allergies', 'labs', 'vitals']));
    const fullNames = full.sections.filter((s) => s.statements.length > 0).map((s) => s.name);
    expect(fullNames).toEqual(expect.arrayContaining(['problems', 'medications', 'allergies', 'labs', 'vitals', 'encounters', 'procedures']));
  });

  it('cites in every statement only resources of this bundle, card and full brief alike', () => {
    for (const s of [...statementsOf(brief), ...statementsOf(full)]) {
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.evidence.filter((ref) => !refs.has(ref))).toEqual([]);
    }
  });

  it('states each trend from two observations of this bundle, the latest first', () => {
    const results = full.sections.filter((s) => s.name === 'labs' || s.name === 'vitals').flatMap((s) => s.statements);
    const trends = results.filter((s) => s.text.includes('→'));
    expect(trends.length).toBeGreaterThan(0);
    for (const s of trends) {
      expect(s.text).toMatch(/^.+ \S+ → \S+.* over \d+ (day|week|month|year)s? \(/);
      expect(s.evidence).toHaveLength(2);
      expect(new Set(s.evidence).size).toBe(2);
      for (const ref of s.evidence) expect(ref.startsWith('Observation/') && refs.has(ref)).toBe(true);
    }
  });

  it('becomes a spec-valid card within the sidebar line budget whose every citation resolves', () => {
    const c = card(brief);
    expect(cardProblems({ cards: [c] })).toEqual([]);
    // The budget counts the headline, which the card shows as its summary, not in detail.
    expect(nonBlankLines(c.detail ?? '')).toBeLessThanOrEqual(CARD_DETAIL_LINES - 1);
    expect(nonBlankLines(c.detail ?? '')).toBe(detailLineCount(brief) - 1);
    const { refs: cited, problems } = citationsOfCard(c);
    expect(problems).toEqual([]);
    expect(new Set(cited)).toEqual(new Set(brief.sections.flatMap((s) => s.statements.flatMap((st) => st.evidence))));
    expect(cited.filter((ref) => !refs.has(ref))).toEqual([]);
  });

  it('fits the full brief into the same card budget when a card is built from it', () => {
    const c = card(full);
    expect(nonBlankLines(c.detail ?? '')).toBeLessThanOrEqual(CARD_DETAIL_LINES);
    expect(c.detail).not.toMatch(/Recent encounters|Procedures/);
    const { refs: cited, problems } = citationsOfCard(c);
    expect(problems).toEqual([]);
    expect(cited.filter((ref) => !refs.has(ref))).toEqual([]);
  });

  it('is the same brief, byte for byte, when summarized again', () => {
    expect(JSON.stringify(summarizeChart(chartFromBundle(bundle), AS_OF))).toBe(JSON.stringify(brief));
    expect(JSON.stringify(summarizeChart(chartFromBundle(bundle), AS_OF, FULL_LIMITS))).toBe(JSON.stringify(full));
    expect(card(summarizeChart(chartFromBundle(bundle), AS_OF)).detail).toBe(card(brief).detail);
  });

  it.each(Object.entries(BRIEF_SECTION))('says nothing from the %s section when the chart lacks it, and says it is unavailable', (missing, name) => {
    const { chart, removed } = chartWithout(bundle, missing as SectionName);
    const without = summarizeChart(chart, AS_OF, FULL_LIMITS);
    expect(without.sections.find((s) => s.name === name)).toBeUndefined();
    for (const s of statementsOf(without)) expect(s.evidence.filter((ref) => removed.has(ref))).toEqual([]);
    const unavailable = without.sections.find((s) => s.name === 'unavailable')?.statements ?? [];
    expect(unavailable.map((s) => s.text)).toContainEqual(expect.stringMatching(/ unavailable: not provided$/));
    if (missing === 'conditions') expect(without.headline.text).toContain('problems unavailable');
    if (missing === 'medications') expect(without.headline.text).toContain('medications unavailable');
    if (missing === 'labs') {
      const labWords = /creatinine|egfr|potassium|sodium|glucose|hba1c|hemoglobin|platelets|inr|ldl|albumin|alt|tsh|bnp|wbc|labs? /i;
      const stated = without.sections.filter((s) => s.name !== 'unavailable').flatMap((s) => s.statements);
      expect(stated.filter((s) => s.evidence.some((ref) => ref.startsWith('Observation/')) && labWords.test(s.text))).toEqual([]);
    }
  });
});
