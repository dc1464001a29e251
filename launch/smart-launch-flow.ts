import { randomBytes } from 'node:crypto';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { ExpiringStore } from './expiring-map';
import { ExpiringMap, inMemoryStore } from './expiring-map';
import type { ReadyOptions } from './fhirclient-adapter';
import { authorizationUrl, completeAuthorization, LaunchStorage } from './fhirclient-adapter';
import type { IdTokenTrustResolver } from './id-token';
import { fhirUserRef, verifyIdToken } from './id-token';
import { allowedIss } from './iss-allowlist';
import type { LaunchSettings } from './launch-config';
import { scopeFor } from './launch-config';
import { tokenRefusal } from './token-errors';
import type { GrantedToken } from './launch-context';
import { grantedTokenFrom } from './launch-context';
import type { SmartConfiguration, SmartDiscovery } from './smart-discovery';

/**
 * The SMART App Launch code flow, without HTTP: `/launch` → the EHR's authorization endpoint →
 * `/app?code&state` → tokens. https://hl7.org/fhir/smart-app-launch/app-launch.html
 * - EHR launch (`iss` + `launch`) asks `launch`; standalone (`iss` only) asks `launch/patient`.
 * - `iss` must be allowed (SMART_ALLOWED_ISS) before anything is fetched or redirected.
 * - PKCE S256 always (fhirclient `pkceMode: "required"`), `aud` = `iss`, a fresh `state` per launch,
 *   which keys that launch's own fhirclient storage; a `state` is used once, by the browser that
 *   began the launch.
 * - The id_token is checked (id-token.ts) before `fhirUser` is kept.
 */

export interface FlowDeps {
  settings: LaunchSettings;
  /** The app's public base URL (PUBLIC_URL): the redirect URI is `{publicUrl}/app`. */
  publicUrl: () => string;
  discovery: SmartDiscovery;
  idTokens: IdTokenTrustResolver;
  now: () => Date;
  /** Launches in progress; default in this process. With REDIS_URL: shared, so any replica completes a launch. */
  pending?: ExpiringStore<PendingLaunch>;
}

/** A page to show instead of going on: what happened, and whether relaunching from the EHR helps. */
export interface FlowProblem {
  status: number;
  title: string;
  message: string;
  /** The OAuth `error` code the token endpoint answered, for the log (never its description, the code or a secret). */
  oauthError?: string;
}

/** What a completed launch gives: everything the session needs; the browser gets none of it. */
export interface AuthorizedLaunch {
  iss: string;
  smart: SmartConfiguration;
  token: GrantedToken;
  /** The verified `fhirUser`, as `Type/id` when it names one. */
  user?: { fhirUser: string; ref?: string };
  binding: string;
}

/** A launch between `/launch` and `/app?code&state`, keyed by its `state`: plain JSON, so it can be kept in Redis. */
export interface PendingLaunch {
  iss: string;
  smart: SmartConfiguration;
  /** fhirclient's storage for this launch (LaunchStorage.saved()). */
  storage: Record<string, unknown>;
  binding: string;
}

/** A pending launch read back from a shared store, or undefined when it does not have the shape. */
export function pendingLaunchFrom(json: unknown): PendingLaunch | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const p = json as Record<string, unknown>;
  const smart = p['smart'] as Record<string, unknown> | null | undefined;
  const ok = typeof p['iss'] === 'string' && typeof p['binding'] === 'string' && typeof p['storage'] === 'object' && p['storage'] !== null
    && typeof smart === 'object' && smart !== null && typeof smart['tokenEndpoint'] === 'string' && Array.isArray(smart['codeChallengeMethods']);
  return ok ? (json as PendingLaunch) : undefined;
}

/** How long a user may take at the EHR's authorization page. */
const PENDING_TTL_MS = 10 * 60 * 1000;
const MAX_PENDING = 5000;
const STATE = /^[A-Za-z0-9_-]{16,128}$/;

