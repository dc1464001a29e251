import { FullUrlIndex, LocalReferences, parseReference, resolveLocalReference, resolveReference } from '../../src/chart/reference';

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

describe('LocalReferences', () => {
  it('answers as resolveLocalReference does, for every form, asked once or many times', () => {
    const index = new FullUrlIndex();
    index.add('urn:uuid:a', 'Patient/1');
    const refs = ['Patient/1', 'Patient/1/_history/2', 'https://ehr.example/fhir/Patient/1', 'https://other.example/fhir/Patient/1', 'urn:uuid:a', 'urn:uuid:b', '#med1', 'garbage'];
    for (const fhirServer of ['https://ehr.example/fhir', undefined]) {
      const references = new LocalReferences(index, fhirServer);
      for (const ref of [...refs, ...refs]) expect([ref, references.resolve(ref)]).toEqual([ref, resolveLocalReference(ref, index, fhirServer)]);
    }
  });

  it('looks urn references up every time: the fullUrl index may still be growing', () => {
    const index = new FullUrlIndex();
    const references = new LocalReferences(index, undefined);
    expect(references.resolve('urn:uuid:a')).toBeUndefined();
    index.add('urn:uuid:a', 'Patient/1');
    expect(references.resolve('urn:uuid:a')).toBe('Patient/1');
  });
});

describe('FullUrlIndex.answeredEarly', () => {
  it('is set only when an entry added later changes an answer already given', () => {
    const index = new FullUrlIndex();
    index.add('urn:uuid:a', 'Patient/1');
    expect(index.get('urn:uuid:a')).toBe('Patient/1');
    index.add('urn:uuid:a', 'Patient/1');
    index.add('urn:uuid:b', 'Patient/2');
    expect(index.answeredEarly).toBe(false);
    index.add('urn:uuid:a', 'Condition/1');
    expect(index.answeredEarly).toBe(true);
  });

  it('counts a fullUrl asked about before any entry gave it', () => {
    const index = new FullUrlIndex();
    expect(index.get('urn:uuid:a')).toBeUndefined();
    index.add('urn:uuid:a', 'Patient/1');
    expect(index.answeredEarly).toBe(true);
  });
});
