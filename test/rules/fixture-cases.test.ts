import { findingCard } from '../../src/cards/finding-card';
import { KNOWLEDGE_VERSION } from '../../src/knowledge/knowledge-version';
import { cardProblems } from '../support/card-rules';
import { caseProblems, loadRuleCases, runCase } from '../support/rule-cases';

// Every fixture case under fixtures/cases: the findings it must and must not produce, grounded in
// its own request, as spec-valid cards. `npm run eval` prints the same runs as a table per rule.

const cases = loadRuleCases();

it('has fixture cases to run', () => {
  expect(cases.length).toBeGreaterThan(0);
});

describe.each(cases.map((c) => [c.name, c] as const))('case %s', (_name, c) => {
  it('produces the findings it must, none it must not, each cited from its request and valid as a card', async () => {
    const { run, requestRefs } = await runCase(c);
    expect(run.failedRules).toEqual([]);
    expect(caseProblems(c, run.findings)).toEqual([]);
    let n = 0;
    for (const f of run.findings) {
      expect(f.evidence.filter((ref) => !requestRefs.has(ref))).toEqual([]);
      const card = findingCard(f, { uuid: () => `u-${++n}`, knowledgeVersion: KNOWLEDGE_VERSION });
      expect(cardProblems({ cards: [card] })).toEqual([]);
    }
  });
});
