import { conceptMatches } from '../../../src/rules/care-gaps/code-match';
import { addMonths, dayText, seasonStart } from '../../../src/rules/care-gaps/dates';
import { intervalText, orList, stillCounts } from '../../../src/rules/care-gaps/interval-text';

describe('code matching', () => {
  it('matches ICD-10 by prefix, with or without dots, in either ICD-10 system', () => {
    expect(conceptMatches({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'e11.65' }] }, { icd10: ['E11'] })).toBe(true);
    expect(conceptMatches({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'Z90710' }] }, { icd10: ['Z90.710'] })).toBe(true);
    expect(conceptMatches({ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E1' }] }, { icd10: ['E11'] })).toBe(false);
  });

  it('matches HCPCS by URL or OID, and nothing without codes', () => {
    expect(conceptMatches({ coding: [{ system: 'urn:oid:2.16.840.1.113883.6.285', code: 'G0121' }] }, { hcpcs: ['G0121'] })).toBe(true);
    expect(conceptMatches({ coding: [{ system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'G0121' }] }, { hcpcs: ['G0121'] })).toBe(true);
    expect(conceptMatches(undefined, { hcpcs: ['G0121'] })).toBe(false);
    expect(conceptMatches({ text: 'colonoscopy' }, { snomed: ['73761001'] })).toBe(false);
  });

  it('matches a code only in a system its list names, and skips codings without a system or a code', () => {
    const colonoscopy = { snomed: ['73761001'], icd10: ['Z12.11'] };
    expect(conceptMatches({ coding: [{ system: 'http://loinc.org', code: '73761001' }] }, colonoscopy)).toBe(false);
    expect(conceptMatches({ coding: [{ code: '73761001' }, { system: 'http://snomed.info/sct' }, { system: 'http://snomed.info/sct', code: '' }] }, colonoscopy)).toBe(false);
    const garbage = { coding: [null, 'Z1211', { system: 'http://snomed.info/sct', code: 73761001 }] } as unknown as Parameters<typeof conceptMatches>[0];
    expect(conceptMatches(garbage, colonoscopy)).toBe(false);
    expect(conceptMatches({ coding: [{ system: 'http://loinc.org', code: 'x' }, { system: 'http://snomed.info/sct', code: '73761001' }] }, colonoscopy)).toBe(true);
  });
});

describe('dates', () => {
  it('adds calendar months, clamping to the month end and keeping the time of day', () => {
    expect(new Date(addMonths(Date.parse('2024-01-31T10:00:00Z'), 1)).toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(new Date(addMonths(Date.parse('2021-06-01T00:00:00Z'), -120)).toISOString()).toBe('2011-06-01T00:00:00.000Z');
    expect(new Date(addMonths(Date.parse('1960-03-15T06:00:00Z'), 12)).toISOString()).toBe('1961-03-15T06:00:00.000Z');
  });

  it('finds the season start on or before asOf', () => {
    expect(dayText(seasonStart(new Date('2021-06-01T00:00:00Z'), 8, 1))).toBe('2020-08-01');
    expect(dayText(seasonStart(new Date('2021-08-01T00:00:00Z'), 8, 1))).toBe('2021-08-01');
  });
});

describe('intervals as the card writes them', () => {
  it('writes years, months or once', () => {
    expect([intervalText(120), intervalText(3), intervalText(undefined)]).toEqual(['10 y', '3 mo', 'once']);
  });

  it('counts an event until the interval has passed; once is forever', () => {
    const asOf = new Date('2026-06-01T00:00:00Z');
    expect(stillCounts(Date.parse('2016-06-02T00:00:00Z'), 120, asOf)).toBe(true);
    expect(stillCounts(Date.parse('2016-06-01T00:00:00Z'), 120, asOf)).toBe(false);
    expect(stillCounts(Date.parse('1990-01-01T00:00:00Z'), undefined, asOf)).toBe(true);
  });

  it('joins alternatives with "or"', () => {
    expect([orList([]), orList(['a']), orList(['a', 'b', 'c'])]).toEqual(['', 'a', 'a, b or c']);
  });
});
