import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { buildBriefCard } from '../../src/cards/brief-card';
import { citationsOfCard, identifiersInText, identifierShare } from '../../src/cards/citations';
import { findingCard } from '../../src/cards/finding-card';
import type { CdsCard } from '../../src/cds/cds-types';
import { KNOWLEDGE_VERSION } from '../../src/knowledge/knowledge-version';
import { cardProblems } from '../support/card-rules';
import { bundleRefs, chartFromBundle } from '../support/chart-builder';
import { loadRuleCases, runCase } from '../support/rule-cases';
import { fixturePatients, loadFixtureBundle } from '../support/synthea';

// Citations must not crowd a card: at most 10% of the characters of summary + detail may be
// `Type/id` identifiers (the builders leave none), and every citation resolves to a resource of the
// request. Checked on the rule cards of every fixture case and the brief card of every Synthea patient.

const MAX_IDENTIFIER_SHARE = 0.1;

/** What is wrong with a card's citations, given the `Type/id`s its request carried. */
function citationFaults(card: CdsCard, requestRefs: ReadonlySet<string>): string[] {
  const { refs, problems } = citationsOfCard(card);
  const unresolved = refs.filter((ref) => !requestRefs.has(ref)).map((ref) => `cites ${ref}, not in the request`);
  const share = identifierShare(card);
  const crowded = share > MAX_IDENTIFIER_SHARE ? [`identifiers are ${(share * 100).toFixed(1)}% of the text`] : [];
  return [...problems, ...unresolved, ...crowded];
}

describe.each(loadRuleCases().map((c) => [c.name, c] as const))('the rule cards of case %s', (_name, c) => {
  it('cite every piece of evidence by marker, leave no evidence identifier in the text, and resolve every citation', async () => {
    const { run, requestRefs } = await runCase(c);
    let n = 0;
    for (const f of run.findings) {
      const card = findingCard(f, { uuid: () => `u-${++n}`, knowledgeVersion: KNOWLEDGE_VERSION });
      expect(citationFaults(card, requestRefs)).toEqual([]);
      expect(identifiersInText(card).filter((id) => f.evidence.includes(id))).toEqual([]);
      expect(new Set(citationsOfCard(card).refs)).toEqual(new Set(f.evidence));
      expect(cardProblems({ cards: [card] })).toEqual([]);
    }
  });
});

describe.each(fixturePatients().map((p) => [p.file, p] as const))('the brief card of %s', (_file, patient) => {
  it('cites every statement by marker, has no identifier in its text, and resolves every citation to the bundle', () => {
    const bundle = loadFixtureBundle(patient.file);
    const card = buildBriefCard(summarizeChart(chartFromBundle(bundle), new Date('2021-06-01T00:00:00Z')), { appLaunchUrl: 'https://x.example/launch', uuid: () => 'u' });
    expect(citationFaults(card, bundleRefs(bundle))).toEqual([]);
    expect(identifiersInText(card)).toEqual([]);
    expect(citationsOfCard(card).refs.length).toBeGreaterThan(3);
  });
});
