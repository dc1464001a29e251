import type { Medication, MedicationRequest } from 'fhir/r4';
import type { ResolvedMedication } from '../../../src/chart/chart';
import { describeMedication, RXNORM } from '../../../src/chart/describe-medication';
import { classesOfIngredients, identifyDrug, ingredientsOfConcept } from '../../../src/knowledge/drugs/drug-identity';

// identifyDrug by each path: RxNorm SCD / SBD / ingredient, Medication.ingredient (bundled and
// contained), text (Synthea and Epic displays, brands), and unknown drugs left unknown.

function order(concept: MedicationRequest['medicationCodeableConcept'], extra: Partial<MedicationRequest> = {}): ResolvedMedication {
  const request: MedicationRequest = { resourceType: 'MedicationRequest', id: 'r1', status: 'draft', intent: 'order', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: concept, ...extra };
  return describeMedication(request, undefined);
}

const coded = (code: string, display: string): ResolvedMedication => order({ coding: [{ system: RXNORM, code, display }] });
const text = (t: string): ResolvedMedication => order({ text: t });
const names = (m: ResolvedMedication, resource?: Medication): string[] => identifyDrug(m, resource).ingredients.map((i) => i.name);

describe('identifyDrug by RxNorm code', () => {
  it('identifies a Synthea SCD: warfarin 5 mg tablet (855332) is warfarin, an anticoagulant', () => {
    expect(identifyDrug(coded('855332', 'Warfarin Sodium 5 MG Oral Tablet'))).toEqual({
      known: true,
      ingredients: [{ rxcui: '11289', name: 'warfarin' }],
      classes: ['anticoagulant'],
      matchedBy: 'rxnorm',
    });
  });

  it('identifies a branded SBD (Toprol, 866414) by its generic ingredient', () => {
    const id = identifyDrug(coded('866414', '24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]'));
    expect(id).toMatchObject({ known: true, matchedBy: 'rxnorm', ingredients: [{ name: 'metoprolol' }] });
  });

  it('identifies an ingredient code (RxNorm IN 5640 ibuprofen) without a display', () => {
    const id = identifyDrug(order({ coding: [{ system: RXNORM, code: '5640' }] }));
    expect(id).toMatchObject({ known: true, matchedBy: 'rxnorm', classes: ['nsaid'] });
  });

  it('identifies a PDDI-CDS value-set code the snapshot lacks (ketorolac 834022) as an NSAID', () => {
    expect(identifyDrug(coded('834022', 'Ketorolac Tromethamine 10 MG Oral Tablet')).classes).toEqual(['nsaid']);
  });

  it('lists every ingredient of a combination (amoxicillin / clavulanate 562251): a penicillin', () => {
    const id = identifyDrug(coded('562251', 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet'));
    expect(id.ingredients.map((i) => i.name).sort()).toEqual(['amoxicillin', 'clavulanate']);
    expect(id.classes).toEqual(['penicillin']);
  });

  it('reads the hand-entered code Synthea displays misspelt (316672 "Simvistatin 10 MG") as simvastatin', () => {
    expect(identifyDrug(coded('316672', 'Simvistatin 10 MG'))).toMatchObject({ known: true, matchedBy: 'rxnorm', classes: ['statin'] });
  });

  it('is unknown when the code and the name disagree (Synthea 833036 is hydrocodone/APAP in RxNorm, displayed as captopril)', () => {
    expect(identifyDrug(coded('833036', 'Captopril 25 MG Oral Tablet'))).toEqual({ known: false, ingredients: [], classes: [], matchedBy: 'none' });
  });

  it('is unknown when two RxNorm codings of one order name different drugs', () => {
    const m = order({ coding: [{ system: RXNORM, code: '855332' }, { system: RXNORM, code: '197805' }] });
    expect(identifyDrug(m).known).toBe(false);
  });

  it('accepts two RxNorm codings naming the same drug (SCD and ingredient)', () => {
    const m = order({ coding: [{ system: RXNORM, code: '855332' }, { system: RXNORM, code: '11289' }] });
    expect(names(m)).toEqual(['warfarin']);
  });

  it('ignores codes of other systems and unknown RxNorm codes, then falls back to the name', () => {
    const m = order({ coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '0093-0311' }, { system: RXNORM, code: '99999999', display: 'Naproxen 500 MG Oral Tablet' }] });
    expect(identifyDrug(m)).toMatchObject({ known: true, matchedBy: 'text', classes: ['nsaid'] });
  });
});

