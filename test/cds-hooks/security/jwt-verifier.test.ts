// The JWT test matrix for CDS Hooks calls: real keys, real loopback JWKS servers, the real verifier.
import type { CryptoKey, FetchImplementation, JWK, JWTPayload } from 'jose';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import type { CdsClient } from '../../../cds-hooks/security/cds-clients';
import { parseCdsClients } from '../../../cds-hooks/security/cds-clients';
import type { JwtVerifier, JwtVerifierOptions } from '../../../cds-hooks/security/jwt-verifier';
import { createJwtVerifier } from '../../../cds-hooks/security/jwt-verifier';
import type { TestServer } from './jwks-test-server';
import { closedPort, startTestServer } from './jwks-test-server';

const NOW_SEC = Math.floor(Date.UTC(2026, 0, 15, 12, 0, 0) / 1000);
const now = (): Date => new Date(NOW_SEC * 1000);
const AUD = 'https://chartbrief.example.org/cds-services/chart-brief';

const ISS_URL = 'https://ehr-a.example.org'; // keys at a jwks_url
const ISS_INLINE = 'https://ehr-b.example.org'; // inline jwks
const ISS_EPIC = 'https://ehr-epic.example.org'; // keys via an allowed jku prefix
const ISS_TENANT = 'https://ehr-tenant.example.org'; // inline jwks, tenant required
const ISS_REMOTE_NAMED = 'https://ehr-named.example.org'; // jku prefixes with https hosts (never reached)
const ISS_DOWN = 'https://ehr-down.example.org'; // jwks_url refuses connections
const ISS_SLOW = 'https://ehr-slow.example.org'; // jwks_url never answers
const ISS_BROKEN = 'https://ehr-broken.example.org'; // jwks_url answers 500

interface Signer {
  privateKey: CryptoKey;
  publicJwk: JWK;
  alg: 'ES384' | 'RS384' | 'ES256';
  kid: string;
}

async function makeSigner(alg: Signer['alg'], kid: string): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { privateKey, publicJwk, alg, kid };
}

function claims(iss: string, overrides: JWTPayload = {}): JWTPayload {
  return { iss, aud: AUD, iat: NOW_SEC, exp: NOW_SEC + 300, jti: `jti-${Math.random().toString(36).slice(2)}`, ...overrides };
}

async function sign(signer: Signer, payload: JWTPayload, header: { jku?: string } = {}): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: signer.alg, kid: signer.kid, typ: 'JWT', ...header }).sign(signer.privateKey);
}

