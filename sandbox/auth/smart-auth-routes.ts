import type { IncomingMessage } from 'node:http';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { SmartConfiguration } from '../fhir/fhir-capabilities';
import type { Grant, OAuthError, SmartClient } from './authorization-checks';
import { checkAuthorizeRequest, checkClientAndRedirect, checkCodeExchange, isOAuthError, tokenClient } from './authorization-checks';
import type { LaunchRegistry } from './launch-registry';

// The routes in front of oauth2-mock-server's: they refuse what it would let through, and tell
// its hooks (through `grants`) which launch a request belongs to.

/** What the routes share with the library's hooks. */
export interface AuthState {
  launches: LaunchRegistry;
  /** Authorization codes the library issued, with what they stand for. */
  codes: Map<string, Grant & { expiresAt: number }>;
  refreshTokens: Map<string, Grant>;
  /** The grant a request in flight to the library carries (read by its hooks). */
  grants: WeakMap<IncomingMessage, Grant>;
  clients: () => readonly SmartClient[];
  fhirBaseUrl: () => string;
  smartConfiguration: () => SmartConfiguration;
  idTokenAlg: string;
}

function basicCredentials(header: string | undefined): { name: string; pass: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { name: decodeURIComponent(decoded.slice(0, colon)), pass: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

function sendError(res: Response, error: OAuthError, status = 400): void {
  res.status(status).set('Cache-Control', 'no-store').json(error);
}

/** `GET /authorize`: an unknown client or redirect URI is answered here; other errors go back to the app. */
function authorize(state: AuthState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const query = req.query as Record<string, unknown>;
    const who = checkClientAndRedirect(query, state.clients());
    if (isOAuthError(who)) return sendError(res, who);
    const checked = checkAuthorizeRequest(query, state.fhirBaseUrl(), (code) => state.launches.resolve(code));
    if (isOAuthError(checked)) {
      const back = new URL(who.redirectUri);
      back.searchParams.set('error', checked.error);
      back.searchParams.set('error_description', checked.error_description);
      if (typeof query['state'] === 'string') back.searchParams.set('state', query['state']);
      return res.redirect(302, back.href);
    }
    state.grants.set(req, { clientId: who.client.clientId, redirectUri: who.redirectUri, scope: checked.scope, context: checked.context });
    next();
  };
}

/** The grant a token request is for: an unused, unexpired code (single use) or a known refresh token (rotated). */
function grantFor(state: AuthState, body: Record<string, unknown>, client: SmartClient): Grant | OAuthError {
  if (body['grant_type'] === 'authorization_code') {
    const code = typeof body['code'] === 'string' ? body['code'] : '';
    const saved = state.codes.get(code);
    state.codes.delete(code);
    return checkCodeExchange(body, client, saved !== undefined && saved.expiresAt > Date.now() ? saved : undefined);
  }
  if (body['grant_type'] === 'refresh_token') {
    const token = typeof body['refresh_token'] === 'string' ? body['refresh_token'] : '';
    const saved = state.refreshTokens.get(token);
    state.refreshTokens.delete(token);
    return saved !== undefined && saved.clientId === client.clientId ? saved : { error: 'invalid_grant', error_description: 'unknown or used refresh token' };
  }
  return { error: 'unsupported_grant_type', error_description: 'grant_type must be authorization_code or refresh_token' };
}

/** `POST /token`: client authentication and the grant checked here; the library then signs the tokens. */
function token(state: AuthState) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const client = tokenClient(body, basicCredentials(req.get('authorization')), state.clients());
    if (isOAuthError(client)) return sendError(res, client, 401);
    const grant = grantFor(state, body, client);
    if (isOAuthError(grant)) return sendError(res, grant);
    state.grants.set(req, grant);
    next();
  };
}

/** The routes to mount before the library's request handler. */
export function smartAuthRoutes(state: AuthState): Router {
  const router = express.Router();
  router.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({ ...state.smartConfiguration(), subject_types_supported: ['public'], id_token_signing_alg_values_supported: [state.idTokenAlg], response_modes_supported: ['query'] });
  });
  router.get('/authorize', authorize(state));
  router.post('/token', express.urlencoded({ extended: false, limit: '16kb' }), token(state));
  // Not offered: the sandbox has no sessions to end, and no user info beyond the id_token.
  router.get(['/endsession', '/userinfo'], (_req, res) => {
    res.status(404).end();
  });
  return router;
}
