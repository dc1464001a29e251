import { isFhirServerAllowed } from '../../../cds-hooks/security/fhir-server-allowlist';

const client = { fhirServers: ['https://fhir.example.org/api/FHIR/R4', 'http://127.0.0.1:4000/fhir/'] };

describe('isFhirServerAllowed', () => {
  it.each([
    'https://fhir.example.org/api/FHIR/R4',
    'https://fhir.example.org/api/FHIR/R4/',
    'HTTPS://FHIR.EXAMPLE.ORG:443/api/FHIR/R4',
    'http://127.0.0.1:4000/fhir',
    'http://127.0.0.1:4000/fhir/',
  ])('allows the configured server %s (modulo case of host, default port and a trailing slash)', (fhirServer) => {
    expect(isFhirServerAllowed(client, fhirServer)).toBe(true);
  });

  it.each([
    'https://fhir.example.org/api/FHIR/R4/Patient',
    'https://fhir.example.org/api/FHIR',
    'https://fhir.example.org/api/fhir/r4',
    'https://fhir.example.org.evil.com/api/FHIR/R4',
    'https://fhir.example.org@evil.com/api/FHIR/R4',
    'https://user@fhir.example.org/api/FHIR/R4',
    'https://fhir.example.org:8443/api/FHIR/R4',
    'http://fhir.example.org/api/FHIR/R4',
    'https://fhir.example.org/api/FHIR/R4?x=1',
    'https://fhir.example.org/api/FHIR/R4#x',
    'https://fhir.example.org/api/FHIR/R4/../../other',
    'https://fhir.example.org/api/FHIR/R4/%2e%2e%2fother',
    'http://localhost:4000/fhir',
    'http://169.254.169.254/latest/meta-data',
    'not a url',
    '',
  ])('refuses %s', (fhirServer) => {
    expect(isFhirServerAllowed(client, fhirServer)).toBe(false);
  });

  it('refuses every fhirServer for a client with no list, or an empty one', () => {
    expect(isFhirServerAllowed({}, 'https://fhir.example.org/api/FHIR/R4')).toBe(false);
    expect(isFhirServerAllowed({ fhirServers: [] }, 'https://fhir.example.org/api/FHIR/R4')).toBe(false);
  });
});