/** Clients go through the same validation as CDS_CLIENTS_FILE. */
function validClients(json: unknown): CdsClient[] {
  const parsed = parseCdsClients(json, 'test');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function jwks(...signers: Signer[]): { keys: JWK[] } {
  return { keys: signers.map((s) => s.publicJwk) };
}

let ehrA: Signer;
let ehrB: Signer;
let epic: Signer;
let tenantEhr: Signer;
let attacker: Signer;
let ehrServer: TestServer;
let attackerServer: TestServer;
let slowServer: TestServer;
let fetched: string[];
let clients: CdsClient[];
let verifier: JwtVerifier;

const recordingFetch: FetchImplementation = (url, options) => {
  fetched.push(url);
  return fetch(url, options);
};

function newVerifier(overrides: Partial<JwtVerifierOptions> = {}): JwtVerifier {
  return createJwtVerifier({ clients, now, fetch: recordingFetch, fetchTimeoutMs: 1000, ...overrides });
}

beforeAll(async () => {
  [ehrA, ehrB, epic, tenantEhr] = await Promise.all([
    makeSigner('ES384', 'ehr-a-1'),
    makeSigner('ES384', 'ehr-b-1'),
    makeSigner('RS384', 'epic-1'),
    makeSigner('ES384', 'tenant-1'),
  ]);
  // The attacker reuses Epic's kid so that, were its JWKS ever fetched, its tokens would verify.
  attacker = await makeSigner('RS384', 'epic-1');
  ehrServer = await startTestServer({
    '/jwks': { status: 200, body: jwks(ehrA) },
    '/keys/epic/jwks.json': { status: 200, body: jwks(epic) },
    '/broken': { status: 500, body: { error: 'down' } },
  });
  attackerServer = await startTestServer({
    '/keys/epic/jwks.json': { status: 200, body: jwks(attacker) },
    '/evil/jwks.json': { status: 200, body: jwks(attacker) },
  });
  slowServer = await startTestServer({ '/jwks': 'hang' });
  const downPort = await closedPort();
  clients = validClients([
    { iss: ISS_URL, jwks_url: `${ehrServer.origin}/jwks` },
    { iss: ISS_INLINE, jwks: jwks(ehrB) },
    { iss: ISS_EPIC, jku: [`${ehrServer.origin}/keys/epic`] },
    { iss: ISS_TENANT, jwks: jwks(tenantEhr), tenant: 'hospital-1' },
    { iss: ISS_REMOTE_NAMED, jku: ['https://ehr.example.com/keys'] },
    { iss: ISS_DOWN, jwks_url: `http://127.0.0.1:${downPort}/jwks` },
    { iss: ISS_SLOW, jwks_url: `${slowServer.origin}/jwks` },
    { iss: ISS_BROKEN, jwks_url: `${ehrServer.origin}/broken` },
  ]);
});

afterAll(async () => {
  await Promise.all([ehrServer.close(), attackerServer.close(), slowServer.close()]);
});

beforeEach(() => {
  fetched = [];
  verifier = newVerifier();
});

async function expectAccepted(token: string, audience = AUD): Promise<void> {
  const result = await verifier.verify(`Bearer ${token}`, audience);
  expect(result).toMatchObject({ ok: true });
}

async function expectRejected(header: string | undefined, code: string): Promise<string> {
  const result = await verifier.verify(header, AUD);
  expect(result).toMatchObject({ ok: false, error: { code } });
  if (result.ok) throw new Error('unreachable');
  return result.error.reason;
}

describe('accepted tokens', () => {
  it('accepts a valid ES384 token whose keys come from the client jwks_url', async () => {
    const result = await verifier.verify(`Bearer ${await sign(ehrA, claims(ISS_URL, { jti: 'a-1' }))}`, AUD);
    expect(result).toEqual({
      ok: true,
      value: { client: clients[0], claims: { iss: ISS_URL, aud: AUD, iat: NOW_SEC, exp: NOW_SEC + 300, jti: 'a-1' } },
    });
    expect(fetched).toEqual([`${ehrServer.origin}/jwks`]);
  });

  it('accepts a valid ES384 token checked against inline jwks, without any fetch', async () => {
    await expectAccepted(await sign(ehrB, claims(ISS_INLINE)));
    expect(fetched).toEqual([]);
  });

  it('accepts a valid RS384 token (Epic style: nbf and sub) whose jku lies under an allowed prefix', async () => {
    const payload = claims(ISS_EPIC, { nbf: NOW_SEC - 1, sub: 'epic-user' });
    const token = await sign(epic, payload, { jku: `${ehrServer.origin}/keys/epic/jwks.json` });
    const result = await verifier.verify(`Bearer ${token}`, AUD);
    expect(result).toMatchObject({ ok: true, value: { claims: { nbf: NOW_SEC - 1, sub: 'epic-user' } } });
    expect(fetched).toEqual([`${ehrServer.origin}/keys/epic/jwks.json`]);
  });

  it('fetches a jwks_url once and reuses the cached keys for later tokens', async () => {
    await expectAccepted(await sign(ehrA, claims(ISS_URL)));
    await expectAccepted(await sign(ehrA, claims(ISS_URL)));
    expect(fetched).toHaveLength(1);
  });

  it('accepts a jku equal to the client jwks_url', async () => {
    await expectAccepted(await sign(ehrA, claims(ISS_URL), { jku: `${ehrServer.origin}/jwks` }));
  });

  it('accepts an iat one second ahead, as the public CDS Hooks sandbox rounds iat up', async () => {
    await expectAccepted(await sign(ehrA, claims(ISS_URL, { iat: NOW_SEC + 1 })));
  });

  it('accepts an aud that differs from the URL called only by a trailing slash, either way', async () => {
    await expectAccepted(await sign(ehrB, claims(ISS_INLINE, { aud: `${AUD}/` })));
    await expectAccepted(await sign(ehrB, claims(ISS_INLINE)), `${AUD}/`);
  });

  it('accepts an aud array that contains the URL called', async () => {
    await expectAccepted(await sign(ehrB, claims(ISS_INLINE, { aud: ['https://other.example.org/x', AUD] })));
  });

  it('accepts a matching tenant and returns it among the claims', async () => {
    const result = await verifier.verify(`Bearer ${await sign(tenantEhr, claims(ISS_TENANT, { tenant: 'hospital-1' }))}`, AUD);
    expect(result).toMatchObject({ ok: true, value: { claims: { tenant: 'hospital-1' } } });
  });

  it('accepts a lower-case bearer scheme (RFC 7235: schemes are case-insensitive)', async () => {
    const result = await verifier.verify(`bearer ${await sign(ehrB, claims(ISS_INLINE))}`, AUD);
    expect(result.ok).toBe(true);
  });

  it('accepts ES256 only when the operator widens the algorithm list', async () => {
    const es256 = await makeSigner('ES256', 'es256-1');
    clients.push(...validClients([{ iss: 'https://ehr-es256.example.org', jwks: jwks(es256) }]));
    try {
      const token = await sign(es256, claims('https://ehr-es256.example.org'));
      expect(await newVerifier().verify(`Bearer ${token}`, AUD)).toMatchObject({ ok: false, error: { code: 'algorithm_not_allowed' } });
      expect(await newVerifier({ algorithms: ['ES384', 'RS384', 'ES256'] }).verify(`Bearer ${token}`, AUD)).toMatchObject({ ok: true });
    } finally {
      clients.pop();
    }
  });
});

describe('time claims', () => {
  it('rejects an expired token', async () => {
    await expectRejected(`Bearer ${await sign(ehrA, claims(ISS_URL, { iat: NOW_SEC - 400, exp: NOW_SEC - 100 }))}`, 'expired');
  });

  it('rejects an iat an hour ahead', async () => {
    const token = await sign(ehrA, claims(ISS_URL, { iat: NOW_SEC + 3600, exp: NOW_SEC + 3900 }));
    await expectRejected(`Bearer ${token}`, 'issued_in_future');
  });

  it('rejects an iat older than the maximum token age even when exp is still ahead', async () => {
    await expectRejected(`Bearer ${await sign(ehrA, claims(ISS_URL, { iat: NOW_SEC - 600, exp: NOW_SEC + 60 }))}`, 'too_old');
  });

  it('rejects an nbf in the future', async () => {
    await expectRejected(`Bearer ${await sign(ehrA, claims(ISS_URL, { nbf: NOW_SEC + 60 }))}`, 'not_yet_valid');
  });

  it('rejects a token without exp, and one without iat', async () => {
    const noExp = claims(ISS_INLINE);
    delete noExp.exp;
    const noIat = claims(ISS_INLINE);
    delete noIat.iat;
    expect(await expectRejected(`Bearer ${await sign(ehrB, noExp)}`, 'claim_missing')).toContain('"exp"');
    expect(await expectRejected(`Bearer ${await sign(ehrB, noIat)}`, 'claim_missing')).toContain('"iat"');
  });
});

describe('issuer, audience, tenant', () => {
  it('rejects a wrong aud', async () => {
    const token = await sign(ehrA, claims(ISS_URL, { aud: 'https://chartbrief.example.org/cds-services/other-service' }));
    await expectRejected(`Bearer ${token}`, 'wrong_audience');
  });

  it('rejects an unknown iss without fetching anything', async () => {
    const reason = await expectRejected(`Bearer ${await sign(attacker, claims('https://unknown-ehr.example.net'))}`, 'unknown_issuer');
    expect(reason).toContain('https://unknown-ehr.example.net');
    expect(fetched).toEqual([]);
  });

  it('rejects a token signed by another key under a trusted iss', async () => {
    const forgedEs = await makeSigner('ES384', 'ehr-b-1');
    await expectRejected(`Bearer ${await sign(forgedEs, claims(ISS_INLINE))}`, 'bad_signature');
  });

  it('rejects a tenant mismatch, and a missing tenant when the client has one', async () => {
    await expectRejected(`Bearer ${await sign(tenantEhr, claims(ISS_TENANT, { tenant: 'hospital-2' }))}`, 'tenant_mismatch');
    await expectRejected(`Bearer ${await sign(tenantEhr, claims(ISS_TENANT))}`, 'tenant_mismatch');
  });
});

describe('jku allowlist', () => {
  const epicPath = '/keys/epic/jwks.json';

  it('rejects a jku on another host:port and never contacts it', async () => {
    const token = await sign(attacker, claims(ISS_EPIC), { jku: `${attackerServer.origin}${epicPath}` });
    await expectRejected(`Bearer ${token}`, 'jku_not_allowed');
    expect(attackerServer.requests).toEqual([]);
    expect(fetched).toEqual([]);
  });

  it.each([
    ['user info that names the trusted host', (ehr: string, evil: string) => `http://${ehr}@${evil}${epicPath}`],
    ['localhost instead of 127.0.0.1', (_ehr: string, evil: string) => `http://localhost:${evil.split(':')[1] ?? ''}${epicPath}`],
    ['a dot-dot path escaping the prefix', (ehr: string) => `http://${ehr}/keys/epic/../../evil/jwks.json`],
    ['a sibling path sharing the prefix string', (ehr: string) => `http://${ehr}/keys/epic-evil/jwks.json`],
    ['encoded dot-dot-slash', (ehr: string) => `http://${ehr}/keys/epic/%2e%2e%2f%2e%2e%2fevil/jwks.json`],
    ['a query string', (ehr: string) => `http://${ehr}${epicPath}?next=http://evil`],
    ['https instead of http', (ehr: string) => `https://${ehr}${epicPath}`],
  ])('rejects a jku with %s and fetches nothing', async (_name, makeJku) => {
    const ehr = ehrServer.origin.replace('http://', '');
    const evil = attackerServer.origin.replace('http://', '');
    const token = await sign(attacker, claims(ISS_EPIC), { jku: makeJku(ehr, evil) });
    await expectRejected(`Bearer ${token}`, 'jku_not_allowed');
    expect(fetched).toEqual([]);
    expect(attackerServer.requests).toEqual([]);
    expect(ehrServer.requests.filter((path) => path.includes('evil'))).toEqual([]);
  });

  it.each([
    'https://ehr.example.com.evil.com/keys/jwks.json',
    'https://ehr.example.com@evil.com/keys/jwks.json',
    'https://ehr.example.com:444/keys/jwks.json',
    'https://evil.com/ehr.example.com/keys/jwks.json',
    'https://ehr.example.com/keysevil/jwks.json',
    'https://ehr.example.com/keys/../evil/jwks.json',
    'http://ehr.example.com/keys/jwks.json',
    'not a url',
  ])('rejects jku %s for a client whose prefix is https://ehr.example.com/keys, with no fetch', async (jku) => {
    const token = await sign(attacker, claims(ISS_REMOTE_NAMED), { jku });
    await expectRejected(`Bearer ${token}`, 'jku_not_allowed');
    expect(fetched).toEqual([]);
  });

  it('rejects any jku for a client that allows none', async () => {
    const token = await sign(ehrB, claims(ISS_INLINE), { jku: `${attackerServer.origin}${epicPath}` });
    await expectRejected(`Bearer ${token}`, 'jku_not_allowed');
    expect(attackerServer.requests).toEqual([]);
  });

  it('rejects a token with no jku when the client has only jku prefixes', async () => {
    await expectRejected(`Bearer ${await sign(epic, claims(ISS_EPIC))}`, 'no_key_source');
  });
});

describe('algorithms', () => {
  it('rejects alg none', async () => {
    const token = new UnsecuredJWT(claims(ISS_INLINE)).encode();
    expect(await expectRejected(`Bearer ${token}`, 'algorithm_not_allowed')).toContain('"none"');
  });

  it('rejects HS256 signed with the client public key as the HMAC secret (key confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(ehrB.publicJwk));
    const token = await new SignJWT(claims(ISS_INLINE)).setProtectedHeader({ alg: 'HS256', kid: 'ehr-b-1' }).sign(secret);
    await expectRejected(`Bearer ${token}`, 'algorithm_not_allowed');
  });

  it('rejects HS256 signed with the PEM of the jwks_url key, and fetches no keys for it', async () => {
    const { publicKey } = await generateKeyPair('ES384', { extractable: true });
    const pem = new TextEncoder().encode(await exportSPKI(publicKey));
    const token = await new SignJWT(claims(ISS_URL)).setProtectedHeader({ alg: 'HS256' }).sign(pem);
    await expectRejected(`Bearer ${token}`, 'algorithm_not_allowed');
    expect(fetched).toEqual([]);
  });

  it('rejects a header alg that does not fit the key (RS384 header, EC key)', async () => {
    const token = await sign({ ...epic, kid: 'ehr-b-1' }, claims(ISS_INLINE));
    await expectRejected(`Bearer ${token}`, 'no_matching_key');
  });
});

