import { HIGH_ALERT_MEDICATIONS } from '../../src/clinical-codes/high-alert-medications';
import { KEY_LABS, KEY_VITALS } from '../../src/clinical-codes/key-observations';
import { NO_KNOWN_ALLERGY_CODES } from '../../src/clinical-codes/no-known-allergy';
import { PROBLEM_IMPORTANCE } from '../../src/clinical-codes/problem-importance';
import { DIASTOLIC_LIMITS, REFERENCE_LIMITS, SYSTOLIC_LIMITS } from '../../src/clinical-codes/reference-ranges';
import { ENCOUNTER_CLASS_LABELS } from '../../src/clinical-codes/encounter-class';
import { ROUTINE_PROCEDURE_CODES } from '../../src/clinical-codes/routine-procedures';
import { displayUnit } from '../../src/clinical-codes/ucum-display';

// The knowledge tables are data: these checks catch typos that would silently match nothing.

const SNOMED_ID = /^\d{6,18}$/;
const LOINC_CODE = /^\d{1,7}-\d$/;

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('clinical code tables', () => {
  it('problem importance rows have unique keys and well-formed SNOMED CT and ICD-10 codes', () => {
    expect(duplicates(PROBLEM_IMPORTANCE.map((r) => r.key))).toEqual([]);
    expect(duplicates(PROBLEM_IMPORTANCE.flatMap((r) => r.snomed))).toEqual([]);
    for (const row of PROBLEM_IMPORTANCE) {
      for (const code of row.snomed) expect(code).toMatch(SNOMED_ID);
      for (const prefix of row.icd10) expect(prefix).toMatch(/^[A-Z](\d{1,2}(\.\d{1,4})?)?$/);
    }
  });

  it('high-alert drugs name indications that are problem keys', () => {
    const keys = new Set(PROBLEM_IMPORTANCE.map((r) => r.key));
    expect(duplicates(HIGH_ALERT_MEDICATIONS.map((r) => r.key))).toEqual([]);
    for (const row of HIGH_ALERT_MEDICATIONS) for (const indication of row.indications) expect(keys.has(indication)).toBe(true);
  });

  it('key labs and vitals have unique keys and valid LOINC codes, each code in one row', () => {
    const rows = [...KEY_LABS, ...KEY_VITALS];
    expect(duplicates(rows.map((r) => r.key))).toEqual([]);
    expect(duplicates(rows.flatMap((r) => [...r.loinc]))).toEqual([]);
    for (const row of rows) for (const code of row.loinc) expect(code).toMatch(LOINC_CODE);
  });

  it('reference limits belong to key rows and are ordered', () => {
    const keys = new Set([...KEY_LABS, ...KEY_VITALS].map((r) => r.key));
    for (const [key, limits] of Object.entries(REFERENCE_LIMITS)) {
      expect(keys.has(key)).toBe(true);
      expect(limits.units.length).toBeGreaterThan(0);
      expect(limits.source.length).toBeGreaterThan(0);
      if (limits.low !== undefined && limits.high !== undefined) expect(limits.low).toBeLessThan(limits.high);
    }
    expect(SYSTOLIC_LIMITS.high).toBeGreaterThan(DIASTOLIC_LIMITS.high ?? 0);
  });

  it('no-known-allergy codes are SNOMED CT ids', () => {
    for (const code of NO_KNOWN_ALLERGY_CODES) expect(code).toMatch(SNOMED_ID);
  });

  it('routine procedure codes are SNOMED CT ids and name no procedure a brief must show', () => {
    for (const code of ROUTINE_PROCEDURE_CODES) expect(code).toMatch(SNOMED_ID);
    // Colonoscopy, CABG, cardioversion: notable, never routine.
    for (const notable of ['73761001', '232717009', '180325003']) expect(ROUTINE_PROCEDURE_CODES.has(notable)).toBe(false);
  });

  it('encounter class labels are keyed by upper-case v3 ActCode codes', () => {
    for (const [code, label] of Object.entries(ENCOUNTER_CLASS_LABELS)) {
      expect(code).toMatch(/^[A-Z]+$/);
      expect(label).toMatch(/^[a-z -]+$/);
    }
    expect(ENCOUNTER_CLASS_LABELS['EMER']).toBe('emergency');
  });

  it('shows UCUM codes as clinicians read them and passes unknown units through', () => {
    expect(displayUnit('mL/min/{1.73_m2}')).toBe('mL/min/1.73 m²');
    expect(displayUnit('Cel')).toBe('°C');
    expect(displayUnit('{INR}')).toBe('');
    expect(displayUnit('mg/dL')).toBe('mg/dL');
    expect(displayUnit(undefined)).toBe('');
  });
});
