import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { parseCdsClients } from '../../../cds-hooks/security/cds-clients';
import { createJwtAuthenticator } from '../../../cds-hooks/security/jwt-authenticator';
import { createJwtVerifier } from '../../../cds-hooks/security/jwt-verifier';

const AUD = 'https://chartbrief.example.org/cds-services/order-sign';
const ISS = 'https://ehr.example.org';

async function setup() {
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  const parsed = parseCdsClients(
    [{ iss: ISS, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] }, fhirServers: ['https://fhir.example.org/r4'] }],
    'test',
  );
  if (!parsed.ok) throw new Error(parsed.error);
  const auth = createJwtAuthenticator(createJwtVerifier({ clients: parsed.value }));
  const iat = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ iss: ISS, aud: AUD, iat, exp: iat + 60, jti: 'j1' })
    .setProtectedHeader({ alg: 'ES384', kid: 'k1', typ: 'JWT' })
    .sign(privateKey);
  return { auth, token };
}

describe('createJwtAuthenticator', () => {
  it('turns a verified JWT into a client named by its iss, limited to its fhirServers', async () => {
    const { auth, token } = await setup();
    expect(auth.enforced).toBe(true);
    const result = await auth.authenticate(`Bearer ${token}`, AUD);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.clientId).toBe(ISS);
    expect(result.value.allowsFhirServer('https://fhir.example.org/r4/')).toBe(true);
    expect(result.value.allowsFhirServer('http://169.254.169.254/latest')).toBe(false);
  });

  it('passes a rejection through with its log-safe reason', async () => {
    const { auth, token } = await setup();
    const result = await auth.authenticate(`Bearer ${token}`, 'https://chartbrief.example.org/cds-services/patient-view');
    expect(result).toEqual({ ok: false, error: { code: 'wrong_audience', reason: 'aud does not name the URL called' } });
  });
});
