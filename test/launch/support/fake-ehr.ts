import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import express from 'express';
import type { FhirResource, Patient } from 'fhir/r4';
import type { JWK, JWTHeaderParameters } from 'jose';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';

/**
 * A small SMART EHR for the launch tests the sandbox EHR cannot host: confidential clients with
 * `private_key_jwt` (the client's public key registered inline, as the SMART launcher registers
 * it: a `jku` may be refused), and token endpoints that refuse. It records every token request
 * and decodes its client assertion; the FHIR server holds one patient and answers every search
 * with an empty Bundle.
 */

export interface FakeEhrOptions {
  /** The client's registered public key: client assertions must verify with it. */
  clientPublicJwk?: JWK;
  /** The client's registered secret (`client_secret_basic`). */
  clientSecret?: string;
  /** Refuse an assertion with a `jku` header (an EHR that registered the key, not a JWKS URL). */
  refuseJku?: boolean;
  /** Answer every token request with this refusal. */
  refuse?: { status: number; error: string; error_description: string };
  patient?: Patient;
  /** More resources to read by `Type/id`. */
  resources?: FhirResource[];
  encounter?: string;
}

export interface TokenRequest {
  form: Record<string, string>;
  authorization?: string;
  /** The client assertion's JOSE header, decoded (unverified) when one was sent. */
  assertionHeader?: JWTHeaderParameters;
}

export interface FakeEhr {
  fhirBase: string;
  tokenEndpoint: string;
  tokenRequests: TokenRequest[];
  /** Authorization codes issued, to check none is logged. */
  codes: string[];
  /** From now on, answer every token request with this refusal (undefined: stop refusing). */
  refuse(refusal: FakeEhrOptions['refuse']): void;
  close(): Promise<void>;
}

const PATIENT: Patient = { resourceType: 'Patient', id: 'p1', name: [{ given: ['Ada'], family: 'Tester' }], gender: 'female', birthDate: '1950-01-01' };

function oauthError(res: express.Response, status: number, error: string, description: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error, error_description: description });
}

/** Why a client is not authenticated, or undefined when it is. */
async function clientProblem(options: FakeEhrOptions, req: express.Request, form: Record<string, string>, tokenEndpoint: string, record: TokenRequest): Promise<string | undefined> {
  const assertion = form['client_assertion'];
  if (assertion !== undefined) {
    const header = decodeProtectedHeader(assertion) as JWTHeaderParameters;
    record.assertionHeader = header;
    if (options.refuseJku === true && header.jku !== undefined) return 'jku is not accepted: the key is registered with the client';
    if (options.clientPublicJwk === undefined) return 'no key registered';
    try {
      const key = await importJWK(options.clientPublicJwk, header.alg);
      await jwtVerify(assertion, key, { audience: tokenEndpoint, issuer: 'chartbrief', subject: 'chartbrief' });
      return undefined;
    } catch {
      return 'the client assertion does not verify';
    }
  }
  if (options.clientSecret !== undefined) {
    const expected = `Basic ${Buffer.from(`chartbrief:${options.clientSecret}`).toString('base64')}`;
    return req.get('authorization') === expected ? undefined : 'bad client secret';
  }
  return options.clientPublicJwk === undefined ? undefined : 'a client assertion is required';
}

export async function startFakeEhr(given: FakeEhrOptions = {}): Promise<FakeEhr> {
  const options = { ...given };
  const app = express();
  const tokenRequests: TokenRequest[] = [];
  const codes = new Map<string, string>();
  const issued: string[] = [];
  const refreshTokens = new Set<string>();
  const accessTokens = new Set<string>();
  const patient = options.patient ?? PATIENT;
  const resources = new Map<string, FhirResource>([patient, ...(options.resources ?? [])].map((r) => [`${r.resourceType}/${r.id ?? ''}`, r]));
  let origin = '';
  const fhirBase = (): string => `${origin}/fhir`;
  const tokenEndpoint = (): string => `${origin}/auth/token`;

  app.get('/fhir/.well-known/smart-configuration', (_req, res) => {
    res.json({
      authorization_endpoint: `${origin}/auth/authorize`,
      token_endpoint: tokenEndpoint(),
      token_endpoint_auth_methods_supported: ['private_key_jwt', 'client_secret_basic', 'none'],
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      code_challenge_methods_supported: ['S256'],
      capabilities: ['launch-ehr', 'client-public', 'client-confidential-symmetric', 'client-confidential-asymmetric', 'context-ehr-patient'],
    });
  });
  app.get('/auth/authorize', (req, res) => {
    const q = req.query as Record<string, string>;
    const code = randomBytes(16).toString('base64url');
    codes.set(code, q['redirect_uri'] ?? '');
    issued.push(code);
    const back = new URL(q['redirect_uri'] ?? '');
    back.searchParams.set('code', code);
    back.searchParams.set('state', q['state'] ?? '');
    res.redirect(302, back.href);
  });
  app.post('/auth/token', express.urlencoded({ extended: false }), async (req, res) => {
    const form = { ...(req.body as Record<string, string>) };
    const authorization = req.get('authorization');
    const record: TokenRequest = { form, ...(authorization !== undefined && { authorization }) };
    tokenRequests.push(record);
    const problem = await clientProblem(options, req, form, tokenEndpoint(), record);
    if (options.refuse !== undefined) return oauthError(res, options.refuse.status, options.refuse.error, options.refuse.error_description);
    if (problem !== undefined) return oauthError(res, 401, 'invalid_client', problem);
    const grant = form['grant_type'];
    const known = grant === 'authorization_code' ? codes.delete(form['code'] ?? '') : grant === 'refresh_token' && refreshTokens.delete(form['refresh_token'] ?? '');
    if (!known) return oauthError(res, 400, 'invalid_grant', 'unknown code or refresh token');
    const accessToken = randomBytes(16).toString('base64url');
    const refreshToken = randomBytes(16).toString('base64url');
    accessTokens.add(accessToken);
    refreshTokens.add(refreshToken);
    res.set('Cache-Control', 'no-store').json({
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 300,
      scope: 'launch patient/*.rs offline_access',
      refresh_token: refreshToken,
      patient: patient.id,
      ...(options.encounter !== undefined && { encounter: options.encounter }),
    });
  });
  app.get('/fhir/*path', (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (token === undefined || !accessTokens.has(token)) return void res.status(401).end();
    const path = req.path.slice('/fhir/'.length);
    if (!path.includes('/')) return void res.type('application/fhir+json').json({ resourceType: 'Bundle', type: 'searchset', total: 0, entry: [] });
    const resource = resources.get(path);
    if (resource === undefined) return void res.status(404).type('application/fhir+json').json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
    res.type('application/fhir+json').json(resource);
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    fhirBase: fhirBase(),
    tokenEndpoint: tokenEndpoint(),
    tokenRequests,
    codes: issued,
    refuse: (refusal) => {
      if (refusal === undefined) delete options.refuse;
      else options.refuse = refusal;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
