import type { Dosage, MedicationRequest } from 'fhir/r4';
import { dailyDoseMg } from '../../../src/rules/clinical-state/pregnancy-daily-dose';

function order(...dosageInstruction: Dosage[]): MedicationRequest {
  return { resourceType: 'MedicationRequest', status: 'draft', intent: 'order', subject: { reference: 'Patient/p' }, dosageInstruction };
}

const mg = (value: number, extra: Record<string, string> = { system: 'http://unitsofmeasure.org', code: 'mg' }): Dosage['doseAndRate'] => [{ doseQuantity: { value, unit: 'mg', ...extra } }];

describe('daily dose in mg from structured dosage', () => {
  it('multiplies a dose in mg by the times a day its timing gives (hours, days, weeks)', () => {
    expect(dailyDoseMg(order({ doseAndRate: mg(200), timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } } }))).toBe(400);
    expect(dailyDoseMg(order({ doseAndRate: mg(100), timing: { repeat: { period: 6, periodUnit: 'h' } } }))).toBe(400);
    expect(dailyDoseMg(order({ doseAndRate: mg(700), timing: { repeat: { frequency: 1, periodUnit: 'wk' } } }))).toBe(100);
  });

  it('reads a timing-free dose as once a day, and a UCUM-less unit by its code or text', () => {
    expect(dailyDoseMg(order({ doseAndRate: mg(150) }))).toBe(150);
    expect(dailyDoseMg(order({ doseAndRate: [{ doseQuantity: { value: 400, unit: 'MG' } }] }))).toBe(400);
    expect(dailyDoseMg(order({ doseAndRate: [{ doseQuantity: { value: 400, code: 'mg', system: 'http://snomed.info/sct' } }] }))).toBe(400);
  });

  it('is undefined for no dosage, no quantity, other units, non-positive values, coded-only or unknown timings', () => {
    expect(dailyDoseMg({ resourceType: 'MedicationRequest', status: 'draft', intent: 'order', subject: { reference: 'Patient/p' } })).toBeUndefined();
    expect(dailyDoseMg(order({ text: 'as directed' }))).toBeUndefined();
    expect(dailyDoseMg(order({ doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet', system: 'http://unitsofmeasure.org', code: '{tbl}' } }] }))).toBeUndefined();
    expect(dailyDoseMg(order({ doseAndRate: mg(0) }))).toBeUndefined();
    expect(dailyDoseMg(order({ doseAndRate: mg(200), timing: { code: { text: 'BID' } } }))).toBeUndefined();
    expect(dailyDoseMg(order({ doseAndRate: mg(200), timing: { repeat: { frequency: 2 } } }))).toBeUndefined();
    expect(dailyDoseMg(order({ doseAndRate: mg(200), timing: { repeat: { frequency: 1, period: 1, periodUnit: 'mo' } } }))).toBeUndefined();
    expect(dailyDoseMg(order({ doseAndRate: mg(200), timing: { repeat: { frequency: 1, period: 0, periodUnit: 'd' } } }))).toBeUndefined();
  });
});
