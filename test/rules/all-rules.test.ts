import { ALL_RULES } from '../../src/rules/all-rules';

it('gives every rule a unique kebab-case id, a title and at least one hook', () => {
  const ids = ALL_RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of ALL_RULES) {
    expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(r.title).toMatch(/\S/);
    expect(r.hooks.length).toBeGreaterThan(0);
  }
});
