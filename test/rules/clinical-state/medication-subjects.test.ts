import type { Medication, MedicationRequest } from 'fhir/r4';
import { selects } from '../../../src/rules/clinical-state/drug-selector';
import { activeIngredients, medicationSubjects, removeDraftSuggestion, renewsActive } from '../../../src/rules/clinical-state/medication-subjects';
import { ruleInputFor } from '../../../src/rules/rule-input';
import { ChartBuilder } from '../../support/chart-builder';
import { AS_OF, draft } from './clinical-state-support';

function chart(): ChartBuilder {
  return new ChartBuilder()
    .medication({ id: 'm-metformin', name: 'Metformin hydrochloride 500 MG Oral Tablet' })
    .medication({ id: 'm-stopped', name: 'Ibuprofen 400 MG Oral Tablet', status: 'stopped' })
    .medication({ id: 'm-dnp', name: 'Warfarin Sodium 5 MG Oral Tablet', doNotPerform: true })
    .medication({ id: 'm-unknown', name: 'Grandma’s tonic' })
    .medication({ id: 'm-cream', name: 'Diclofenac Sodium 10 MG/ML Topical Gel' });
}

it('on patient-view looks at active, known, systemic orders only', () => {
  const subjects = medicationSubjects(ruleInputFor('patient-view', chart().build(), [draft('d1', 'Lisinopril 10 MG Oral Tablet')], AS_OF));
  expect(subjects.map((s) => [s.ref, s.origin, s.name])).toEqual([['MedicationRequest/m-metformin', 'active', 'Metformin']]);
});

it('on order hooks looks at the drafts only, naming the drug by its ingredients', () => {
  const orders = [draft('d1', 'Lisinopril 10 MG / Hydrochlorothiazide 12.5 MG Oral Tablet'), draft('d2', 'Mystery drops')];
  const subjects = medicationSubjects(ruleInputFor('order-sign', chart().build(), orders, AS_OF));
  expect(subjects.map((s) => [s.ref, s.origin, s.name])).toEqual([['MedicationRequest/d1', 'draft', 'Lisinopril / hydrochlorothiazide']]);
});

it('reads the Medication an active order points at', () => {
  const medication: Medication = { resourceType: 'Medication', id: 'med-1', code: { text: 'Apixaban 5 MG Oral Tablet' } };
  const request: MedicationRequest = { resourceType: 'MedicationRequest', id: 'm-ref', status: 'active', intent: 'order', subject: { reference: 'Patient/pat-1' }, medicationReference: { reference: 'Medication/med-1' } };
  const built = new ChartBuilder().resource(medication).resource(request).build();
  expect([...activeIngredients(ruleInputFor('patient-view', built, [], AS_OF))]).toEqual(['apixaban']);
});

it('tells a renewal (every ingredient already taken) from a new start', () => {
  const built = chart().build();
  const [renewal, fresh] = medicationSubjects(ruleInputFor('order-select', built, [draft('d1', 'Metformin 1000 MG Oral Tablet'), draft('d2', 'Glipizide 5 MG / Metformin 500 MG Oral Tablet')], AS_OF));
  const active = activeIngredients(ruleInputFor('order-select', built, [], AS_OF));
  expect(renewsActive(renewal!, active)).toBe(true);
  expect(renewsActive(fresh!, active)).toBe(false);
});

it('offers removal of a draft as a CDS Hooks delete action on the draft', () => {
  const [s] = medicationSubjects(ruleInputFor('order-sign', chart().build(), [draft('d1', 'Nitrofurantoin 100 MG Oral Capsule')], AS_OF));
  expect(removeDraftSuggestion(s!)).toEqual({
    label: 'Remove nitrofurantoin order',
    isRecommended: true,
    actions: [{ type: 'delete', description: 'Remove the draft order for Nitrofurantoin 100 MG Oral Capsule.', resourceId: 'MedicationRequest/d1' }],
  });
});

describe('drug selectors', () => {
  const identity = (names: string[], classes: string[] = [], known = true) => ({ known, ingredients: names.map((name) => ({ rxcui: '1', name })), classes: classes as never[], matchedBy: 'text' as const });

  it('select by ingredient or class, never an unknown drug, and honour exceptions', () => {
    expect(selects({ ingredients: ['metformin'] }, identity(['Metformin']))).toBe(true);
    expect(selects({ classes: ['nsaid'] }, identity(['ibuprofen'], ['nsaid']))).toBe(true);
    expect(selects({ classes: ['nsaid'], exceptIngredients: ['celecoxib'] }, identity(['celecoxib'], ['nsaid']))).toBe(false);
    expect(selects({ ingredients: ['metformin'] }, identity(['metformin'], [], false))).toBe(false);
    expect(selects({ ingredients: ['metformin'] }, identity(['glipizide'], ['sulfonylurea']))).toBe(false);
    expect(selects({}, identity(['glipizide'], ['sulfonylurea']))).toBe(false);
  });
});
