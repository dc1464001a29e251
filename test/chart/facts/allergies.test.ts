import type { AllergyIntolerance, AllergyIntoleranceReaction } from 'fhir/r4';
import { allergyFact, currentAllergies, isCurrentAllergy, isNoKnownAllergy, isSevereReaction } from '../../../src/chart/facts/allergies';
import { ChartBuilder } from '../../support/chart-builder';

// Allergies read one way for the rules and the brief: which are current, how critical, and whether
// a recorded reaction was severe (anaphylaxis, angioedema, SJS/TEN).

const SNOMED = 'http://snomed.info/sct';
const allergy = (a: Partial<AllergyIntolerance>): AllergyIntolerance => ({ resourceType: 'AllergyIntolerance', id: 'a1', patient: { reference: 'Patient/pat-1' }, code: { text: 'Penicillin' }, ...a });
const status = (code: string) => ({ coding: [{ code }] });
const reaction = (...manifestation: AllergyIntoleranceReaction['manifestation']): AllergyIntoleranceReaction => ({ manifestation });

describe('current allergy', () => {
  it('is not inactive or resolved, and not refuted or entered in error', () => {
    expect(isCurrentAllergy(allergy({ clinicalStatus: status('active') }))).toBe(true);
    expect(isCurrentAllergy(allergy({ clinicalStatus: status('active'), verificationStatus: status('unconfirmed') }))).toBe(true);
    expect(isCurrentAllergy(allergy({ clinicalStatus: status('inactive') }))).toBe(false);
    expect(isCurrentAllergy(allergy({ clinicalStatus: status('resolved') }))).toBe(false);
    expect(isCurrentAllergy(allergy({ verificationStatus: status('refuted') }))).toBe(false);
    expect(isCurrentAllergy(allergy({ verificationStatus: status('entered-in-error') }))).toBe(false);
  });

  it('counts an allergy without a clinical status (the safer error)', () => {
    expect(isCurrentAllergy(allergy({}))).toBe(true);
  });

  it('knows a recorded "no known allergy" is not an allergy', () => {
    expect(isNoKnownAllergy(allergy({ code: { coding: [{ system: SNOMED, code: '409137002', display: 'No known drug allergy' }] } }))).toBe(true);
    expect(isNoKnownAllergy(allergy({}))).toBe(false);
  });

  it('lists the chart’s current allergies, leaving out resolved, refuted and "no known allergy" records', () => {
    const chart = new ChartBuilder()
      .allergy({ id: 'pen', snomed: '91936005', display: 'Allergy to penicillin', criticality: 'high' })
      .allergy({ id: 'old', display: 'Latex', status: 'resolved' })
      .allergy({ id: 'no', display: 'Sulfa', verification: 'refuted' })
      .allergy({ id: 'nka', snomed: '716186003', display: 'No known allergy' })
      .build();
    expect(currentAllergies(chart).map((f) => [f.ref, f.name, f.highCriticality])).toEqual([['AllergyIntolerance/pen', 'Allergy to penicillin', true]]);
  });
});

describe('severe reactions', () => {
  it.each([
    ['anaphylaxis by SNOMED CT', { coding: [{ system: SNOMED, code: '39579001', display: 'Anaphylaxis (disorder)' }] }, 'anaphylaxis'],
    ['anaphylaxis in words', { text: 'anaphylactic shock' }, 'anaphylaxis'],
    ['angioedema by SNOMED CT', { coding: [{ system: SNOMED, code: '41291007' }] }, 'angioedema'],
    ['angioedema in words', { text: 'Angio-oedema of lips' }, 'angioedema'],
    ['SJS by SNOMED CT', { coding: [{ system: SNOMED, code: '73442001' }] }, 'sjs-ten'],
    ['TEN by SNOMED CT (Lyell syndrome)', { coding: [{ system: SNOMED, code: '768962006' }] }, 'sjs-ten'],
    ['SJS in words', { text: 'Stevens-Johnson syndrome' }, 'sjs-ten'],
    ['TEN as an abbreviation', { text: 'TEN after co-trimoxazole' }, 'sjs-ten'],
  ])('reads %s', (_name, manifestation, id) => {
    const fact = allergyFact(allergy({ reaction: [reaction(manifestation)] }));
    expect(fact.severeReactions.map((r) => r.id)).toEqual([id]);
    expect(isSevereReaction(reaction(manifestation))).toBe(true);
  });

  it('does not read hives, a rash or "ten days" as severe', () => {
    expect(isSevereReaction(reaction({ text: 'Hives' }, { text: 'rash for ten days' }))).toBe(false);
    expect(isSevereReaction({ manifestation: [] })).toBe(false);
  });

  it('keeps the worst recorded reaction severity and the criticality', () => {
    const fact = allergyFact(allergy({ criticality: 'low', verificationStatus: status('unconfirmed'), reaction: [{ ...reaction({ text: 'Hives' }), severity: 'mild' }, { ...reaction({ text: 'Wheeze' }), severity: 'moderate' }, reaction({ text: 'Rash' })] }));
    expect(fact).toMatchObject({ reactionSeverity: 'moderate', highCriticality: false, unconfirmed: true, severeReactions: [] });
    expect(allergyFact(allergy({ code: undefined, reaction: [{ substance: { text: 'Amoxicillin' }, manifestation: [] }] }))).not.toHaveProperty('reactionSeverity');
    expect(allergyFact(allergy({ code: undefined, reaction: [{ substance: { text: 'Amoxicillin' }, manifestation: [] }] })).name).toBe('Amoxicillin');
    expect(allergyFact(allergy({ code: undefined })).name).toBe('unnamed substance');
  });
});
