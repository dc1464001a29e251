import { drugAllergyRule } from '../../../src/rules/drug-safety/drug-allergy';
import { active, allergy, chartOf, draft, run } from './drug-safety-test-kit';

// drug-allergy: a draft against the recorded allergies, by ingredient, class and cross-reactivity;
// refuted, entered-in-error, inactive and "no known allergy" records are ignored.

const AMOXICILLIN = draft('amox', '308191', 'Amoxicillin 500 MG Oral Capsule');
const CEPHALEXIN = draft('ceph', '309114', 'Cephalexin 500 MG Oral Capsule');
const PENICILLIN = allergy({ id: 'pcn', snomed: '91936005', text: 'Allergy to penicillin', verification: 'confirmed', criticality: 'high', reaction: 'Hives' });

describe('drug-allergy', () => {
  it('is critical for amoxicillin with a penicillin allergy, and offers to remove the order', () => {
    const [f] = run(drugAllergyRule, 'order-sign', chartOf([PENICILLIN]), [AMOXICILLIN]);
    expect(f).toMatchObject({
      topic: 'allergy:MedicationRequest/amox',
      severity: 'critical',
      summary: 'Amoxicillin: recorded allergy "Allergy to penicillin". Remove the order.',
      evidence: ['MedicationRequest/amox', 'AllergyIntolerance/pcn'],
      knowledge: ['allergen:penicillins'],
      selectionBehavior: 'at-most-one',
    });
    expect(f?.detail).toContain('Allergy "Allergy to penicillin" (criticality high; reaction: Hives; AllergyIntolerance/pcn): same class');
    expect(f?.suggestions).toEqual([expect.objectContaining({ label: 'Remove amoxicillin order', isRecommended: true })]);
  });

  it('matches a penicillin allergy recorded by name only, and amoxicillin/clavulanate', () => {
    const [f] = run(drugAllergyRule, 'order-select', chartOf([allergy({ text: 'Penicillins' })]), [draft('aug', '562251', 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet')]);
    expect(f?.severity).toBe('critical');
  });

  it('is critical for ampicillin with an amoxicillin allergy (same ingredient group)', () => {
    const amoxAllergy = allergy({ snomed: '294505008', text: 'Allergy to amoxicillin' });
    const [f] = run(drugAllergyRule, 'order-sign', chartOf([amoxAllergy]), [draft('amp', undefined, 'Ampicillin 500 MG Oral Capsule')]);
    expect(f).toMatchObject({ severity: 'critical' });
    expect(f?.detail).toContain('same ingredient');
  });

  it('is only info for cephalexin with a penicillin allergy after hives: its side chain is not penicillin G\'s', () => {
    const [f] = run(drugAllergyRule, 'order-sign', chartOf([PENICILLIN]), [CEPHALEXIN]);
    expect(f).toMatchObject({ severity: 'info', summary: 'Cephalexin: low cross-reactivity with recorded allergy "Allergy to penicillin".' });
    expect(f?.detail).toContain('cross-reactive class. Cross-reactivity with cephalosporins is low (about 2%) when their side chain differs');
    expect(f?.suggestions).toEqual([expect.objectContaining({ isRecommended: false })]);
  });

  it('warns (possible cross-reactivity) for ibuprofen with an aspirin allergy coded in RxNorm', () => {
    const [f] = run(drugAllergyRule, 'order-sign', chartOf([allergy({ rxnorm: '1191', text: 'Aspirin' })]), [draft('ibu', '197805', 'Ibuprofen 400 MG Oral Tablet')]);
    expect(f).toMatchObject({ severity: 'warning', summary: 'Ibuprofen: possible cross-reactivity with recorded allergy "Aspirin".' });
  });

  it('warns rather than interrupts for an unconfirmed allergy', () => {
    const [f] = run(drugAllergyRule, 'order-sign', chartOf([{ ...PENICILLIN, verificationStatus: { coding: [{ code: 'unconfirmed' }] } }]), [AMOXICILLIN]);
    expect(f).toMatchObject({ severity: 'warning', summary: 'Amoxicillin: recorded allergy "Allergy to penicillin" (unconfirmed). Remove the order.' });
  });

  it.each([
    ['refuted', allergy({ snomed: '91936005', text: 'Allergy to penicillin', verification: 'refuted' })],
    ['entered in error', allergy({ snomed: '91936005', text: 'Allergy to penicillin', verification: 'entered-in-error' })],
    ['inactive', allergy({ snomed: '91936005', text: 'Allergy to penicillin', clinical: 'inactive' })],
    ['resolved', allergy({ snomed: '91936005', text: 'Allergy to penicillin', clinical: 'resolved' })],
    ['a "no known drug allergy" record', allergy({ snomed: '409137002', text: 'No known drug allergy' })],
    ['a food allergy', allergy({ snomed: '417532002', text: 'Allergy to fish' })],
    ['an allergy with nothing recorded', allergy({ clinical: 'omit' })],
  ])('ignores %s', (_name, recorded) => {
    expect(run(drugAllergyRule, 'order-sign', chartOf([recorded]), [AMOXICILLIN])).toEqual([]);
  });

  it('matches any other drug allergy by ingredient (codeine, by name), citing RxNorm', () => {
    const [f] = run(drugAllergyRule, 'order-sign', chartOf([allergy({ text: 'Codeine' })]), [draft('apap-cod', undefined, 'Acetaminophen 300 MG / Codeine Phosphate 30 MG Oral Tablet')]);
    expect(f).toMatchObject({ severity: 'critical', knowledge: ['allergen:rxnorm-ingredient'], source: { label: 'RxNorm ingredient match (recorded drug allergy)' } });
    expect(f?.detail).toContain('(AllergyIntolerance/alg-1): same ingredient');
  });

  it('reads the substance of a reaction when the allergy has no code, and names the allergy by it', () => {
    const [f] = run(drugAllergyRule, 'order-sign', chartOf([allergy({ substance: 'Amoxicillin' })]), [AMOXICILLIN]);
    expect(f?.summary).toBe('Amoxicillin: recorded allergy "Amoxicillin". Remove the order.');
  });

  it('shortens a long allergy name in the summary', () => {
    const long = allergy({ text: 'Allergy to penicillin with a very long free-text description from the EHR' });
    const [f] = run(drugAllergyRule, 'order-sign', chartOf([long]), [AMOXICILLIN]);
    expect(f?.summary).toBe('Amoxicillin: recorded allergy "Allergy to penicillin with a very long free-tex…". Remove the order.');
  });

  it('makes one card per draft, the most severe first, citing every matching allergy', () => {
    const recorded = [PENICILLIN, allergy({ id: 'amox-a', text: 'Amoxicillin', reaction: '' })];
    const [f, ...rest] = run(drugAllergyRule, 'order-sign', chartOf(recorded), [AMOXICILLIN]);
    expect(rest).toEqual([]);
    expect(f?.evidence).toEqual(['MedicationRequest/amox', 'AllergyIntolerance/pcn', 'AllergyIntolerance/amox-a']);
    const cross = run(drugAllergyRule, 'order-sign', chartOf([{ ...PENICILLIN, verificationStatus: { coding: [{ code: 'unconfirmed' }] } }, allergy({ id: 'ceph-a', text: 'Cephalosporins' })]), [CEPHALEXIN]);
    expect(cross.map((x) => x.severity)).toEqual(['critical']);
  });

  it('says nothing about a draft the allergy does not cover', () => {
    expect(run(drugAllergyRule, 'order-sign', chartOf([PENICILLIN]), [draft('ibu', '197805', 'Ibuprofen 400 MG Oral Tablet')])).toEqual([]);
  });

  it('does not run on patient-view, and checks only drafts', () => {
    expect(drugAllergyRule.hooks).toEqual(['order-select', 'order-sign']);
    expect(run(drugAllergyRule, 'order-sign', chartOf([PENICILLIN, active('amox-active', '308191', 'Amoxicillin 500 MG Oral Capsule')]), [])).toEqual([]);
  });
});
