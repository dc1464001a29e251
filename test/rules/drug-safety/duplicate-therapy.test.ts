import { duplicateTherapyRule } from '../../../src/rules/drug-safety/duplicate-therapy';
import { active, chartOf, draft, run } from './drug-safety-test-kit';

// duplicate-therapy: a draft in the same therapeutic group as an active order or an earlier draft,
// or with the same ingredient (a duplicate order). One card per draft.

const NAPROXEN = active('nap', '849574', 'Naproxen sodium 220 MG Oral Tablet');
const IBUPROFEN = draft('ibu', '197805', 'Ibuprofen 400 MG Oral Tablet');

describe('duplicate-therapy', () => {
  it('warns about two NSAIDs and offers to remove the draft', () => {
    const [f] = run(duplicateTherapyRule, 'order-sign', chartOf([NAPROXEN]), [IBUPROFEN]);
    expect(f).toMatchObject({
      topic: 'duplicate:MedicationRequest/ibu',
      severity: 'warning',
      summary: 'Ibuprofen + naproxen: two NSAIDs. Remove one.',
      evidence: ['MedicationRequest/ibu', 'MedicationRequest/nap'],
      knowledge: ['duplicate-group:nsaids'],
    });
    expect(f?.suggestions).toEqual([expect.objectContaining({ label: 'Remove ibuprofen order', isRecommended: true })]);
  });

  it.each([
    ['two statins', active('ator', '259255', 'Atorvastatin 80 MG Oral Tablet'), draft('simva', '312961', 'Simvastatin 20 MG Oral Tablet'), 'two statins'],
    ['an ACE inhibitor with an ARB', active('lis', '314076', 'Lisinopril 10 MG Oral Tablet'), draft('los', '979485', 'Losartan Potassium 50 MG Oral Tablet'), 'two ACE inhibitors/ARBs'],
  ])('warns about %s', (_name, existing, drafted, text) => {
    const [f] = run(duplicateTherapyRule, 'order-select', chartOf([existing]), [drafted]);
    expect(f?.summary).toContain(text);
  });

  it('calls the same ingredient in another product a duplicate order', () => {
    const [f] = run(duplicateTherapyRule, 'order-sign', chartOf([active('dig', '197606', 'Digoxin 0.25 MG Oral Tablet')]), [draft('dig-d', '197605', 'Digoxin 0.2 MG Oral Capsule')]);
    expect(f).toMatchObject({ severity: 'warning', summary: 'Digoxin already active as Digoxin 0.25 MG Oral Tablet: duplicate order. Remove one.', knowledge: ['duplicate:same-ingredient'] });
    expect(f?.source.label).toBe('RxNorm ingredient match (duplicate order)');
    expect(f?.detail).toContain('same ingredient (digoxin): risk of a double dose.');
  });

  it('shortens a long product name in the summary', () => {
    const long = active('met', '860975', '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet with a long EHR suffix');
    const [f] = run(duplicateTherapyRule, 'order-sign', chartOf([long]), [draft('met-d', undefined, 'Metformin 1000 MG Oral Tablet')]);
    expect(f?.summary).toBe('Metformin already active as 24 HR Metformin hydrochloride 500 MG Extended Release Oral…: duplicate order. Remove one.');
  });

  it('treats the same product written the same way as a probable renewal (info, removal not recommended)', () => {
    const [f] = run(duplicateTherapyRule, 'order-sign', chartOf([NAPROXEN]), [draft('nap-d', '849574', 'Naproxen sodium 220 MG Oral Tablet')]);
    expect(f).toMatchObject({ severity: 'info', summary: 'Naproxen is already active as the same product. If this renews it, stop the old order.' });
    expect(f?.suggestions).toEqual([expect.objectContaining({ isRecommended: false })]);
  });

  it('compares drafts with each other, reporting on the later draft only', () => {
    const findings = run(duplicateTherapyRule, 'order-sign', chartOf([]), [IBUPROFEN, draft('ketor', '834022', 'Ketorolac Tromethamine 10 MG Oral Tablet')]);
    expect(findings.map((f) => f.topic)).toEqual(['duplicate:MedicationRequest/ketor']);
  });

  it('cites every order a draft duplicates, the most severe first', () => {
    const chart = chartOf([active('ibu-old', '197805', 'Ibuprofen 400 MG Oral Tablet'), NAPROXEN]);
    const [f] = run(duplicateTherapyRule, 'order-sign', chart, [draft('ibu-200', '310965', 'Ibuprofen 200 MG Oral Tablet')]);
    expect(f?.evidence).toEqual(['MedicationRequest/ibu-200', 'MedicationRequest/ibu-old', 'MedicationRequest/nap']);
    expect(f?.knowledge).toEqual(['duplicate:same-ingredient', 'duplicate-group:nsaids']);
  });

  it('does not count a topical NSAID with an oral one, nor drugs of different groups', () => {
    expect(run(duplicateTherapyRule, 'order-sign', chartOf([NAPROXEN]), [draft('gel', '855635', 'Diclofenac Sodium 0.01 MG/MG Topical Gel [Voltaren]')])).toEqual([]);
    expect(run(duplicateTherapyRule, 'order-sign', chartOf([NAPROXEN]), [draft('amox', '308191', 'Amoxicillin 500 MG Oral Capsule')])).toEqual([]);
  });
});
