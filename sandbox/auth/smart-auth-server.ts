import type { IncomingMessage } from 'node:http';
import express from 'express';
import type { Request, Response, Router } from 'express';
import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { MutableRedirectUri, MutableResponse, MutableToken, OAuth2Service as OAuth2ServiceType } from 'oauth2-mock-server';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';
import type { SmartConfiguration } from '../fhir/fhir-capabilities';
import type { FhirAccessGrant } from '../fhir/fhir-server';
import type { SmartClient } from './authorization-checks';
import type { LaunchContext } from './launch-registry';
import { LaunchRegistry } from './launch-registry';
import type { AuthState } from './smart-auth-routes';
import { smartAuthRoutes } from './smart-auth-routes';

/**
 * The sandbox EHR's SMART authorization server: oauth2-mock-server@8.2.3 (real authorize and token
 * endpoints, PKCE verification, JWKS-signed JWTs, refresh tokens), with the checks it leaves out
 * done in front of it (./smart-auth-routes.ts) and its hooks adding the SMART launch context to
 * the tokens and the token response. https://hl7.org/fhir/smart-app-launch/app-launch.html
 */

export interface SmartAuthServerOptions {
  /** The FHIR base URL this server issues tokens for (the `aud` an app must send). */
  fhirBaseUrl: () => string;
  /** The registered apps (a function: redirect URIs may only be known once the service listens). */
  clients: () => readonly SmartClient[];
  /** Epic quirk: `need_patient_banner` as the string "false" instead of a boolean. */
  needPatientBannerAsString?: () => boolean;
  /** How long an authorization code lives (default 5 minutes). */
  codeTtlMs?: number;
}

export interface SmartAuthServer {
  /** Mount at the issuer's path (e.g. `/auth`). */
  router: Router;
  /** Sets the issuer URL (`http://127.0.0.1:<port>/auth`) once the server listens. */
  setIssuer(url: string): void;
  /** A new launch code for an EHR launch about `context`. */
  createLaunch(context: LaunchContext): string;
  /** An access token for a backend (the CDS service's `fhirAuthorization`), bound to one patient. */
  issueAccessToken(input: { patient: string; scope: string; clientId: string; expiresInSec?: number }): Promise<string>;
  /** Checks an `Authorization: Bearer <jwt>` against this server's JWKS, for the FHIR server. */
  verifyAccessToken(authorization: string | undefined): Promise<FhirAccessGrant | undefined>;
  smartConfiguration(): SmartConfiguration;
}

const KEY_ALG = 'RS256';

const hasScope = (scope: string, wanted: string): boolean => scope.split(/\s+/).includes(wanted);

