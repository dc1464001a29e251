import { CHART_SECTIONS } from '../../../src/chart/chart-sections';
import type { CodeSet, OrderCode } from '../../../src/knowledge/care-gaps/code-sets';
import { DIABETES_CONDITIONS, DIABETES_MONITORING, GLUCOSE_LOWERING_INGREDIENTS, HBA1C_SCHEDULE } from '../../../src/knowledge/care-gaps/diabetes-monitoring';
import { END_OF_LIFE_EXCLUSIONS, EXCLUSIONS } from '../../../src/knowledge/care-gaps/exclusions';
import { INFLUENZA, PNEUMOCOCCAL_PRODUCTS, PNEUMOCOCCAL_SCHEDULE } from '../../../src/knowledge/care-gaps/immunizations';
import { CURRENT_SMOKER, CV_RISK_FACTORS, FORMER_SMOKER, NEVER_SMOKER, STATIN_INGREDIENTS } from '../../../src/knowledge/care-gaps/risk-factors';
import { SCREENINGS } from '../../../src/knowledge/care-gaps/screenings';
import type { KnowledgeSource } from '../../../src/rules/rule';

// Sanity of the care-gap tables: every row cites a source, every interval is positive, every
// code is well formed (LOINC and SNOMED CT check digits catch typos), nothing is listed twice.

function expectSource(source: KnowledgeSource): void {
  expect(source.label.trim()).not.toBe('');
  expect(source.url).toMatch(/^https:\/\/\S+$/);
}

/** LOINC mod-10 check digit (https://loinc.org/kb/users-guide/calculating-mod-10-check-digits/). */
function loincCheckDigit(body: string): number {
  const digits = body.split('').reverse();
  const odd = digits.filter((_, i) => i % 2 === 0).reverse().join('');
  const even = digits.filter((_, i) => i % 2 === 1).reverse().join('');
  const combined = `${even}${String(Number(odd) * 2)}`;
  const sum = combined.split('').reduce((s, d) => s + Number(d), 0);
  return (10 - (sum % 10)) % 10;
}

// Verhoeff tables: SNOMED CT identifiers end in a Verhoeff check digit.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

function verhoeffValid(id: string): boolean {
  let c = 0;
  id.split('').reverse().forEach((d, i) => {
    c = D[c]![P[i % 8]![Number(d)]!]!;
  });
  return c === 0;
}

function expectCodes(set: CodeSet): void {
  const all = Object.values(set).flat() as string[];
  expect(all.length).toBeGreaterThan(0);
  for (const [list, codes] of Object.entries(set) as [keyof CodeSet, string[]][]) {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      switch (list) {
        case 'loinc': {
          expect(code).toMatch(/^\d{1,6}-\d$/);
          const [body, check] = code.split('-');
          expect(`${code}:${loincCheckDigit(body!)}`).toBe(`${code}:${check}`);
          break;
        }
        case 'snomed':
          expect(code).toMatch(/^\d{6,18}$/);
          expect(`${code}:${String(verhoeffValid(code))}`).toBe(`${code}:true`);
          break;
        case 'cpt':
          expect(code).toMatch(/^\d{4}[0-9F]$/);
          break;
        case 'hcpcs':
          expect(code).toMatch(/^[A-Z]\d{4}$/);
          break;
        case 'cvx':
          expect(code).toMatch(/^\d{1,3}$/);
          break;
        case 'icd10':
          expect(code).toMatch(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/);
          break;
      }
    }
  }
}

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
    });
    expect(SCREENINGS.map((r) => [r.id, r.minAge, r.maxAge, r.sex])).toEqual([
      ['colorectal', 45, 75, undefined],
      ['breast', 40, 74, 'female'],
      ['cervical', 21, 65, 'female'],
      ['hepatitis-c', 18, 79, undefined],
      ['lipid-statin', 40, 75, undefined],
      ['aaa', 65, 75, 'male'],
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

  it('keeps current, former and never smoking apart', () => {
    for (const set of [CURRENT_SMOKER, FORMER_SMOKER, NEVER_SMOKER]) expectCodes(set);
    const never = new Set(NEVER_SMOKER.snomed);
    for (const code of [...(CURRENT_SMOKER.snomed ?? []), ...(FORMER_SMOKER.snomed ?? [])]) expect(never.has(code)).toBe(false);
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
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
