import { claimsOf } from '../../../src/brief/model/claims';
import { renderChartForModel } from '../../../src/brief/model/chart-prompt';
import { verifyAnswer } from '../../../src/brief/model/verify';
import { estimateTokens } from '../../../src/brief/model/tokens';
import { ChartBuilder } from '../../support/chart-builder';
import { AS_OF, ckdChart } from './model-test-kit';

// Verification, line by line: what a statement claims must be what the cited lines say.

describe('claimsOf', () => {
  it('reads dates in ISO and written forms, quantities with normalised units, bare numbers and frequencies', () => {
    expect(claimsOf('BP 132/84 mmHg on Feb 3, 2021; HbA1c 7.2% since March 2019; warfarin 5 mg twice daily, q8h prn')).toEqual({
      dates: ['2021-02-03'],
      months: ['2019-03'],
      ambiguousDates: 0,
      quantities: [
        { value: '132', unit: 'mmhg' },
        { value: '84', unit: 'mmhg' },
        { value: '7.2', unit: '%' },
        { value: '5', unit: 'mg' },
      ],
      numbers: [],
      frequencies: ['twice daily', 'every 8 hours', 'as needed'],
    });
  });

  it('treats UCUM codes and display units alike, and ignores digits inside words', () => {
    expect(claimsOf('eGFR 45 mL/min/{1.73_m2}, WBC 7.1 10*3/uL, temp 38.5 Cel, HbA1c, COVID-19, B12').quantities).toEqual([
      { value: '45', unit: 'ml/min/1.73m²' },
      { value: '7.1', unit: '10³/µl' },
      { value: '38.5', unit: '°c' },
    ]);
    expect(claimsOf('eGFR 45 mL/min/1.73 m², WBC 7.1 10³/µL, temp 38.5 °C').quantities).toEqual(claimsOf('eGFR 45 mL/min/{1.73_m2}, WBC 7.1 10*3/uL, temp 38.5 Cel').quantities);
    expect(claimsOf('HbA1c, COVID-19, B12, SpO2').numbers).toEqual([]);
  });

  it('counts a date it cannot check (03/04/2021)', () => {
    expect(claimsOf('seen 03/04/2021').ambiguousDates).toBe(1);
  });
});

describe('verifyAnswer', () => {
  const rendering = renderChartForModel(ckdChart(), { asOf: AS_OF, tokenBudget: 6000 });

  it('keeps a statement whose numbers, units, dates and dose are all in the lines it cites', () => {
    const v = verifyAnswer(
      {
        statements: [
          { section: 'labs', text: 'Creatinine 1.4 → 2.1 mg/dL (2020-12-01 → 2021-05-20), high', evidence: ['Observation/1', 'Observation/2'] },
          { section: 'medications', text: 'Warfarin 5 mg once daily for AF since 2015', evidence: ['MedicationRequest/1', 'Condition/1'] },
          { section: 'Active Problems', text: 'AF since March 2015', evidence: ['Condition/1'] },
        ],
      },
      rendering,
    );
    expect(v).toMatchObject({ verified: 3, dropped: 0 });
    expect(v.statements.map((s) => s.section)).toEqual(['labs', 'medications', 'problems']);
  });

  it('drops and counts by reason what the cited lines do not say', () => {
    const v = verifyAnswer(
      {
        statements: [
          { section: 'labs', text: 'Creatinine 2.1 mg/dL', evidence: ['Observation/7'] },
          { section: 'labs', text: 'Creatinine 2.2 mg/dL', evidence: ['Observation/1'] },
          { section: 'labs', text: 'Creatinine 2.1 mg/dL on 2021-05-19', evidence: ['Observation/1'] },
          { section: 'labs', text: 'Creatinine 2.1 mg/dL in April 2021', evidence: ['Observation/1'] },
          { section: 'medications', text: 'Warfarin 5 mg at bedtime', evidence: ['MedicationRequest/1'] },
          { section: 'labs', text: 'Creatinine 2.1 mg/dL', evidence: ['Condition/1'] },
          { section: 'history', text: 'Atrial fibrillation', evidence: ['Condition/1'] },
          { section: 'allergies', text: 'No known drug allergies', evidence: ['AllergyIntolerance/1'] },
          { section: 'problems', text: '', evidence: ['Condition/1'] },
        ],
      },
      rendering,
    );
    expect(v).toEqual({
      statements: [],
      verified: 0,
      dropped: 9,
      dropReasons: { evidence: 1, number: 1, date: 2, dose: 1, section: 2, absence: 1, text: 1 },
    });
  });

  it('takes the amounts of a regimen from the dose of the order, not from the strength in the drug name', () => {
    const chart = new ChartBuilder().medication({ id: 'm1', name: 'Warfarin Sodium 5 MG Oral Tablet', dosage: '1.5 tablets by mouth once daily' }).build();
    const r = renderChartForModel(chart, { asOf: AS_OF, tokenBudget: 6000 });
    const statement = (text: string): { section: string; text: string; evidence: string[] } => ({ section: 'medications', text, evidence: ['MedicationRequest/1'] });
    const v = verifyAnswer({ statements: [statement('Warfarin 5 mg once daily'), statement('Warfarin 5 mg tablets'), statement('Warfarin 1.5 tablets once daily')] }, r);
    expect(v.statements.map((s) => s.statement.text)).toEqual(['Warfarin 5 mg tablets', 'Warfarin 1.5 tablets once daily']);
    expect(v.dropReasons).toEqual({ dose: 1 });
  });

  it('reads at most 40 statements of one answer and does not repeat a statement', () => {
    const same = { section: 'problems', text: 'Atrial fibrillation since 2015-03-02', evidence: ['Condition/1'] };
    const v = verifyAnswer({ statements: Array.from({ length: 45 }, () => same) }, rendering);
    expect(v).toMatchObject({ verified: 1, dropped: 5, dropReasons: { excess: 5 } });
  });
});

describe('estimateTokens', () => {
  it('counts words, digit groups and punctuation runs', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('Creatinine 1.4 mg/dL')).toBe(2 + 1 + 1 + 1 + 1 + 1 + 1);
    expect(estimateTokens('{"resourceType":"Observation"}')).toBeGreaterThan(estimateTokens('Observation'));
  });
});