const problem = (status: number, title: string, message: string): FlowProblem => ({ status, title, message });
const storeUnavailable = (): FlowProblem => problem(503, 'ChartBrief is briefly unavailable', 'ChartBrief could not reach its session store. Relaunch ChartBrief from the EHR in a moment.');

/** Where our public key is served (`private_key_jwt`). */
export const JWKS_PATH = '/.well-known/jwks.json';

/** Our JWKS URL: what the EHR registers, and the `jku` of an assertion when SMART_ASSERTION_JKU=true. */
export function jwksUrlOf(publicUrl: string): string {
  return `${publicUrl}${JWKS_PATH}`;
}

export class SmartLaunchFlow {
  private readonly pending: ExpiringStore<PendingLaunch>;

  constructor(private readonly deps: FlowDeps) {
    this.pending = deps.pending ?? inMemoryStore(new ExpiringMap<PendingLaunch>(PENDING_TTL_MS, MAX_PENDING, () => deps.now().getTime()));
  }

  get redirectUri(): string {
    return `${this.deps.publicUrl()}/app`;
  }

  /** `GET /launch`: the authorization URL to send the browser to, or why not. `bind` ties the launch to the browser (only once it goes ahead). */
  async start(query: { iss?: string; launch?: string }, bind: () => string): Promise<Result<string, FlowProblem>> {
    const { settings } = this.deps;
    const allowed = settings.allowedIss;
    // Standalone launch with no `iss`: the one configured EHR, when there is exactly one.
    const requested = query.iss ?? (allowed !== 'loopback' && allowed.length === 1 ? allowed[0] : undefined);
    if (requested === undefined) return err(problem(400, 'Open ChartBrief from your EHR', 'The launch did not say which EHR (FHIR server) to connect to: there is no iss parameter.'));
    const iss = allowedIss(requested, settings.allowedIss);
    if (iss === undefined) {
      return err(problem(403, 'This EHR is not trusted by ChartBrief', `ChartBrief is not configured to connect to the FHIR server ${requested}. An administrator can add it to SMART_ALLOWED_ISS.`));
    }
    const smart = await this.deps.discovery.get(iss);
    if (!smart.ok) return err(problem(502, 'The EHR could not be reached', `ChartBrief could not start the launch: ${smart.error}.`));
    if (!smart.value.codeChallengeMethods.includes('S256')) {
      return err(problem(502, 'The EHR does not support a secure launch', 'The EHR does not offer PKCE with S256, which ChartBrief requires for every launch.'));
    }
    const state = randomBytes(32).toString('base64url');
    const storage = new LaunchStorage();
    const kind = query.launch !== undefined ? 'ehr' : 'standalone';
    let url: string;
    try {
      url = await authorizationUrl(storage, {
        iss,
        ...(query.launch !== undefined && { launch: query.launch }),
        clientId: settings.clientId,
        scope: scopeFor(settings.scopes, kind),
        redirectUri: this.redirectUri,
        pkceMode: 'required',
        stateKey: state,
        ...(settings.clientAuth.kind === 'secret' && { clientSecret: settings.clientAuth.secret }),
      });
    } catch {
      return err(problem(502, 'The EHR could not be reached', 'ChartBrief could not read the EHR’s SMART configuration to start the launch.'));
    }
    try {
      await this.pending.set(state, { iss, smart: smart.value, storage: storage.saved(), binding: bind() }, PENDING_TTL_MS);
    } catch {
      return err(storeUnavailable());
    }
    return ok(url);
  }

