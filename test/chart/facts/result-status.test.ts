import { isFinalResult, isPreliminaryResult, isShownResult } from '../../../src/chart/facts/result-status';

// One status policy: rules act on final results only; the brief may also show a preliminary one, labelled.

it('lets rules act on final, amended, corrected and (reports) appended results only', () => {
  expect(['final', 'amended', 'corrected', 'appended'].every(isFinalResult)).toBe(true);
  expect(['preliminary', 'registered', 'cancelled', 'entered-in-error', 'unknown', undefined].some(isFinalResult)).toBe(false);
});

it('lets the brief show a preliminary result as well, and nothing cancelled or in error', () => {
  expect(isPreliminaryResult('preliminary')).toBe(true);
  expect(isShownResult('preliminary')).toBe(true);
  expect(isShownResult('final')).toBe(true);
  expect(['registered', 'cancelled', 'entered-in-error', 'unknown', undefined].some(isShownResult)).toBe(false);
});
