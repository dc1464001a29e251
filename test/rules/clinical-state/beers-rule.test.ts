import type { MedicationRequest } from 'fhir/r4';
import { beersRule } from '../../../src/rules/clinical-state/beers-rule';
import { ChartBuilder } from '../../support/chart-builder';
import { daysAgo, draft, only, run } from './clinical-state-support';

// An 80-year-old woman at asOf (2026-06-01) unless said otherwise.
function elder(birthDate = '1946-03-01'): ChartBuilder {
  return new ChartBuilder({ birthDate, gender: 'female' });
}

function activeOrder(id: string, name: string, authoredOn?: string): MedicationRequest {
  return { resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: 'Patient/pat-1' }, medicationCodeableConcept: { text: name }, ...(authoredOn !== undefined && { authoredOn }) };
}

it('order-select: diphenhydramine for an 80-year-old is a warning with the Beers recommendation and an offer to remove it', () => {
  const f = only(run(beersRule, elder(), 'order-select', [draft('d1', 'diphenhydrAMINE Hydrochloride 25 MG Oral Capsule')]));
  expect(f).toMatchObject({
    ruleId: 'beers-criteria',
    topic: 'beers:MedicationRequest/d1',
    severity: 'warning',
    summary: 'Diphenhydramine at age 80: Beers 2023 — avoid (strongly anticholinergic).',
    evidence: ['MedicationRequest/d1', 'Patient/pat-1'],
    knowledge: ['beers/first-generation-antihistamine'],
    source: { label: 'AGS Beers Criteria® 2023' },
    selectionBehavior: 'at-most-one',
  });
  expect(f.detail).toContain('Avoid (quality of evidence moderate, strength strong)');
  expect(f.suggestions?.[0]?.actions[0]).toMatchObject({ type: 'delete', resourceId: 'MedicationRequest/d1' });
});

it('patient-view: an active first-generation antihistamine is info for review, without suggestions', () => {
  const f = only(run(beersRule, elder().medication({ id: 'm1', name: 'Chlorpheniramine Maleate 2 MG/ML Oral Solution' })));
  expect(f).toMatchObject({ severity: 'info', topic: 'beers:MedicationRequest/m1' });
  expect(f.suggestions).toBeUndefined();
});

it('applies from 65 only, and needs a full birth date and a living patient', () => {
  const order = [draft('d1', 'Lorazepam 1 MG Oral Tablet')];
  expect(only(run(beersRule, elder('1961-06-01'), 'order-sign', order)).knowledge).toEqual(['beers/benzodiazepine']);
  expect(run(beersRule, elder('1961-06-02'), 'order-sign', order)).toEqual([]);
  expect(run(beersRule, new ChartBuilder({ birthDate: '1946', gender: 'female' }), 'order-sign', order)).toEqual([]);
  expect(run(beersRule, new ChartBuilder({ birthDate: '1930-01-01', deceasedBoolean: true }), 'order-sign', order)).toEqual([]);
});

it('grades by strength alone where the 2023 quality grading is not quoted (long-acting sulfonylureas)', () => {
  const f = only(run(beersRule, elder(), 'order-sign', [draft('d1', 'Glyburide 5 MG Oral Tablet')]));
  expect(f.summary).toBe('Glyburide at age 80: Beers 2023 — avoid; prefer glipizide if a sulfonylurea is needed.');
  expect(f.detail).toContain('(strength strong)');
});

describe('NSAIDs: only without gastroprotection', () => {
  it('warns for a non-selective NSAID when no PPI or misoprostol is active or ordered', () => {
    const f = only(run(beersRule, elder(), 'order-sign', [draft('d1', 'Naproxen 500 MG Oral Tablet')]));
    expect(f.detail).toContain('No PPI or misoprostol is active or ordered.');
  });

  it('says nothing with an active PPI, with misoprostol ordered alongside, or for celecoxib', () => {
    expect(run(beersRule, elder().medication({ name: 'Omeprazole 20 MG Delayed Release Oral Capsule' }), 'order-sign', [draft('d1', 'Naproxen 500 MG Oral Tablet')])).toEqual([]);
    expect(run(beersRule, elder(), 'order-sign', [draft('d1', 'Naproxen 500 MG Oral Tablet'), draft('d2', 'Misoprostol 200 MCG Oral Tablet')])).toEqual([]);
    expect(run(beersRule, elder(), 'order-sign', [draft('d1', 'Celecoxib 200 MG Oral Capsule')])).toEqual([]);
  });

  it('ketorolac is "avoid" whatever the co-therapy', () => {
    const f = only(run(beersRule, elder().medication({ name: 'Omeprazole 20 MG Delayed Release Oral Capsule' }), 'order-sign', [draft('d1', 'Ketorolac 10 MG Oral Tablet')]));
    expect(f.knowledge).toEqual(['beers/indomethacin-ketorolac']);
  });
});

describe('PPIs: scheduled use beyond 8 weeks', () => {
  it('notes an active PPI ordered more than 8 weeks ago, with its start', () => {
    const f = only(run(beersRule, elder().resource(activeOrder('ppi', 'Omeprazole 20 MG Delayed Release Oral Capsule', daysAgo(100)))));
    expect(f).toMatchObject({ severity: 'info', knowledge: ['beers/ppi-over-8-weeks'] });
    expect(f.detail).toContain(`Ordered since ${daysAgo(100).slice(0, 10)}, more than 8 weeks ago.`);
  });

  it('says nothing for a recent, undated or unreadably dated PPI, or a new PPI order', () => {
    expect(run(beersRule, elder().resource(activeOrder('ppi', 'Omeprazole 20 MG Delayed Release Oral Capsule', daysAgo(30))))).toEqual([]);
    expect(run(beersRule, elder().resource(activeOrder('ppi', 'Omeprazole 20 MG Delayed Release Oral Capsule')))).toEqual([]);
    expect(run(beersRule, elder().resource(activeOrder('ppi', 'Omeprazole 20 MG Delayed Release Oral Capsule', '2021-13-45')))).toEqual([]);
    expect(run(beersRule, elder(), 'order-sign', [draft('d1', 'Omeprazole 20 MG Delayed Release Oral Capsule')])).toEqual([]);
  });

  it('says nothing for high-risk patients: oral corticosteroid, or Barrett oesophagus on the problem list', () => {
    const ppi = activeOrder('ppi', 'Omeprazole 20 MG Delayed Release Oral Capsule', daysAgo(100));
    expect(run(beersRule, elder().resource(ppi).medication({ name: 'Prednisone 10 MG Oral Tablet' }))).toEqual([]);
    expect(run(beersRule, elder().resource(ppi).condition({ snomed: '302914006', display: "Barrett's esophagus" }))).toEqual([]);
    expect(run(beersRule, elder().resource(ppi).condition({ snomed: '302914006', display: "Barrett's esophagus", status: 'resolved' }))).toHaveLength(1);
  });
});

it('says nothing for drugs not on the list', () => {
  expect(run(beersRule, elder(), 'order-sign', [draft('d1', 'Lisinopril 10 MG Oral Tablet')])).toEqual([]);
});
