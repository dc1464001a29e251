import { CitationMarkers, citationsOfCard } from '../../src/cards/citations';
import { citeFindingDetail } from '../../src/cards/inline-citations';

function cite(detail: string, evidence: string[]): { text: string; entries: Record<string, string[]> | undefined } {
  const markers = new CitationMarkers();
  const text = citeFindingDetail(detail, evidence, markers);
  return { text, entries: markers.extension()?.['chartbrief.citations'] };
}

describe('citeFindingDetail', () => {
  it('turns a parenthesised reference into a marker and drops the parentheses', () => {
    expect(cite('K 6.1 mmol/L on 2026-05-30 (Observation/k1).', ['Observation/k1'])).toEqual({
      text: 'K 6.1 mmol/L on 2026-05-30 [1].',
      entries: { '1': ['Observation/k1'] },
    });
  });

  it('keeps the rest of a parenthesis and puts the marker after it', () => {
    const { text } = cite(
      '- **Amoxicillin 500 MG Oral Capsule** (new order; MedicationRequest/amox-draft).\n- Allergy "Penicillin" (criticality high; reaction: Hives; AllergyIntolerance/pcn-1): same class',
      ['MedicationRequest/amox-draft', 'AllergyIntolerance/pcn-1'],
    );
    expect(text).toBe('- **Amoxicillin 500 MG Oral Capsule** (new order) [1].\n- Allergy "Penicillin" (criticality high; reaction: Hives) [2]: same class');
  });

  it('replaces references in code spans, backticks and all', () => {
    const { text, entries } = cite('age 55, male (`Patient/p1`).\n- HbA1c: diabetes `Condition/dm`: last 2025-10-01 `Observation/a1c`; due every 6 mo', [
      'Patient/p1',
      'Observation/a1c',
      'Condition/dm',
    ]);
    expect(text).toBe('age 55, male [1].\n- HbA1c: diabetes [2]: last 2025-10-01 [3]; due every 6 mo');
    expect(entries).toEqual({ '1': ['Patient/p1'], '2': ['Condition/dm'], '3': ['Observation/a1c'] });
  });

  it('matches whole ids only, longest first: Observation/1 is not inside Observation/12 or Observation/1.5', () => {
    const { text, entries } = cite('a (Observation/12) b (Observation/1.5) c (Observation/1). d Observation/1', ['Observation/1', 'Observation/12']);
    expect(text).toBe('a [1] b (Observation/1.5) c [2]. d [2]');
    expect(entries).toEqual({ '1': ['Observation/12'], '2': ['Observation/1'] });
    expect(cite('x Observation/aXb', ['Observation/a.b']).text).toBe('x Observation/aXb\n\nBased on [1].');
    expect(cite('x SubObservation/1 y', ['Observation/1']).text).toBe('x SubObservation/1 y\n\nBased on [1].');
  });

  it('makes one marker of a group of adjacent references', () => {
    const { text, entries } = cite('Interacting drugs (MedicationRequest/a, MedicationRequest/b) and labs (Observation/x; Observation/y and Observation/z).', [
      'MedicationRequest/a',
      'MedicationRequest/b',
      'Observation/x',
      'Observation/y',
      'Observation/z',
    ]);
    expect(text).toBe('Interacting drugs [1] and labs [2].');
    expect(entries).toEqual({ '1': ['MedicationRequest/a', 'MedicationRequest/b'], '2': ['Observation/x', 'Observation/y', 'Observation/z'] });
  });

  it('drops a dash or separator left before a marker', () => {
    expect(cite('Atrial fibrillation — Condition/af', ['Condition/af']).text).toBe('Atrial fibrillation [1]');
    expect(cite('creatinine 0.7 mg/dL, Observation/cr.', ['Observation/cr']).text).toBe('creatinine 0.7 mg/dL [1].');
  });

  it('cites evidence never mentioned inline with one closing marker, numbered after the inline ones', () => {
    const { text, entries } = cite('INR **4.8** (Observation/inr-1). The patient takes warfarin.', ['Observation/inr-1', 'MedicationRequest/w1', 'Patient/p1']);
    expect(text).toBe('INR **4.8** [1]. The patient takes warfarin.\n\nBased on [2].');
    expect(entries).toEqual({ '1': ['Observation/inr-1'], '2': ['MedicationRequest/w1', 'Patient/p1'] });
    expect(cite('No references here.', ['Observation/a', 'Observation/a']).text).toBe('No references here.\n\nBased on [1].');
    expect(cite('', ['Observation/a']).text).toBe('Based on [1].');
  });

  it('reuses the number of a reference cited twice and leaves references outside the evidence alone', () => {
    const { text, entries } = cite('Drug (MedicationRequest/d1); again (MedicationRequest/d1); other (MedicationRequest/zz).', ['MedicationRequest/d1']);
    expect(text).toBe('Drug [1]; again [1]; other (MedicationRequest/zz).');
    expect(entries).toEqual({ '1': ['MedicationRequest/d1'] });
  });

  it('escapes a marker-like "[1]" already in the text, so it cannot stand for a citation', () => {
    const { text, entries } = cite('Allergy "Sulfa [2]" (AllergyIntolerance/a1)', ['AllergyIntolerance/a1']);
    expect(text).toBe('Allergy "Sulfa \\[2\\]" [1]');
    expect(citationsOfCard({ summary: 's', detail: text, extension: { 'chartbrief.citations': entries } }).problems).toEqual([]);
  });

  it('never lets a marker open a line as "[1]:", which CommonMark would take for a link reference definition', () => {
    expect(cite('`Condition/dm`: diabetes\n- `Observation/a1c`: 7.6 %', ['Condition/dm', 'Observation/a1c']).text).toBe('[1]\\: diabetes\n- [2]\\: 7.6 %');
    expect(cite('HbA1c `Observation/a1c`: 7.6 %', ['Observation/a1c']).text).toBe('HbA1c [1]: 7.6 %');
  });

  it('leaves a detail without evidence as it is', () => {
    expect(cite('Nothing cited (Observation/x).', [])).toEqual({ text: 'Nothing cited (Observation/x).', entries: undefined });
  });
});
