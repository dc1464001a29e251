import { citationsOfCard } from '../../src/cards/citations';
import { findingCard } from '../../src/cards/finding-card';
import type { Finding } from '../../src/rules/rule';
import { cardProblems } from '../support/card-rules';

const base: Finding = {
  ruleId: 'drug-interaction',
  topic: 'ddi:warfarin+ibuprofen',
  severity: 'critical',
  summary: 'Ibuprofen + warfarin: major bleeding risk. Consider acetaminophen.',
  detail: 'Warfarin is active (MedicationRequest/m1).',
  evidence: ['MedicationRequest/m1', 'MedicationRequest/draft-1'],
  source: { label: 'ONC high-priority DDI list (Phansalkar 2012)', url: 'https://doi.org/10.1136/amiajnl-2011-000612' },
  knowledge: ['onc-hp-warfarin-nsaid'],
  suggestions: [{ label: 'Remove ibuprofen order', isRecommended: true, actions: [{ type: 'delete', description: 'Remove the draft ibuprofen order', resourceId: 'MedicationRequest/draft-1' }] }],
};

let n = 0;
const options = { uuid: (): string => `uuid-${++n}`, knowledgeVersion: '2026.11.26' };

it('makes a spec-valid card citing the evidence, the rule and the knowledge version', () => {
  const card = findingCard(base, options);
  expect(cardProblems({ cards: [card] })).toEqual([]);
  expect(card.indicator).toBe('critical');
  expect(card.detail).toContain('drug-interaction');
  expect(card.detail).toContain('2026.11.26');
  expect(card.source).toEqual(base.source);
});

it('cites its evidence with markers numbered from 1 in first-use order, the identifiers in the extension', () => {
  const card = findingCard(base, options);
  expect(card.detail).toBe('Warfarin is active [1].\n\nBased on [2].\n\n_Rule `drug-interaction` · knowledge 2026.11.26_');
  expect(card.extension).toEqual({ 'chartbrief.citations': { '1': ['MedicationRequest/m1'], '2': ['MedicationRequest/draft-1'] } });
  expect(citationsOfCard(card)).toEqual({ refs: ['MedicationRequest/m1', 'MedicationRequest/draft-1'], problems: [] });
  expect(card.summary).not.toMatch(/\[\d+\]/);
});

it('cites every reference of the text and leaves no identifier in it', () => {
  const detail = '- **Digoxin** (new order; MedicationRequest/d1) with **Cyclosporine** (active since 2020-03-05; MedicationRequest/c1).\n- Digoxin level 0.7 ng/mL on 2020-03-28 (Observation/o1).';
  const card = findingCard({ ...base, detail, evidence: ['MedicationRequest/d1', 'MedicationRequest/c1', 'Observation/o1'] }, options);
  expect(card.detail).toMatch(/^- \*\*Digoxin\*\* \(new order\) \[1\] with \*\*Cyclosporine\*\* \(active since 2020-03-05\) \[2\]\.\n- Digoxin level 0\.7 ng\/mL on 2020-03-28 \[3\]\.\n\n_Rule/);
  expect(card.detail).not.toMatch(/Based on|MedicationRequest\/|Observation\//);
  expect(citationsOfCard(card).refs).toEqual(['MedicationRequest/d1', 'MedicationRequest/c1', 'Observation/o1']);
});

it('leaves the extension out when there is nothing to cite', () => {
  const card = findingCard({ ...base, evidence: [] }, options);
  expect(card.extension).toBeUndefined();
  expect(card.detail).not.toContain('Based on');
  expect(cardProblems({ cards: [card] })).toEqual([]);
});

it('gives suggestions their own uuid and a selection behaviour, at-most-one unless the finding says otherwise', () => {
  const card = findingCard(base, options);
  expect(card.selectionBehavior).toBe('at-most-one');
  expect(card.suggestions?.[0]).toMatchObject({ label: 'Remove ibuprofen order', isRecommended: true });
  expect(card.suggestions?.[0]?.uuid).toMatch(/^uuid-/);
  expect(findingCard({ ...base, selectionBehavior: 'any' }, options).selectionBehavior).toBe('any');
});

it('offers override reasons on warnings and critical cards only', () => {
  expect(findingCard(base, options).overrideReasons?.map((r) => r.display)).toContain('Benefit outweighs risk');
  const info = findingCard({ ...base, severity: 'info', suggestions: [] }, options);
  expect(info.overrideReasons).toBeUndefined();
  expect(info.suggestions).toBeUndefined();
  expect(cardProblems({ cards: [info] })).toEqual([]);
});

it('keeps the summary under 140 characters', () => {
  const card = findingCard({ ...base, summary: 'Very long finding '.repeat(20), source: { label: 'x' } }, options);
  expect(card.summary.length).toBeLessThan(140);
  expect(card.source).toEqual({ label: 'x' });
});
