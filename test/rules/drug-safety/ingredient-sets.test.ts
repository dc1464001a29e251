import { ageInYears } from '../../../src/rules/drug-safety/chart-facts';
import { rxcuisOf } from '../../../src/rules/drug-safety/ingredient-sets';

// The small readers the drug-safety modifiers rest on.

describe('ageInYears', () => {
  const asOf = new Date('2026-06-15T00:00:00Z');
  it.each([
    ['1950-06-15', 76],
    ['1950-06-16', 75],
    ['1950-05-20', 76],
    ['1950-07-01', 75],
  ])('born %s is %d on 2026-06-15', (birthDate, age) => {
    expect(ageInYears({ resourceType: 'Patient', birthDate }, asOf)).toBe(age);
  });

  it('is unknown for a partial or missing birth date (no guessed age)', () => {
    expect(ageInYears({ resourceType: 'Patient', birthDate: '1950' }, asOf)).toBeUndefined();
    expect(ageInYears({ resourceType: 'Patient' }, asOf)).toBeUndefined();
  });
});

describe('rxcuisOf', () => {
  it('resolves table names and skips names the tables do not know', () => {
    expect([...rxcuisOf(['warfarin', 'zorblax'])]).toEqual(['11289']);
  });
});
