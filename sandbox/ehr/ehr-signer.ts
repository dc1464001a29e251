import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

/**
 * How the sandbox EHR signs its CDS Hooks calls, as an EHR would: an ES384 key generated at
 * start-up, its public half published as a JWKS, and a short-lived JWT per call whose `aud` is the
 * exact service URL called. https://cds-hooks.hl7.org/2.0/#trusting-cds-clients
 */
export interface EhrSigner {
  /** The JWT `iss`: the sandbox EHR's base URL. */
  readonly iss: () => string;
  /** The public key set to publish (`/.well-known/jwks.json`) or register inline. */
  readonly jwks: { keys: JWK[] };
  /** A fresh `Authorization` header value for a call to `aud`. */
  authorization(aud: string): Promise<string>;
}

export async function createEhrSigner(iss: () => string, now: () => Date = () => new Date()): Promise<EhrSigner> {
  const { privateKey, publicKey } = await generateKeyPair('ES384', { extractable: true });
  const kid = `sandbox-ehr-${randomUUID().slice(0, 8)}`;
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' };
  return {
    iss,
    jwks: { keys: [publicJwk] },
    async authorization(aud) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const jwt = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES384', kid, typ: 'JWT' })
        .setIssuer(iss())
        .setAudience(aud)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + 300)
        .setJti(randomUUID())
        .sign(privateKey);
      return `Bearer ${jwt}`;
    },
  };
}
