import { inRange } from '../../../src/rules/clinical-state/in-range';

it('checks every bound of a range, as guidelines write them', () => {
  expect(inRange(29.9, { below: 30 })).toBe(true);
  expect(inRange(30, { below: 30 })).toBe(false);
  expect(inRange(50, { atLeast: 15, atMost: 50 })).toBe(true);
  expect(inRange(50.1, { atLeast: 15, atMost: 50 })).toBe(false);
  expect(inRange(14.9, { atLeast: 15, atMost: 50 })).toBe(false);
  expect(inRange(95, { above: 95 })).toBe(false);
  expect(inRange(95.1, { above: 95 })).toBe(true);
  expect(inRange(1, {})).toBe(true);
});
