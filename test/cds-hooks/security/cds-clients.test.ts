import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCdsClientsFile, parseCdsClients } from '../../../cds-hooks/security/cds-clients';

const EC_KEY = { kty: 'EC', crv: 'P-384', x: 'x-coordinate', y: 'y-coordinate', kid: 'k1', alg: 'ES384', use: 'sig' };
const SOURCE = '/etc/chartbrief/clients.json';

function errorOf(json: unknown): string {
  const result = parseCdsClients(json, SOURCE);
  if (result.ok) throw new Error('expected a validation error');
  return result.error;
}

describe('parseCdsClients', () => {
  it('accepts each key source: jwks_url, inline jwks, jku prefixes only', () => {
    const result = parseCdsClients(
      [
        { iss: 'https://cds-hooks.cerner.com', jwks_url: 'https://ehr.example.org/.well-known/jwks.json?tenant=1', fhirServers: ['https://fhir.example.org/r4'] },
        { iss: 'https://sandbox.cds-hooks.org', jwks: { keys: [EC_KEY] }, tenant: 'hospital-1' },
        { iss: 'https://fhir.epic.com', jku: ['https://fhir.epic.com/interconnect-fhir-oauth/api/epic/2019/Security/Open/PublicKeys'] },
        { iss: 'http://127.0.0.1:3000/sandbox', jwks_url: 'http://127.0.0.1:3000/sandbox/jwks', jku: ['http://localhost:3000/keys'] },
      ],
      SOURCE,
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.map((c) => c.iss)).toHaveLength(4);
  });

  it.each<[string, unknown, string]>([
    ['a non-array', { clients: [] }, `CDS_CLIENTS_FILE ${SOURCE}: (root): must be a JSON array of clients`],
    ['an empty list', [], '(root): must list at least one client'],
    ['a missing iss', [{ jwks_url: 'https://ehr.example.org/jwks' }], '[0].iss:'],
    ['an empty iss', [{ iss: '', jwks_url: 'https://ehr.example.org/jwks' }], '[0].iss: must not be empty'],
    ['no key source', [{ iss: 'https://a' }], '[0].jwks_url: a key source is required'],
    ['both jwks_url and jwks', [{ iss: 'https://a', jwks_url: 'https://a/jwks', jwks: { keys: [EC_KEY] } }], '[0].jwks: give either jwks_url or jwks'],
    ['an http jwks_url off loopback', [{ iss: 'https://a', jwks_url: 'http://ehr.example.org/jwks' }], '[0].jwks_url: must be an https URL'],
    ['a relative jwks_url', [{ iss: 'https://a', jwks_url: '/jwks' }], '[0].jwks_url: must be an absolute URL'],
    ['user info in a jku prefix', [{ iss: 'https://a', jku: ['https://ehr.example.org@evil.com/keys'] }], '[0].jku[0]: must not contain user info'],
    ['a query in a jku prefix', [{ iss: 'https://a', jku: ['https://ehr.example.org/keys?x=1'] }], '[0].jku[0]: must not contain a query'],
    ['a fragment in a fhirServer', [{ iss: 'https://a', jku: ['https://a/k'], fhirServers: ['https://fhir/r4#x'] }], '[0].fhirServers[0]: must not contain a fragment'],
    ['an empty jku list', [{ iss: 'https://a', jku: [] }], '[0].jku: must list at least one prefix'],
    ['an encoded slash in a prefix', [{ iss: 'https://a', jku: ['https://a/keys%2F..'] }], '[0].jku[0]: must not contain percent-encoded'],
    ['a duplicate iss', [{ iss: 'https://a', jku: ['https://a/k'] }, { iss: 'https://a', jku: ['https://a/k'] }], '[1].iss: is listed twice'],
    ['an unknown field (typo)', [{ iss: 'https://a', jwksUrl: 'https://a/jwks' }], '[0]: Unrecognized key'],
    ['an HMAC key', [{ iss: 'https://a', jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }], '[0].jwks.keys[0].kty: must be "EC" or "RSA"'],
    ['a private key', [{ iss: 'https://a', jwks: { keys: [{ ...EC_KEY, d: 'private' }] } }], '[0].jwks.keys[0].d: is private key material'],
    ['an EC key without y', [{ iss: 'https://a', jwks: { keys: [{ kty: 'EC', crv: 'P-384', x: 'x' }] } }], '[0].jwks.keys[0].y: is required for a EC key'],
    ['an HS256 key alg', [{ iss: 'https://a', jwks: { keys: [{ ...EC_KEY, alg: 'HS256' }] } }], '[0].jwks.keys[0].alg: must be one of'],
    ['an empty key set', [{ iss: 'https://a', jwks: { keys: [] } }], '[0].jwks.keys: must hold at least one key'],
    ['a tenant of the wrong type', [{ iss: 'https://a', jku: ['https://a/k'], tenant: 7 }], '[0].tenant:'],
  ])('refuses %s with one line naming the file and field', (_name, json, expected) => {
    const message = errorOf(json);
    expect(message).toContain(`CDS_CLIENTS_FILE ${SOURCE}: `);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
  });
});

describe('loadCdsClientsFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cds-clients-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a valid file', () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, JSON.stringify([{ iss: 'https://fhir.epic.com', jku: ['https://fhir.epic.com/keys'] }]));
    expect(loadCdsClientsFile(path)).toEqual({ ok: true, value: [{ iss: 'https://fhir.epic.com', jku: ['https://fhir.epic.com/keys'] }] });
  });

  it('names a missing file', () => {
    const path = join(dir, 'absent.json');
    expect(loadCdsClientsFile(path)).toEqual({ ok: false, error: `CDS_CLIENTS_FILE ${path}: cannot be read (ENOENT)` });
  });

  it('reports invalid JSON with what went wrong, without quoting the file', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, '[{"iss": "https://a", "jwks_url": }]');
    const result = loadCdsClientsFile(path);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(new RegExp(`^CDS_CLIENTS_FILE ${path}: is not valid JSON`));
      expect(result.error).not.toContain('jwks_url');
      expect(result.error).toMatch(/: is not valid JSON \(Unexpected token '}'\)$/);
    }
  });

  it('reports the first invalid field of a file', () => {
    const path = join(dir, 'field.json');
    writeFileSync(path, JSON.stringify([{ iss: 'https://a', jwks_url: 'ftp://a/jwks' }]));
    expect(loadCdsClientsFile(path)).toEqual({
      ok: false,
      error: `CDS_CLIENTS_FILE ${path}: [0].jwks_url: must be an https URL (http is allowed only on 127.0.0.1, localhost or [::1])`,
    });
  });
});
