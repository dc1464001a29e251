import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { SmartConfiguration } from './smart-discovery';

/**
 * The OpenID Connect id_token of a launch, checked before its `fhirUser` is believed: signature
 * by a key of the authorization server's JWKS (from its SMART or OpenID configuration), `iss` =
 * that server's issuer, `aud` = our client id, `exp`, and an `iat` not in the future.
 * https://hl7.org/fhir/smart-app-launch/app-launch.html#openid-connect-id-token
 * https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */

/** Asymmetric signatures only: never `none`, never HMAC (a shared secret proves nothing about the server). */
export const ID_TOKEN_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const CLOCK_TOLERANCE_S = 60;
/** An id_token older than this at the code exchange is refused (it is minted with the token response). */
const MAX_AGE_S = 60 * 60;

export interface VerifiedIdentity {
  /** `sub` of the id_token. */
  subject: string;
  /** `fhirUser` (SMART 2.x) or `profile` (v1): the user's FHIR resource URL, when the token names one. */
  fhirUser?: string;
}

export interface IdTokenTrust {
  issuer: string;
  keys: JWTVerifyGetKey;
}

function reason(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'it has expired';
  if (e instanceof errors.JWTClaimValidationFailed) return `its "${e.claim}" claim is wrong`;
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not verify';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'it is not signed with an asymmetric algorithm';
  if (e instanceof errors.JWKSNoMatchingKey) return "no key of the server's JWKS matches it";
  if (e instanceof errors.JOSEError) return `it is not a valid JWT (${e.code})`;
  return 'it could not be checked';
}

/** Checks one id_token against `trust`; `now` is the app's clock. */
export async function verifyIdToken(idToken: string, trust: IdTokenTrust, clientId: string, now: Date): Promise<Result<VerifiedIdentity, string>> {
  try {
    const { payload } = await jwtVerify(idToken, trust.keys, {
      issuer: trust.issuer,
      audience: clientId,
      algorithms: ID_TOKEN_ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_S,
      maxTokenAge: MAX_AGE_S,
      currentDate: now,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    const identity: VerifiedIdentity = { subject: String(payload.sub) };
    const fhirUser = payload['fhirUser'] ?? payload['profile'];
    if (typeof fhirUser === 'string' && fhirUser !== '') identity.fhirUser = fhirUser;
    return ok(identity);
  } catch (e) {
    return err(`the EHR's identity token (id_token) was refused: ${reason(e)}`);
  }
}

/** `Type/id` of a `fhirUser` URL (absolute or relative), for display; undefined when it is not one. */
export function fhirUserRef(fhirUser: string): string | undefined {
  const m = /(?:^|\/)(Practitioner|PractitionerRole|Patient|RelatedPerson|Person)\/([A-Za-z0-9\-.]{1,64})$/.exec(fhirUser);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/**
 * Finds the issuer and JWKS to check id_tokens of one EHR with: the SMART configuration's
 * `issuer` and `jwks_uri`, else the issuer's OpenID configuration. Key sets are kept per URL.
 */
export class IdTokenTrustResolver {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();

  async resolve(smart: SmartConfiguration): Promise<Result<IdTokenTrust, string>> {
    const issuer = smart.issuer;
    if (issuer === undefined) return err("the EHR's SMART configuration names no OpenID issuer, so its id_token cannot be checked");
    let jwksUri = smart.jwksUri;
    if (jwksUri === undefined) {
      const discovered = await openIdJwksUri(issuer);
      if (!discovered.ok) return discovered;
      jwksUri = discovered.value;
    }
    let keys = this.keySets.get(jwksUri);
    if (keys === undefined) {
      if (this.keySets.size >= 100) this.keySets.clear();
      keys = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 5000, cooldownDuration: 30_000 });
      this.keySets.set(jwksUri, keys);
    }
    return ok({ issuer, keys });
  }
}

async function openIdJwksUri(issuer: string): Promise<Result<string, string>> {
  try {
    const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000), redirect: 'error' });
    const doc = (await response.json()) as unknown;
    const rec = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
    if (!response.ok || rec['issuer'] !== issuer || typeof rec['jwks_uri'] !== 'string') return err("the EHR's OpenID configuration names no JWKS for its issuer");
    return ok(rec['jwks_uri']);
  } catch {
    return err("the EHR's OpenID configuration could not be read");
  }
}
