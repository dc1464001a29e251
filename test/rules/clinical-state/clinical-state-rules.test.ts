import { CLINICAL_STATE_RULES } from '../../../src/rules/clinical-state/clinical-state-rules';

it('registers the four clinical-state rules under their ids', () => {
  expect(CLINICAL_STATE_RULES.map((r) => [r.id, r.hooks])).toEqual([
    ['renal-dosing', ['patient-view', 'order-select', 'order-sign']],
    ['pregnancy-risk', ['patient-view', 'order-select', 'order-sign']],
    ['beers-criteria', ['patient-view', 'order-select', 'order-sign']],
    ['lab-alert', ['patient-view']],
  ]);
});
