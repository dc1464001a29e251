import { deadlineAfter, NO_DEADLINE, within } from '../src/deadline';

// The hook's one deadline, with an injected clock: what is left, and a limit cut to fit it.

it('counts down from its start on the clock it is given', () => {
  let now = 1_000;
  const deadline = deadlineAfter(3000, 1_000, () => now);
  expect(deadline.remainingMs()).toBe(3000);
  now = 3_500;
  expect(deadline.remainingMs()).toBe(500);
  now = 4_200;
  expect(deadline.remainingMs()).toBe(-200);
});

it('cuts a limit to the whole milliseconds left, never below 0, and leaves it whole without a deadline', () => {
  expect(within({ remainingMs: () => 120.9 }, 4000)).toBe(120);
  expect(within({ remainingMs: () => 9000 }, 4000)).toBe(4000);
  expect(within({ remainingMs: () => -50 }, 4000)).toBe(0);
  expect(within(undefined, 4000)).toBe(4000);
  expect(within(NO_DEADLINE, 4000)).toBe(4000);
});