function smartConfigurationOf(issuer: string): SmartConfiguration {
  return {
    issuer,
    jwks_uri: `${issuer}/jwks`,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    scopes_supported: ['openid', 'fhirUser', 'launch', 'offline_access', 'online_access', 'patient/*.read', 'patient/*.rs', 'user/*.read', 'user/*.rs'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: [
      'launch-ehr', 'client-public', 'client-confidential-symmetric', 'context-ehr-patient', 'context-ehr-encounter', 'context-banner',
      'sso-openid-connect', 'permission-offline', 'permission-online', 'permission-patient', 'permission-user', 'permission-v1', 'permission-v2',
    ],
  };
}

/** The library's hooks: remember codes, put the launch context in the tokens and the token response. */
function addLaunchContext(service: OAuth2ServiceType, state: AuthState, options: SmartAuthServerOptions, codeTtlMs: number): void {
  service.on('beforeAuthorizeRedirect', (redirect: MutableRedirectUri, req: IncomingMessage) => {
    const code = redirect.url.searchParams.get('code');
    const grant = state.grants.get(req);
    if (code !== null && grant !== undefined) state.codes.set(code, { ...grant, expiresAt: Date.now() + codeTtlMs });
  });
  // Both tokens of a response pass here: the access token carries `scope`, the id_token does not.
  service.on('beforeTokenSigning', (token: MutableToken, req: IncomingMessage) => {
    const grant = state.grants.get(req);
    if (grant === undefined) return;
    const { context } = grant;
    if (token.payload['scope'] !== undefined) {
      const inContext = { patient: context.patient, ...(context.encounter !== undefined && { encounter: context.encounter }) };
      Object.assign(token.payload, { scope: grant.scope, aud: options.fhirBaseUrl(), sub: context.user, client_id: grant.clientId, ...inContext });
    } else {
      Object.assign(token.payload, { sub: context.user, fhirUser: `${options.fhirBaseUrl()}/${context.user}` });
    }
  });
  service.on('beforeResponse', (response: MutableResponse, req: IncomingMessage) => {
    const grant = state.grants.get(req);
    if (grant === undefined || response.statusCode !== 200 || response.body === '') return;
    const { body } = response;
    const { context, scope } = grant;
    Object.assign(body, {
      scope,
      patient: context.patient,
      ...(context.encounter !== undefined && { encounter: context.encounter }),
      need_patient_banner: options.needPatientBannerAsString?.() ? 'false' : true,
      ...(context.fhirContext !== undefined && context.fhirContext.length > 0 && { fhirContext: context.fhirContext }),
      ...(context.appContext !== undefined && { appContext: context.appContext }),
    });
    if (!hasScope(scope, 'openid')) delete body['id_token'];
    const refresh = body['refresh_token'];
    if (typeof refresh === 'string' && (hasScope(scope, 'offline_access') || hasScope(scope, 'online_access'))) state.refreshTokens.set(refresh, grant);
    else delete body['refresh_token'];
  });
}

/** Builds the server; `await` it (the signing key is generated here). */
export async function createSmartAuthServer(options: SmartAuthServerOptions): Promise<SmartAuthServer> {
  const issuer = new OAuth2Issuer(false);
  await issuer.keys.generate(KEY_ALG);
  const service = new OAuth2Service(issuer);
  const issuerUrl = (): string => issuer.url ?? '';
  const state: AuthState = {
    launches: new LaunchRegistry(),
    codes: new Map(),
    refreshTokens: new Map(),
    grants: new WeakMap(),
    clients: options.clients,
    fhirBaseUrl: options.fhirBaseUrl,
    smartConfiguration: () => smartConfigurationOf(issuerUrl()),
    idTokenAlg: KEY_ALG,
  };
  addLaunchContext(service, state, options, options.codeTtlMs ?? 5 * 60 * 1000);
  const router = express.Router();
  router.use(smartAuthRoutes(state));
  router.use((req: Request, res: Response) => service.requestHandler(req, res));
  let jwks: JWTVerifyGetKey | undefined;

  return {
    router,
    setIssuer(url) {
      issuer.url = url;
      jwks = createRemoteJWKSet(new URL(`${url}/jwks`));
    },
    createLaunch: (context) => state.launches.create(context),
    issueAccessToken: ({ patient, scope, clientId, expiresInSec }) =>
      issuer.buildToken({
        expiresIn: expiresInSec ?? 300,
        scopesOrTransform: (_header, payload) => Object.assign(payload, { scope, patient, aud: options.fhirBaseUrl(), sub: clientId, client_id: clientId }),
      }),
    async verifyAccessToken(authorization) {
      const token = /^Bearer\s+([A-Za-z0-9_.-]+)$/i.exec(authorization ?? '')?.[1];
      if (token === undefined || jwks === undefined) return undefined;
      try {
        const { payload } = await jwtVerify(token, jwks, { issuer: issuerUrl(), audience: options.fhirBaseUrl(), algorithms: [KEY_ALG], clockTolerance: 5 });
        if (typeof payload['scope'] !== 'string') return undefined;
        const patient = payload['patient'];
        return { scope: payload['scope'], ...(typeof patient === 'string' && { patient }) };
      } catch {
        return undefined;
      }
    },
    smartConfiguration: state.smartConfiguration,
  };
}