describe('identifyDrug by Medication.ingredient', () => {
  const epicRequest = (medication: Medication): MedicationRequest => ({
    resourceType: 'MedicationRequest',
    id: 'r2',
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    contained: [medication],
    medicationReference: { reference: '#med1' },
  });

  it('reads a contained Medication (Epic) whose ingredients are RxNorm-coded', () => {
    const medication: Medication = {
      resourceType: 'Medication',
      id: 'med1',
      code: { text: 'Compounded capsule' },
      ingredient: [{ itemCodeableConcept: { coding: [{ system: RXNORM, code: '5640', display: 'ibuprofen' }] } }],
    };
    const request = epicRequest(medication);
    const m = describeMedication(request, { key: 'MedicationRequest/r2', medication });
    expect(identifyDrug(m)).toMatchObject({ known: true, matchedBy: 'medication-ingredients', classes: ['nsaid'] });
  });

  it('reads the ingredients of a bundled Medication passed in, by name when uncoded', () => {
    const medication: Medication = { resourceType: 'Medication', id: 'm9', ingredient: [{ itemCodeableConcept: { text: 'Sertraline hydrochloride' } }, { itemReference: { display: 'Tranylcypromine' } }] };
    const request: MedicationRequest = { resourceType: 'MedicationRequest', id: 'r3', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, medicationReference: { reference: 'Medication/m9' } };
    const m = describeMedication(request, { key: 'Medication/m9', medication });
    const id = identifyDrug(m, medication);
    expect(id.matchedBy).toBe('medication-ingredients');
    expect(id.classes.sort()).toEqual(['maoi', 'ssri']);
  });

  it('is unknown when a referenced Medication cannot be read and the reference has no name', () => {
    const request: MedicationRequest = { resourceType: 'MedicationRequest', id: 'r4', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, medicationReference: { reference: '#missing' } };
    expect(identifyDrug(describeMedication(request, undefined)).known).toBe(false);
  });

  it('is unknown when a Medication has ingredients no table knows', () => {
    const medication: Medication = { resourceType: 'Medication', id: 'm8', ingredient: [{ itemCodeableConcept: { text: 'Zorblaxitide' } }, {}] };
    const request: MedicationRequest = { resourceType: 'MedicationRequest', id: 'r5', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, medicationReference: { reference: 'Medication/m8' } };
    expect(identifyDrug(describeMedication(request, { key: 'Medication/m8', medication }), medication).known).toBe(false);
  });
});

describe('identifyDrug by text', () => {
  it.each([
    ['Warfarin Sodium 5 MG Oral Tablet', ['warfarin'], ['anticoagulant']],
    ['Amoxicillin 250 MG Oral Capsule', ['amoxicillin'], ['penicillin']],
    ['Penicillin V Potassium 500 MG Oral Tablet', ['penicillin v'], ['penicillin']],
    ['Losartan Potassium 50 MG Oral Tablet', ['losartan'], ['arb']],
    ['Lasix 40mg', ['furosemide'], ['loop-diuretic']],
    ['ibuprofen (ADVIL) 200 mg tablet', ['ibuprofen'], ['nsaid']],
    ['Paracetamol 500 mg', ['acetaminophen'], []],
  ])('reads "%s" as %j', (display, ingredients, classes) => {
    const id = identifyDrug(text(display));
    expect(id).toMatchObject({ known: true, matchedBy: 'text', classes });
    expect(id.ingredients.map((i) => i.name)).toEqual(ingredients);
  });

  it('matches whole words only: "Warfarinex" and "ibuprofenate" are not warfarin or ibuprofen', () => {
    expect(identifyDrug(text('Warfarinex 5 mg')).known).toBe(false);
    expect(identifyDrug(text('ibuprofenate')).known).toBe(false);
  });

  it('does not read a salt word alone as a drug ("Potassium" in "Atorvastatin Calcium")', () => {
    expect(names(text('Atorvastatin Calcium 10 MG Oral Tablet'))).toEqual(['atorvastatin']);
    expect(identifyDrug(text('potassium')).known).toBe(false);
  });

  it('leaves an unknown text-only drug unknown, never guessing', () => {
    expect(identifyDrug(text('Zorblax 10 mg daily'))).toEqual({ known: false, ingredients: [], classes: [], matchedBy: 'none' });
  });
});

