import { HDL_CHOLESTEROL, TOTAL_CHOLESTEROL } from '../../../src/knowledge/care-gaps/cardiovascular-risk-inputs';
import { latestLipid, latestSystolicBp, raceOf, tenYearRisk } from '../../../src/rules/care-gaps/cardiovascular-risk';
import { bloodPressure, chartOf, contextOf, directChart, labResult, lipids, medicationOrder, patientAged, quantityResult, race, report, smokingStatus } from './care-gap-kit';

// The pooled cohort equations' inputs as the chart gives them.

describe('risk inputs from the chart', () => {
  it('reads the latest usable cholesterol within the window, in mg/dL, skipping values it cannot read and reports', () => {
    const ctx = contextOf(
      directChart(patientAged(60, 'male'), [
        labResult('text', '2093-3', '2026-05-01', { valueString: 'see report' }),
        report('panel', '2093-3', '2026-04-01'),
        quantityResult('mmol', '2093-3', '2025-01-01', 5.5, 'mmol/L'),
        quantityResult('old', '2093-3', '2019-01-01', 300),
      ]),
    );
    expect(latestLipid(ctx, TOTAL_CHOLESTEROL, 60)).toEqual({ value: 5.5 * 38.67, ref: 'Observation/mmol' });
    expect(latestLipid(ctx, TOTAL_CHOLESTEROL, 12)).toBeUndefined();
    expect(latestLipid(ctx, HDL_CHOLESTEROL, 60)).toBeUndefined();
  });

  it('reads systolic BP from a panel component or a systolic observation, within 12 months', () => {
    const systolic = labResult('sys', '8480-6', '2026-02-01', { valueQuantity: { value: 132, unit: 'mm[Hg]' } });
    const noSystolic = labResult('dia-only', '85354-9', '2026-05-01', { component: [{ code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 80 } }] });
    expect(latestSystolicBp(contextOf(directChart(patientAged(60, 'male'), [noSystolic, systolic, bloodPressure('bp', '2025-12-01', 150, 90)])))).toEqual({ value: 132, ref: 'Observation/sys' });
    expect(latestSystolicBp(contextOf(directChart(patientAged(60, 'male'), [bloodPressure('bp', '2025-12-01', 150, 90)])))).toEqual({ value: 150, ref: 'Observation/bp' });
    expect(latestSystolicBp(contextOf(directChart(patientAged(60, 'male'), [bloodPressure('bp', '2024-12-01', 150, 90)])))).toBeUndefined();
  });

  it('reads race from the US Core race extension: African American, white or other, or not recorded', () => {
    expect(raceOf({ resourceType: 'Patient', extension: [race('2054-5', 'Black or African American')] })).toBe('african-american');
    expect(raceOf({ resourceType: 'Patient', extension: [race('2135-2', 'Other')] })).toBe('white-other');
    expect(raceOf({ resourceType: 'Patient', extension: [{ url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race', extension: [{ url: 'text', valueString: 'declined' }] }] })).toBe('not-recorded');
    expect(raceOf({ resourceType: 'Patient' })).toBe('not-recorded');
  });

  it('estimates the risk with treated BP from an amlodipine order, and a current smoker', () => {
    const chart = chartOf(patientAged(60, 'female', { extension: [race('2106-3', 'White')] }), [
      ...lipids('2025-09-01', 200, 50),
      bloodPressure('bp', '2026-03-01', 140, 85),
      smokingStatus('s', '449868002', '2026-03-01'),
      medicationOrder('aml', '17767', '2025-01-01'),
    ]);
    const risk = tenYearRisk(contextOf(chart));
    expect('percent' in risk && risk.text).toContain('systolic BP 140 mm Hg `Observation/bp` treated `MedicationRequest/aml`, smokes `Observation/s`, no diabetes');
    expect('percent' in risk && risk.text).not.toContain('race not recorded');
  });
});
