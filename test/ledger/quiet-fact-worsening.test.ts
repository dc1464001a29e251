import { factGotWorse } from '../../src/ledger/fact-worsening';
import type { SeverityFact } from '../../src/rules/rule';

// When has the fact behind an overridden finding got worse? Unsure counts as worse.

const lab = (code: string, value: number | undefined, ref = `Observation/${code}-1`): SeverityFact => ({ code, ...(value !== undefined && { value }), ref });

describe('lab values worse higher (INR above 4, potassium 5.0 or more, QTc prolonged)', () => {
  it.each([
    ['inr', 4.5, 4.6, true],
    ['inr', 4.5, 4.5, false],
    ['inr', 4.5, 4.2, false],
    ['potassium', 5.4, 5.8, true],
    ['potassium', 5.4, 5.1, false],
    ['qtc', 480, 510, true],
    ['qtc', 480, 470, false],
  ])('%s %d then %d: worse %s', (code, before, now, worse) => {
    expect(factGotWorse(lab(code, before), lab(code, now, `Observation/${code}-2`))).toBe(worse);
  });
});

describe('lab values worse lower (eGFR below 30/60, magnesium below 1.7, potassium below 3.5)', () => {
  it.each([
    ['egfr', 45, 38, true],
    ['egfr', 45, 52, false],
    ['egfr', 25, 25, false],
    ['magnesium', 1.5, 1.3, true],
    ['magnesium', 1.5, 1.6, false],
    ['potassium', 3.2, 3.0, true],
    ['potassium', 3.2, 3.4, false],
  ])('%s %d then %d: worse %s', (code, before, now, worse) => {
    expect(factGotWorse(lab(code, before), lab(code, now, `Observation/${code}-2`))).toBe(worse);
  });
});

it('a value that crossed to the other side of normal is worse (potassium 5.4 then 3.2)', () => {
  expect(factGotWorse(lab('potassium', 5.4), lab('potassium', 3.2))).toBe(true);
  expect(factGotWorse(lab('potassium', 3.2), lab('potassium', 5.4))).toBe(true);
});

it('a value that crosses no limit gives no direction: worse', () => {
  // INR 3.0 raises nothing: a fact recorded like that cannot be compared by direction.
  expect(factGotWorse(lab('inr', 3.0), lab('inr', 2.5))).toBe(true);
  expect(factGotWorse(lab('inr', 4.5), lab('inr', 3.0))).toBe(true);
});

it('a lab fact with a value missing on either side is worse unless it is the same resource', () => {
  expect(factGotWorse(lab('inr', undefined), lab('inr', 4.5))).toBe(true);
  expect(factGotWorse(lab('inr', 4.5), lab('inr', undefined))).toBe(true);
});

it('age never gets worse: it only rises', () => {
  const age = (value: number): SeverityFact => ({ code: 'age', value, unit: 'a', ref: 'Patient/p1' });
  expect(factGotWorse(age(78), age(79))).toBe(false);
});

it('a fact without a value (condition, sex, pregnancy) is the same fact when its code is the same', () => {
  expect(factGotWorse({ code: '78275009', ref: 'Condition/osa-1', date: '2020-01-01' }, { code: '78275009', ref: 'Condition/osa-2' })).toBe(false);
  expect(factGotWorse({ code: 'sex', ref: 'Patient/p1' }, { code: 'sex', ref: 'Patient/p1' })).toBe(false);
});

it('another code is worse (another risk fact now sets the severity)', () => {
  expect(factGotWorse(lab('inr', 4.5), lab('egfr', 25))).toBe(true);
  expect(factGotWorse({ code: '78275009', ref: 'Condition/osa-1' }, { code: '13645005', ref: 'Condition/copd-1' })).toBe(true);
});

it('an unknown valued code is not worse only for the same resource and value', () => {
  expect(factGotWorse(lab('ldl', 190, 'Observation/l1'), lab('ldl', 190, 'Observation/l1'))).toBe(false);
  expect(factGotWorse(lab('ldl', 190, 'Observation/l1'), lab('ldl', 190, 'Observation/l2'))).toBe(true);
  expect(factGotWorse(lab('ldl', 190, 'Observation/l1'), lab('ldl', 150, 'Observation/l1'))).toBe(true);
});

it('no fact then and now is not worse; a fact appearing or disappearing is', () => {
  expect(factGotWorse(undefined, undefined)).toBe(false);
  expect(factGotWorse(undefined, lab('inr', 4.5))).toBe(true);
  expect(factGotWorse(lab('inr', 4.5), undefined)).toBe(true);
});