describe('local products', () => {
  it('gives a topical NSAID (Voltaren gel, PDDI exclude set) no systemic class, but keeps its ingredient', () => {
    const id = identifyDrug(coded('855635', 'Diclofenac Sodium 0.01 MG/MG Topical Gel [Voltaren]'));
    expect(id).toMatchObject({ known: true, local: true, classes: [], ingredients: [{ name: 'diclofenac' }] });
    expect(classesOfIngredients(id.ingredients.map((i) => i.rxcui))).toEqual(['nsaid']);
  });

  it('treats an inhaled or topical corticosteroid named in text as local', () => {
    expect(identifyDrug(text('Hydrocortisone 1% cream'))).toMatchObject({ local: true, classes: [] });
    expect(identifyDrug(text('Prednisone 10 MG Oral Tablet'))).toMatchObject({ classes: ['corticosteroid'] });
    expect(identifyDrug(text('Prednisone 10 MG Oral Tablet')).local).toBeUndefined();
  });
});

describe('class membership', () => {
  it.each([
    ['Simvastatin 20 MG Oral Tablet', ['statin']],
    ['Lisinopril 10 MG Oral Tablet', ['ace-inhibitor']],
    ['Spironolactone 25 MG Oral Tablet', ['potassium-sparing-diuretic', 'aldosterone-antagonist']],
    ['Phenelzine 15 MG Oral Tablet', ['maoi']],
    ['Oxycodone 5 MG Oral Tablet', ['opioid']],
    ['Lorazepam 1 MG Oral Tablet', ['benzodiazepine']],
    ['Cephalexin 500 MG Oral Capsule', ['cephalosporin']],
    ['Ceftriaxone 1 G Injection', ['cephalosporin']],
    ['Omeprazole 20 MG Delayed Release Oral Capsule', ['proton-pump-inhibitor', 'moderate-cyp2c19-inhibitor']],
    ['Apixaban 5 MG Oral Tablet', ['anticoagulant', 'doac']],
    ['Enoxaparin 40 MG/0.4 ML Injection', ['anticoagulant', 'low-molecular-weight-heparin']],
    ['Clopidogrel 75 MG Oral Tablet', ['antiplatelet']],
    ['Metformin hydrochloride 500 MG Oral Tablet', ['biguanide']],
    ['Gabapentin 300 MG Oral Capsule', ['gabapentinoid']],
    ['Glipizide 5 MG Oral Tablet', ['sulfonylurea']],
    ['Potassium Chloride 20 MEQ Extended Release Oral Tablet', ['potassium-supplement']],
    ['Furosemide 40 MG Oral Tablet', ['loop-diuretic']],
    ['Ketoconazole 200 MG Oral Tablet', ['strong-cyp3a4-inhibitor', 'azole-antifungal', 'p-gp-inhibitor']],
    ['Diphenhydramine Hydrochloride 25 MG Oral Tablet', ['anticholinergic']],
  ])('%s is %j', (display, classes) => {
    expect(identifyDrug(text(display)).classes).toEqual(classes);
  });

  it('gives a drug in several classes all of them (citalopram: SSRI and QT-prolonging)', () => {
    expect(identifyDrug(text('Citalopram 20 MG Oral Tablet')).classes.sort()).toEqual(['qt-prolonging', 'ssri']);
    expect(identifyDrug(text('Clarithromycin 500 MG Oral Tablet')).classes.sort()).toEqual(['macrolide', 'p-gp-inhibitor', 'qt-prolonging', 'strong-cyp3a4-inhibitor']);
  });
});

describe('ingredientsOfConcept (allergy substances)', () => {
  it('reads RxNorm codes first, then names, and nothing from codes that disagree', () => {
    expect(ingredientsOfConcept({ coding: [{ system: RXNORM, code: '1191' }] })).toEqual(['1191']);
    expect(ingredientsOfConcept({ text: 'Codeine' })).toEqual(['2670']);
    expect(ingredientsOfConcept({ coding: [{ system: RXNORM, code: '1191' }, { system: RXNORM, code: '723' }] })).toEqual([]);
    expect(ingredientsOfConcept(undefined)).toEqual([]);
  });
});
