import { CHART_SECTIONS } from '../../../src/chart/chart-sections';
import type { CodeSet, OrderCode } from '../../../src/knowledge/care-gaps/code-sets';
import { DIABETES_CONDITIONS, DIABETES_MONITORING, GLUCOSE_LOWERING_INGREDIENTS, HBA1C_SCHEDULE } from '../../../src/knowledge/care-gaps/diabetes-monitoring';
import { END_OF_LIFE_EXCLUSIONS, EXCLUSIONS } from '../../../src/knowledge/care-gaps/exclusions';
import { INFLUENZA, PNEUMOCOCCAL_PRODUCTS, PNEUMOCOCCAL_SCHEDULE } from '../../../src/knowledge/care-gaps/immunizations';
import { CV_RISK_FACTORS, STATIN_INGREDIENTS } from '../../../src/knowledge/care-gaps/risk-factors';
import { CURRENT_SMOKER, FORMER_SMOKER, NEVER_SMOKER, PACK_YEARS, SMOKER_STATUS_UNKNOWN } from '../../../src/knowledge/care-gaps/smoking-status';
import { PCE_EQUATIONS } from '../../../src/knowledge/care-gaps/pooled-cohort-equations';
import { SCREENINGS } from '../../../src/knowledge/care-gaps/screenings';
import { STATIN_DRAFTS, STATIN_INDICATIONS } from '../../../src/knowledge/care-gaps/statin-therapy';
import { expectCodes, expectSource, loincCheckDigit, verhoeffValid } from './table-checks';

// Sanity of the care-gap tables: every row cites a source, every interval is positive, every
// code is well formed (LOINC and SNOMED CT check digits catch typos), nothing is listed twice.

function expectOrder(order: OrderCode): void {
  expect(order.system).toMatch(/^http/);
  for (const v of [order.code, order.display, order.text]) expect(v.trim()).not.toBe('');
  const codes: CodeSet =
    order.system === 'http://loinc.org' ? { loinc: [order.code] } : order.system === 'http://snomed.info/sct' ? { snomed: [order.code] } : order.system.endsWith('cvx') ? { cvx: [order.code] } : { cpt: [order.code] };
  expectCodes(codes);
}

describe('the check-digit helpers', () => {
  it('accept real codes and reject one-digit typos', () => {
    expect([loincCheckDigit('4548'), loincCheckDigit('57698'), loincCheckDigit('14959')]).toEqual([4, 3, 1]);
    expect(loincCheckDigit('4549')).not.toBe(4);
    expect([verhoeffValid('73761001'), verhoeffValid('44054006'), verhoeffValid('428041000124106')]).toEqual([true, true, true]);
    expect([verhoeffValid('73761002'), verhoeffValid('44054007')]).toEqual([false, false]);
  });
});

describe('screening table (USPSTF)', () => {
  it.each(SCREENINGS.map((r) => [r.id, r] as const))('%s: source, ages, sections, exclusions and order are sound', (_id, row) => {
    expectSource(row.source);
    expect(row.minAge).toBeGreaterThanOrEqual(18);
    expect(row.maxAge).toBeGreaterThan(row.minAge);
    expect(row.methods.length).toBeGreaterThan(0);
    for (const s of row.evidenceSections) expect(CHART_SECTIONS).toContain(s);
    for (const e of row.exclusions) expect(EXCLUSIONS.map((x) => x.id)).toContain(e);
    expectOrder(row.order);
  });

  it.each(SCREENINGS.flatMap((r) => r.methods.map((m) => [m.id, m] as const)))('method %s: source, positive interval, well-formed codes', (_id, m) => {
    expectSource(m.source);
    if (m.intervalMonths !== undefined) expect(Number.isInteger(m.intervalMonths) && m.intervalMonths > 0).toBe(true);
    if (m.minAge !== undefined) expect(m.minAge).toBeGreaterThan(0);
    if (m.valueSet !== undefined) expect(m.valueSet).toMatch(/^2\.16\.840\.1\.\d+(\.\d+)+$/);
    expectCodes(m.codes);
  });

  it('keeps the intervals the recommendations state', () => {
    const months = Object.fromEntries(SCREENINGS.flatMap((r) => r.methods.map((m) => [m.id, m.intervalMonths])));
    expect(months).toEqual({
      'colorectal-colonoscopy': 120,
      'colorectal-ct-colonography': 60,
      'colorectal-flexible-sigmoidoscopy': 60,
      'colorectal-fit-dna': 36,
      'colorectal-fit': 12,
      'breast-mammography': 24,
      'cervical-cytology': 36,
      'cervical-hrhpv': 60,
      'hepatitis-c-antibody': undefined,
      'lipid-panel': 60,
      'aaa-ultrasound': undefined,
      'lung-ldct': 12,
    });
    expect(SCREENINGS.map((r) => [r.id, r.minAge, r.maxAge, r.sex])).toEqual([
      ['colorectal', 45, 75, undefined],
      ['breast', 40, 74, 'female'],
      ['cervical', 21, 65, 'female'],
      ['hepatitis-c', 18, 79, undefined],
      ['lipids', 40, 75, undefined],
      ['aaa', 65, 75, 'male'],
      ['lung-cancer', 50, 80, undefined],
    ]);
  });

  it('never lists one code under two methods of a screening', () => {
    for (const row of SCREENINGS) {
      const codes = row.methods.flatMap((m) => Object.values(m.codes).flatMap((list: readonly string[] | undefined) => list ?? []));
      expect(new Set(codes).size).toBe(codes.length);
    }
  });
});