describe('replay and jti', () => {
  it('rejects a replayed jti', async () => {
    const header = `Bearer ${await sign(ehrA, claims(ISS_URL, { jti: 'once' }))}`;
    expect((await verifier.verify(header, AUD)).ok).toBe(true);
    await expectRejected(header, 'replayed');
  });

  it('keys the replay cache per iss: the same jti from two EHRs is two tokens', async () => {
    await expectAccepted(await sign(ehrA, claims(ISS_URL, { jti: 'shared' })));
    await expectAccepted(await sign(ehrB, claims(ISS_INLINE, { jti: 'shared' })));
  });

  it('does not let a rejected token burn its jti', async () => {
    await expectRejected(`Bearer ${await sign(ehrA, claims(ISS_URL, { jti: 'retry', aud: 'https://x.example/' }))}`, 'wrong_audience');
    await expectAccepted(await sign(ehrA, claims(ISS_URL, { jti: 'retry' })));
  });

  it('rejects a token without jti', async () => {
    const payload = claims(ISS_URL);
    delete payload.jti;
    expect(await expectRejected(`Bearer ${await sign(ehrA, payload)}`, 'claim_missing')).toContain('"jti"');
  });

  it('rejects a jti that is not a string', async () => {
    await expectRejected(`Bearer ${await sign(ehrB, claims(ISS_INLINE, { jti: 42 as unknown as string }))}`, 'claim_invalid');
  });
});

