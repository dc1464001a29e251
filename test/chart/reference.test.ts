import { FullUrlIndex, parseReference, resolveLocalReference, resolveReference } from '../../src/chart/reference';

// FHIR references in the forms EHRs send: https://hl7.org/fhir/R4/references.html#literal

describe('parseReference', () => {
  it.each([
    ['Patient/123', { kind: 'relative', type: 'Patient', id: '123' }],
    ['Patient/123/_history/2', { kind: 'relative', type: 'Patient', id: '123' }],
    ['https://ehr.example/fhir/Patient/123', { kind: 'absolute', type: 'Patient', id: '123', base: 'https://ehr.example/fhir' }],
    ['#med1', { kind: 'contained', id: 'med1' }],
    ['urn:uuid:0b1c', { kind: 'urn', urn: 'urn:uuid:0b1c' }],
  ])('reads %s', (ref, parsed) => {
    expect(parseReference(ref)).toEqual(parsed);
  });

  it.each(['Patient?identifier=http://x|1', 'patient/123', 'Patient/', '123', 'Patient/1/2', '#', ''])('cannot resolve %s', (ref) => {
    expect(parseReference(ref)).toBeUndefined();
  });
});

describe('resolveReference', () => {
  it('resolves urn:uuid through the bundles\' fullUrls, and an ambiguous fullUrl to nothing', () => {
    const index = new FullUrlIndex();
    index.add('urn:uuid:a', 'Patient/1');
    index.add('urn:uuid:b', 'Patient/1');
    index.add('urn:uuid:b', 'Patient/2');
    expect(resolveReference('urn:uuid:a', index)).toBe('Patient/1');
    expect(resolveReference('urn:uuid:b', index)).toBeUndefined();
    expect(resolveReference('urn:uuid:c', index)).toBeUndefined();
    expect(resolveReference('#med1', index)).toBeUndefined();
  });
});

describe('resolveLocalReference', () => {
  const index = new FullUrlIndex();
  index.add('urn:uuid:a', 'Patient/1');

  it('resolves an absolute reference only when its base is the request\'s fhirServer', () => {
    expect(resolveLocalReference('https://ehr.example/fhir/Patient/1', index, 'https://ehr.example/fhir')).toBe('Patient/1');
    expect(resolveLocalReference('https://ehr.example/fhir/Patient/1', index, 'https://ehr.example/fhir/')).toBe('Patient/1');
    expect(resolveLocalReference('https://other-ehr.example.org/fhir/Patient/1', index, 'https://ehr.example/fhir')).toBeUndefined();
    expect(resolveLocalReference('https://ehr.example/other/Patient/1', index, 'https://ehr.example/fhir')).toBeUndefined();
  });

  it('without a fhirServer, only relative and urn references resolve', () => {
    expect(resolveLocalReference('https://ehr.example/fhir/Patient/1', index, undefined)).toBeUndefined();
    expect(resolveLocalReference('Patient/1', index, undefined)).toBe('Patient/1');
    expect(resolveLocalReference('urn:uuid:a', index, undefined)).toBe('Patient/1');
    expect(resolveLocalReference('https://ehr.example/fhir/Patient/1', index, 'not a url')).toBeUndefined();
  });
});
