import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { buildBriefCard, citationsInMarkdown } from '../../src/cards/brief-card';
import { cardProblems } from '../support/card-rules';
import { bundleRefs, chartFromBundle } from '../support/chart-builder';
import { fixturePatients, loadFixtureBundle } from '../support/synthea';

// Every Synthea patient in fixtures/, given as a hook's prefetch would give it: the embedded brief
// must say something real and cite only resources that are in that patient's bundle.

const AS_OF = new Date('2021-06-01T00:00:00Z');
const files = fixturePatients().map((p) => p.file);

it('finds the Synthea fixtures', () => {
  expect(files.length).toBeGreaterThanOrEqual(6);
});

describe.each(files)('the embedded brief of %s', (file) => {
  const bundle = loadFixtureBundle(file);
  const refs = bundleRefs(bundle);
  const brief = summarizeChart(chartFromBundle(bundle), AS_OF);
  const statements = [brief.headline, ...brief.sections.flatMap((s) => s.statements)];

  it('is not empty: a headline, problems, medications and results', () => {
    expect(brief.headline.text.length).toBeGreaterThan(0);
    expect(brief.headline.text.length).toBeLessThan(140);
    const names = brief.sections.filter((s) => s.statements.length > 0).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['problems', 'medications', 'allergies', 'labs', 'vitals']));
  });

  it('cites in every statement only resources of this bundle', () => {
    for (const s of statements) {
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.evidence.filter((ref) => !refs.has(ref))).toEqual([]);
    }
  });

  it('becomes a spec-valid card whose every citation resolves', () => {
    const card = buildBriefCard(brief, { appLaunchUrl: 'https://chartbrief.example.org/launch', uuid: () => 'u-1' });
    expect(cardProblems({ cards: [card] })).toEqual([]);
    const cited = citationsInMarkdown(card.detail ?? '');
    expect(cited.length).toBe(statements.reduce((n, s) => n + s.evidence.length, 0));
    expect(cited.filter((ref) => !refs.has(ref))).toEqual([]);
  });

  it('is the same brief when summarized again', () => {
    expect(JSON.stringify(summarizeChart(chartFromBundle(bundle), AS_OF))).toBe(JSON.stringify(brief));
  });
});