describe('exclusion table', () => {
  it.each(EXCLUSIONS.map((r) => [r.id, r] as const))('%s: source and well-formed codes', (_id, row) => {
    expectSource(row.source);
    expectCodes(row.codes);
    if (row.procedureWithinMonths !== undefined) expect(row.procedureWithinMonths).toBeGreaterThan(0);
  });

  it('has unique ids and end-of-life rows that exist and count only while active', () => {
    expect(new Set(EXCLUSIONS.map((r) => r.id)).size).toBe(EXCLUSIONS.length);
    for (const id of END_OF_LIFE_EXCLUSIONS) expect(EXCLUSIONS.find((r) => r.id === id)?.activeOnly).toBe(true);
  });
});

describe('diabetes monitoring table (ADA 2025)', () => {
  it.each(DIABETES_MONITORING.map((r) => [r.id, r] as const))('%s: source, positive interval, codes, order', (_id, row) => {
    expectSource(row.source);
    expect(row.intervalMonths).toBeGreaterThan(0);
    expectCodes(row.codes);
    expectOrder(row.order);
  });

  it('shortens the HbA1c interval when not at goal, with goals in both units', () => {
    expectSource(HBA1C_SCHEDULE.source);
    expect(HBA1C_SCHEDULE.notAtGoalMonths).toBeLessThan(HBA1C_SCHEDULE.atGoalMonths);
    expect([HBA1C_SCHEDULE.goalPercent, HBA1C_SCHEDULE.goalMmolPerMol, HBA1C_SCHEDULE.therapyChangeMonths]).toEqual([7, 53, 3]);
    expectCodes(DIABETES_CONDITIONS);
  });

  it('lists glucose-lowering and statin ingredients as RxNorm ids, once each', () => {
    for (const list of [GLUCOSE_LOWERING_INGREDIENTS, STATIN_INGREDIENTS]) {
      expect(new Set(list).size).toBe(list.length);
      for (const id of list) expect(id).toMatch(/^\d+$/);
    }
  });
});

describe('risk factor tables', () => {
  it.each(CV_RISK_FACTORS.map((r) => [r.id, r] as const))('%s: source and codes', (_id, row) => {
    expectSource(row.source);
    expectCodes(row.conditions);
  });

  it('keeps current, former, status-unknown and never smoking apart, each code in one set', () => {
    const sets = [CURRENT_SMOKER, FORMER_SMOKER, SMOKER_STATUS_UNKNOWN, NEVER_SMOKER];
    for (const set of sets) expectCodes(set);
    const all = sets.flatMap((set) => [...(set.snomed ?? []), ...(set.icd10 ?? [])]);
    expect(new Set(all).size).toBe(all.length);
    expectCodes(PACK_YEARS);
  });

  it('reads the eight US Core smoking status values', () => {
    const kinds = (code: string): string[] =>
      Object.entries({ current: CURRENT_SMOKER, former: FORMER_SMOKER, unknown: SMOKER_STATUS_UNKNOWN, never: NEVER_SMOKER }).flatMap(([k, set]) => (set.snomed?.includes(code) ? [k] : []));
    expect(['449868002', '428041000124106', '428071000124103', '428061000124105', '8517006', '77176002', '266919005', '266927001'].map(kinds)).toEqual([
      ['current'],
      ['current'],
      ['current'],
      ['current'],
      ['former'],
      ['unknown'],
      ['never'],
      [],
    ]);
  });
});

describe('immunization tables (ACIP 2024, CDC CVX)', () => {
  it('has a season start, a minimum age and flu CVX codes', () => {
    expectSource(INFLUENZA.source);
    expect(INFLUENZA.seasonStartMonth).toBeGreaterThanOrEqual(1);
    expect(INFLUENZA.seasonStartMonth).toBeLessThanOrEqual(12);
    expect(INFLUENZA.minAgeMonths).toBeGreaterThan(0);
    expectCodes({ cvx: INFLUENZA.cvx });
    expectOrder(INFLUENZA.order);
  });

  it('gives every pneumococcal CVX code one product, none of them influenza', () => {
    const codes = PNEUMOCOCCAL_PRODUCTS.flatMap((p) => p.cvx);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of PNEUMOCOCCAL_PRODUCTS) expectSource(p.source);
    for (const c of codes) expect(INFLUENZA.cvx).not.toContain(c);
    expectCodes({ cvx: codes });
  });

  it('has positive pneumococcal intervals and sourced orders', () => {
    expectSource(PNEUMOCOCCAL_SCHEDULE.source);
    expect(PNEUMOCOCCAL_SCHEDULE.afterSingleDoseMonths).toBeGreaterThan(0);
    expect(PNEUMOCOCCAL_SCHEDULE.afterBothMonths).toBeGreaterThan(PNEUMOCOCCAL_SCHEDULE.afterSingleDoseMonths);
    expectOrder(PNEUMOCOCCAL_SCHEDULE.order);
    expectOrder(PNEUMOCOCCAL_SCHEDULE.orderPpsv23);
  });
});

describe('knowledge row ids', () => {
  it('are unique across the care-gap tables (a finding lists them)', () => {
    const ids = [
      ...SCREENINGS.map((r) => r.id),
      ...SCREENINGS.flatMap((r) => r.methods.map((m) => m.id)),
      ...EXCLUSIONS.map((r) => r.id),
      ...DIABETES_MONITORING.map((r) => `diabetes-${r.id}`),
      INFLUENZA.id,
      PNEUMOCOCCAL_SCHEDULE.id,
      ...Object.keys(STATIN_INDICATIONS).map((id) => `statin-${id}`),
      ...Object.keys(STATIN_DRAFTS).map((intensity) => `statin-${intensity}-intensity`),
      ...Object.keys(PCE_EQUATIONS),
      'pooled-cohort-equations',
      'statin-allergy',
      'pregnancy',
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