describe('Authorization header', () => {
  it('rejects a missing Authorization header', async () => {
    await expectRejected(undefined, 'missing_authorization');
    await expectRejected('', 'missing_authorization');
  });

  it('rejects a non-Bearer scheme', async () => {
    await expectRejected(`Basic ${Buffer.from('user:pass').toString('base64')}`, 'not_bearer');
    await expectRejected(`Token ${await sign(ehrB, claims(ISS_INLINE))}`, 'not_bearer');
  });

  it('rejects garbage tokens', async () => {
    await expectRejected('Bearer not-a-jwt', 'malformed_token');
    await expectRejected('Bearer a.b.c', 'malformed_token');
    await expectRejected('Bearer ', 'malformed_token');
    await expectRejected(`Bearer ${'a'.repeat(20_000)}.b.c`, 'malformed_token');
    await expectRejected(`Bearer ${await sign(ehrB, claims(ISS_INLINE))} extra`, 'malformed_token');
  });
});

describe('JWKS failures reject, never throw', () => {
  it('rejects when the jwks_url refuses connections', async () => {
    await expectRejected(`Bearer ${await sign(ehrA, claims(ISS_DOWN))}`, 'key_unavailable');
  });

  it('rejects when the jwks_url does not answer within the fetch timeout', async () => {
    verifier = newVerifier({ fetchTimeoutMs: 200 });
    expect(await expectRejected(`Bearer ${await sign(ehrA, claims(ISS_SLOW))}`, 'key_unavailable')).toContain('timed out');
  });

  it('rejects when the jwks_url answers 500', async () => {
    await expectRejected(`Bearer ${await sign(ehrA, claims(ISS_BROKEN))}`, 'key_unavailable');
  });
});

describe('log-safe reasons', () => {
  it('never puts the token, the jti or other claim values in a reason', async () => {
    const secretish = 'patient-Xq9-sensitive';
    const payloads = [
      claims(ISS_URL, { jti: secretish, sub: secretish, exp: NOW_SEC - 100, iat: NOW_SEC - 400 }),
      claims(ISS_URL, { jti: secretish, aud: `https://x.example/${secretish}` }),
      claims(ISS_TENANT, { jti: secretish, tenant: secretish }),
    ];
    for (const payload of payloads) {
      const signer = payload.iss === ISS_TENANT ? tenantEhr : ehrA;
      const token = await sign(signer, payload);
      const result = await verifier.verify(`Bearer ${token}`, AUD);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.reason).not.toContain(token);
        expect(result.error.reason).not.toContain(secretish);
        expect(result.error.reason).not.toMatch(/[\r\n]/);
      }
    }
  });
});
