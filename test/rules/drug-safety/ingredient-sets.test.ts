import { rxcuisOf } from '../../../src/rules/drug-safety/ingredient-sets';

describe('rxcuisOf', () => {
  it('resolves table names and skips names the tables do not know', () => {
    expect([...rxcuisOf(['warfarin', 'zorblax'])]).toEqual(['11289']);
  });
});
