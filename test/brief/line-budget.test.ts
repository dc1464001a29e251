import type { Brief, BriefSection, BriefSectionName } from '../../src/brief/brief';
import { CARD_DETAIL_LINES, CARD_LIMITS, detailLineCount, fitToLineBudget, FULL_LIMITS, sectionLimit } from '../../src/brief/embedded/bounds';
import { EmbeddedSummarizer, summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { withSection } from '../../src/brief/embedded/sections';
import { briefMarkdown, buildBriefCard } from '../../src/cards/brief-card';
import { ChartBuilder } from '../support/chart-builder';

const AS_OF = new Date('2024-06-01T12:00:00Z');

function section(name: BriefSectionName, count: number): BriefSection {
  const statements = Array.from({ length: count }, (_, i) => ({ text: `${name} ${i + 1}`, evidence: [`Condition/${name}-${i + 1}`] }));
  return { name, title: name, statements };
}

function brief(...sections: BriefSection[]): Brief {
  return { headline: { text: '70 F', evidence: ['Patient/p1'] }, sections, provenance: { provider: 'embedded' } };
}

const cardQuota = (name: BriefSectionName): number => sectionLimit(CARD_LIMITS, name);

function kept(b: Brief): Record<string, [number, number]> {
  return Object.fromEntries(b.sections.map((s) => [s.name, [s.statements.length, s.omitted ?? 0]]));
}

/** A busy chart: many problems, drugs, allergies, labs and vitals. */
function busyChart(): ChartBuilder {
  const b = new ChartBuilder({ id: 'p1', birthDate: '1950-01-01', gender: 'male' });
  for (let i = 0; i < 12; i++) b.condition({ id: `c${i}`, snomed: String(2000000 + i), display: `Problem ${i} (disorder)`, onset: `2010-01-${10 + i}` });
  for (let i = 0; i < 12; i++) b.medication({ id: `m${i}`, name: `Drug ${i} 10 MG Oral Tablet`, dosage: '1 tablet daily' });
  for (let i = 0; i < 6; i++) b.allergy({ id: `a${i}`, display: `Allergen ${i}`, reaction: 'Hives' });
  const labs = ['2160-0', '2823-3', '2951-2', '2345-7', '718-7', '777-3'];
  labs.forEach((loinc, i) => b.observation({ id: `l${i}`, loinc, value: 1 + i, unit: 'mg/dL', date: '2024-05-01' }));
  b.observation({ id: 'hr', loinc: '8867-4', value: 72, unit: '/min', date: '2024-05-01', category: 'vital-signs' });
  b.observation({ id: 'bmi', loinc: '39156-5', value: 31, unit: 'kg/m2', date: '2024-05-01', category: 'vital-signs' });
  return b;
}

describe('the card line budget', () => {
  it('shares lines round-robin in section order, each section up to its quota, counting what it leaves out', () => {
    const fitted = fitToLineBudget(
      brief(section('problems', 10), section('medications', 10), section('allergies', 5), section('labs', 8), section('vitals', 5)),
      CARD_DETAIL_LINES,
      cardQuota,
    );
    expect(kept(fitted)).toEqual({ problems: [3, 7], medications: [3, 7], allergies: [2, 3], labs: [3, 5], vitals: [1, 4] });
    expect(detailLineCount(fitted)).toBe(CARD_DETAIL_LINES);
  });

  it('gives lines a short section does not need to the others', () => {
    const fitted = fitToLineBudget(brief(section('problems', 10), section('medications', 2), section('allergies', 1)), CARD_DETAIL_LINES, cardQuota);
    expect(kept(fitted)).toEqual({ problems: [4, 6], medications: [2, 0], allergies: [1, 0] });
  });

  it('never cuts what the chart could not provide, and hides sections whose card quota is 0', () => {
    const fitted = fitToLineBudget(
      brief(section('problems', 10), section('medications', 10), section('encounters', 5), section('unavailable', 6), section('labs', 3)),
      10,
      cardQuota,
    );
    expect(kept(fitted)).toEqual({ problems: [0, 10], medications: [0, 10], unavailable: [6, 0] });
    expect(detailLineCount(fitted)).toBe(1 + 3 + 6);
    const markdown = briefMarkdown(fitted);
    expect(markdown).toContain('**problems** (10 in the full brief)');
    // The headline line of the budget is the card's summary, not a line of detail.
    expect(markdown.split('\n').filter((l) => l.trim() !== '')).toHaveLength(detailLineCount(fitted) - 1);
  });

  it('keeps a busy chart card within 18 lines, and a card built from the full brief too', () => {
    const chart = busyChart().build();
    const card = summarizeChart(chart, AS_OF);
    expect(detailLineCount(card)).toBeLessThanOrEqual(CARD_DETAIL_LINES);
    const detail = buildBriefCard(summarizeChart(chart, AS_OF, FULL_LIMITS), { appLaunchUrl: 'https://x.example/launch', uuid: () => 'u' }).detail ?? '';
    expect(detail.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(CARD_DETAIL_LINES);
    expect(detail).toContain('**Active problems** (+');
  });

  it('a brief that fits is not changed', () => {
    const small = brief(section('problems', 2), section('medications', 1));
    expect(fitToLineBudget(small, CARD_DETAIL_LINES, cardQuota)).toEqual(small);
  });
});

describe('the care-gaps extension point', () => {
  const gap = (refs: string[]): BriefSection => ({
    name: 'care-gaps',
    title: 'Care gaps',
    statements: [{ text: 'No HbA1c in the last 6 months', evidence: refs }],
  });

  it('places a care-gaps section from outside after the results, keeping only statements grounded in the chart', () => {
    const chart = busyChart().build();
    const grounded = gap(['Patient/p1', 'Condition/c1']);
    const ungrounded: BriefSection = { name: 'care-gaps', title: 'Care gaps', statements: [{ text: 'Made up', evidence: ['Observation/nope'] }, { text: 'Uncited', evidence: [] }] };
    const full = summarizeChart(chart, AS_OF, FULL_LIMITS, { extraSections: [grounded, ungrounded] });
    expect(full.sections.map((s) => s.name)).toEqual(['problems', 'medications', 'allergies', 'labs', 'vitals', 'care-gaps', 'encounters', 'procedures']);
    expect(full.sections.find((s) => s.name === 'care-gaps')?.statements).toEqual(grounded.statements);
  });

  it('reaches the card through EmbeddedSummarizer options, within the line budget', async () => {
    const summarizer = new EmbeddedSummarizer({ extraSections: () => [gap(['Patient/p1'])] });
    const card = await summarizer.summarize(busyChart().build(), { asOf: AS_OF });
    expect(card.sections.find((s) => s.name === 'care-gaps')?.statements).toHaveLength(1);
    expect(detailLineCount(card)).toBeLessThanOrEqual(CARD_DETAIL_LINES);
  });

  it('withSection adds a section to a finished brief in section order, merging one of the same name', () => {
    const b = withSection(brief(section('problems', 1), section('unavailable', 1)), gap(['Patient/p1']));
    expect(b.sections.map((s) => s.name)).toEqual(['problems', 'care-gaps', 'unavailable']);
    const merged = withSection(b, gap(['Patient/p1']));
    expect(merged.sections.find((s) => s.name === 'care-gaps')?.statements).toHaveLength(2);
  });
});
