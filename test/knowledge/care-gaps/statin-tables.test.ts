import { ASCVD_CONDITIONS, CORONARY_REVASCULARIZATION } from '../../../src/knowledge/care-gaps/ascvd-conditions';
import {
  ANTIHYPERTENSIVE_CLASSES,
  ANTIHYPERTENSIVE_INGREDIENT_NAMES,
  CHOLESTEROL_MG_PER_MMOL,
  HDL_CHOLESTEROL,
  LDL_CHOLESTEROL,
  RISK_INPUT_MAX_AGE_MONTHS,
  TOTAL_CHOLESTEROL,
  US_CORE_RACE,
} from '../../../src/knowledge/care-gaps/cardiovascular-risk-inputs';
import { EXCLUSIONS } from '../../../src/knowledge/care-gaps/exclusions';
import { PCE_EQUATIONS } from '../../../src/knowledge/care-gaps/pooled-cohort-equations';
import { STATIN_DRAFTS, STATIN_EXCLUSIONS, STATIN_INDICATIONS, STATIN_THRESHOLDS } from '../../../src/knowledge/care-gaps/statin-therapy';
import { ingredientRxcui } from '../../../src/knowledge/drugs/drug-index';
import { CLASSES_OF_INGREDIENT } from '../../../src/knowledge/drugs/drug-index';
import { expectCodes, expectSource } from './table-checks';

// The statin gap's tables: ASCVD codes, risk-equation inputs, the equations, indications and drafts.

describe('clinical ASCVD codes (VSAC, CMS347)', () => {
  it.each(ASCVD_CONDITIONS.map((r) => [r.id, r] as const))('%s: source, value sets and well-formed codes', (_id, row) => {
    expectSource(row.source);
    expectCodes(row.conditions);
    for (const oid of row.valueSets) expect(oid).toMatch(/^2\.16\.840\.1\.\d+(\.\d+)+$/);
  });

  it('names what Synthea writes for MI, stroke and coronary disease, and no code twice', () => {
    const snomed = ASCVD_CONDITIONS.flatMap((r) => r.conditions.snomed ?? []);
    expect(snomed).toEqual(expect.arrayContaining(['22298006', '399211009', '230690007', '53741008']));
    expect(new Set(snomed).size).toBe(snomed.length);
    expectCodes(CORONARY_REVASCULARIZATION);
  });
});

describe('risk equation inputs', () => {
  it('reads cholesterol by LOINC in mg/dL, converting mmol/L by the molar mass', () => {
    for (const analyte of [TOTAL_CHOLESTEROL, HDL_CHOLESTEROL, LDL_CHOLESTEROL]) {
      expectSource(analyte.source);
      expectCodes({ loinc: analyte.loinc });
    }
    expect(CHOLESTEROL_MG_PER_MMOL.factor).toBeCloseTo(386.65 / 10, 1);
    expect([RISK_INPUT_MAX_AGE_MONTHS.lipids, RISK_INPUT_MAX_AGE_MONTHS.systolicBp]).toEqual([60, 12]);
  });

  it('knows every antihypertensive it names, by name in the drug tables, and no class holds them already', () => {
    for (const name of ANTIHYPERTENSIVE_INGREDIENT_NAMES) {
      const rxcui = ingredientRxcui(name);
      expect(`${name}:${rxcui === undefined ? 'missing' : 'ok'}`).toBe(`${name}:ok`);
      const classes = CLASSES_OF_INGREDIENT.get(rxcui ?? '') ?? [];
      expect(classes.filter((c) => ANTIHYPERTENSIVE_CLASSES.includes(c))).toEqual([]);
    }
  });

  it('selects the African American equations by the CDC race code in the US Core race extension', () => {
    expect(US_CORE_RACE).toMatchObject({ system: 'urn:oid:2.16.840.1.113883.6.238', africanAmerican: '2054-5' });
    expectSource(US_CORE_RACE.source);
  });
});

describe('pooled cohort equations table', () => {
  it.each(Object.values(PCE_EQUATIONS).map((eq) => [eq.group, eq] as const))('%s: sourced, survival a probability', (group, eq) => {
    expect(eq.group).toBe(group);
    expectSource(eq.source);
    expect(eq.baselineSurvival).toBeGreaterThan(0.85);
    expect(eq.baselineSurvival).toBeLessThan(1);
  });
});

describe('statin indications, drafts and exclusions', () => {
  it('checks ASCVD, LDL ≥ 190, diabetes 40–75 and 10-year risk 40–75, at the intensities ACC/AHA and USPSTF give', () => {
    expect(Object.values(STATIN_INDICATIONS).map((r) => [r.id, r.minAge, r.maxAge, r.intensity])).toEqual([
      ['clinical-ascvd', 18, undefined, 'high'],
      ['ldl-190', 20, 75, 'high'],
      ['diabetes', 40, 75, 'moderate'],
      ['ten-year-risk', 40, 75, 'moderate'],
    ]);
    expect(STATIN_INDICATIONS['clinical-ascvd'].olderIntensity).toMatchObject({ fromAge: 76, intensity: 'moderate' });
    expect([STATIN_THRESHOLDS.ldlMgDl, STATIN_THRESHOLDS.tenYearRiskPercent]).toEqual([190, 10]);
    for (const row of Object.values(STATIN_INDICATIONS)) expectSource(row.source);
  });

  it('drafts an atorvastatin SCD of the intensity, from its VSAC statin-intensity set', () => {
    expect(Object.values(STATIN_DRAFTS).map((d) => [d.intensity, d.order.code, d.order.display, d.valueSet])).toEqual([
      ['high', '617311', 'atorvastatin 40 MG Oral Tablet', '2.16.840.1.113762.1.4.1047.97'],
      ['moderate', '617312', 'atorvastatin 10 MG Oral Tablet', '2.16.840.1.113762.1.4.1047.98'],
    ]);
    for (const d of Object.values(STATIN_DRAFTS)) {
      expectSource(d.source);
      expect(d.order).toMatchObject({ kind: 'medication', system: 'http://www.nlm.nih.gov/research/umls/rxnorm' });
      expect(d.order.dosage).toMatch(/once daily/);
    }
  });

  it('excludes by rows of the exclusion table', () => {
    for (const id of STATIN_EXCLUSIONS) expect(EXCLUSIONS.map((r) => r.id)).toContain(id);
  });
});
