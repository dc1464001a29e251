import { matchAllowedJku } from '../../../cds-hooks/security/url-rules';

const PREFIXES = ['https://ehr.example.com/keys', 'https://other.example.org:8443/a/b/'];

describe('matchAllowedJku', () => {
  it.each([
    ['https://ehr.example.com/keys', 'https://ehr.example.com/keys'],
    ['https://ehr.example.com/keys/', 'https://ehr.example.com/keys/'],
    ['https://ehr.example.com/keys/epic/jwks.json', 'https://ehr.example.com/keys/epic/jwks.json'],
    ['HTTPS://EHR.EXAMPLE.COM:443/keys/jwks.json', 'https://ehr.example.com/keys/jwks.json'],
    ['https://ehr.example.com/keys/x/../jwks.json', 'https://ehr.example.com/keys/jwks.json'],
    ['https://other.example.org:8443/a/b/c', 'https://other.example.org:8443/a/b/c'],
    ['https://other.example.org:8443/a/b', 'https://other.example.org:8443/a/b'],
  ])('allows %s and returns the normalised URL to fetch', (jku, expected) => {
    expect(matchAllowedJku(jku, PREFIXES)?.href).toBe(expected);
  });

  it.each([
    'https://ehr.example.com.evil.com/keys/jwks.json',
    'https://ehr.example.com@evil.com/keys/jwks.json',
    'https://user:pass@ehr.example.com/keys/jwks.json',
    'https://evil.com/https://ehr.example.com/keys',
    'https://ehr.example.com/keysevil',
    'https://ehr.example.com/keys/../evil',
    'https://ehr.example.com/keys/%2e%2e/evil',
    'https://ehr.example.com/keys/%2E%2E%2Fevil',
    'https://ehr.example.com/keys/..%2fevil',
    'https://ehr.example.com/keys/..%5cevil',
    'https://ehr.example.com/keys/jwks.json?x=1',
    'https://ehr.example.com/keys/jwks.json#frag',
    'http://ehr.example.com/keys/jwks.json',
    'https://ehr.example.com:8443/keys/jwks.json',
    'https://ehr.example.com./keys/jwks.json',
    'https://other.example.org/a/b/c',
    'https://other.example.org:8443/a/bc',
    '//ehr.example.com/keys',
    'ehr.example.com/keys',
    '',
    `https://ehr.example.com/keys/${'a'.repeat(3000)}`,
  ])('refuses %s', (jku) => {
    expect(matchAllowedJku(jku, PREFIXES)).toBeUndefined();
  });

  it('refuses everything when no prefix is configured', () => {
    expect(matchAllowedJku('https://ehr.example.com/keys', [])).toBeUndefined();
  });
});
