import { isWithinBase, onServer, parseFhirBase, resolveWithinBase } from '../../src/chart/fhir-url';

// Where the bearer token may go: only the fhirServer's origin, under its base path.

function base(url: string): URL {
  const parsed = parseFhirBase(url);
  if (!parsed) throw new Error(`not a base: ${url}`);
  return parsed;
}

describe('parseFhirBase', () => {
  it('accepts http(s) bases and drops a trailing slash', () => {
    expect(base('https://ehr.example/fhir/').href).toBe('https://ehr.example/fhir');
    expect(onServer(base('https://ehr.example/fhir/'), 'Condition?patient=1')).toBe('https://ehr.example/fhir/Condition?patient=1');
  });

  it.each(['ftp://ehr.example/fhir', 'file:///etc/passwd', 'https://user:pw@ehr.example/fhir', 'https://ehr.example/fhir?x=1', 'https://ehr.example/fhir#frag', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(parseFhirBase(url)).toBeUndefined();
    },
  );
});

describe('resolveWithinBase', () => {
  const fhir = base('https://ehr.example/fhir');

  it.each([
    ['Observation?page=2', 'https://ehr.example/fhir/Observation?page=2'],
    ['https://ehr.example/fhir/Observation?page=2', 'https://ehr.example/fhir/Observation?page=2'],
    ['https://ehr.example:443/fhir/Observation?page=2', 'https://ehr.example/fhir/Observation?page=2'],
    ['/fhir/Observation', 'https://ehr.example/fhir/Observation'],
  ])('keeps %s on the server', (link, expected) => {
    expect(resolveWithinBase(link, fhir)).toBe(expected);
  });

  it.each([
    'https://attacker.example/fhir/Observation?page=2',
    'http://ehr.example/fhir/Observation',
    'https://ehr.example:8443/fhir/Observation',
    'https://ehr.example/admin/Observation',
    'https://ehr.example/fhirx/Observation',
    'https://ehr.example/fhir/../admin/Observation',
    '/admin/Observation',
    '//attacker.example/fhir/Observation',
    'https://user@ehr.example/fhir/Observation',
    'javascript:alert(1)',
  ])('refuses %s', (link) => {
    expect(resolveWithinBase(link, fhir)).toBeUndefined();
    expect(isWithinBase(link, fhir)).toBe(false);
  });
});
