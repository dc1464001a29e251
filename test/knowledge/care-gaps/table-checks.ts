import type { CodeSet } from '../../../src/knowledge/care-gaps/code-sets';
import type { KnowledgeSource } from '../../../src/knowledge/knowledge-source';

// Checks the care-gap table tests share: every row cites a source; every code is well formed
// (LOINC and SNOMED CT check digits catch typos), and listed once.

export function expectSource(source: KnowledgeSource): void {
  expect(source.label.trim()).not.toBe('');
  expect(source.url).toMatch(/^https:\/\/\S+$/);
}

/** LOINC mod-10 check digit (https://loinc.org/kb/users-guide/calculating-mod-10-check-digits/). */
export function loincCheckDigit(body: string): number {
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

export function verhoeffValid(id: string): boolean {
  let c = 0;
  id.split('').reverse().forEach((d, i) => {
    c = D[c]![P[i % 8]![Number(d)]!]!;
  });
  return c === 0;
}

export function expectCodes(set: CodeSet): void {
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