  /** `GET /app?code&state` (or `?error&state`): the tokens and context, or why not. */
  async complete(query: Record<string, unknown>, sameBrowser: (binding: string) => boolean): Promise<Result<AuthorizedLaunch, FlowProblem>> {
    const state = typeof query['state'] === 'string' && STATE.test(query['state']) ? query['state'] : undefined;
    let launch: PendingLaunch | undefined;
    try {
      launch = state === undefined ? undefined : await this.pending.take(state);
    } catch {
      return err(storeUnavailable());
    }
    if (state === undefined || launch === undefined) {
      return err(problem(400, 'This launch has expired', 'ChartBrief does not know this launch (it was already used, took too long, or was not started here). Relaunch ChartBrief from the EHR.'));
    }
    if (!sameBrowser(launch.binding)) {
      return err(problem(400, 'This launch belongs to another browser', 'The authorization answer did not come back to the browser that started the launch. Relaunch ChartBrief from the EHR.'));
    }
    const oauthError = typeof query['error'] === 'string' ? query['error'] : undefined;
    if (oauthError !== undefined) {
      const description = typeof query['error_description'] === 'string' ? `: ${query['error_description'].slice(0, 300)}` : '';
      return err(problem(403, 'The EHR did not authorize ChartBrief', `The EHR answered ${oauthError.slice(0, 60)}${description}.`));
    }
    const code = typeof query['code'] === 'string' && query['code'] !== '' ? query['code'] : undefined;
    if (code === undefined) return err(problem(400, 'The EHR sent no authorization code', 'Relaunch ChartBrief from the EHR.'));
    let body: Record<string, unknown>;
    try {
      const client = await completeAuthorization(new LaunchStorage(launch.storage), state, code, this.readyOptions());
      body = { ...(client.state.tokenResponse ?? {}) };
    } catch (e) {
      const refusal = tokenRefusal(e);
      const answered = refusal === undefined ? '' : ` It answered ${refusal.oauthError ?? 'no OAuth error code'} (HTTP ${refusal.status}).`;
      return err({
        ...problem(502, 'The EHR refused the authorization code', `The EHR’s token endpoint did not issue a token for this launch.${answered} Relaunch ChartBrief from the EHR.`),
        ...(refusal?.oauthError !== undefined && { oauthError: refusal.oauthError }),
      });
    }
    const token = grantedTokenFrom(body);
    if (!token.ok) return err(problem(502, 'The EHR’s answer cannot be used', `ChartBrief cannot open the chart: ${token.error}.`));
    const user = await this.identity(token.value, launch.smart);
    if (!user.ok) return err(problem(401, 'The user’s identity could not be verified', `${user.error}. Relaunch ChartBrief from the EHR.`));
    return ok({ iss: launch.iss, smart: launch.smart, token: token.value, binding: launch.binding, ...(user.value !== undefined && { user: user.value }) });
  }

  /**
   * private_key_jwt: the key signs fhirclient's client assertion (a copy: fhirclient adds `key_ops`
   * to it). fhirclient puts a `jku` in the assertion whenever it is given a key set URL, so it is
   * given one only with SMART_ASSERTION_JKU=true.
   */
  private readyOptions(): ReadyOptions {
    const { clientAuth: auth, assertionJku } = this.deps.settings;
    if (auth.kind !== 'private-key-jwt') return {};
    // The JWK was checked at start-up (alg RS384/ES384, kid, kty, d): the shape fhirclient's JWK type names.
    const privateKey = { ...auth.privateJwk } as unknown as ReadyOptions['privateKey'];
    return assertionJku ? { privateKey, clientPublicKeySetUrl: jwksUrlOf(this.deps.publicUrl()) } : { privateKey };
  }

  /** The verified fhirUser; no id_token (no `openid` granted) is no user, a bad one is refused. */
  private async identity(token: GrantedToken, smart: SmartConfiguration): Promise<Result<AuthorizedLaunch['user'], string>> {
    if (token.idToken === undefined) return ok(undefined);
    const trust = await this.deps.idTokens.resolve(smart);
    if (!trust.ok) return err(trust.error);
    const verified = await verifyIdToken(token.idToken, trust.value, this.deps.settings.clientId, this.deps.now());
    if (!verified.ok) return err(verified.error);
    const fhirUser = verified.value.fhirUser;
    if (fhirUser === undefined) return ok(undefined);
    const ref = fhirUserRef(fhirUser);
    return ok(ref === undefined ? { fhirUser } : { fhirUser, ref });
  }
}
