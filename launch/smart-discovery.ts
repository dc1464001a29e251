import type { Result } from '../src/result';
import { err, ok } from '../src/result';

/**
 * `{iss}/.well-known/smart-configuration`, read by the app itself before fhirclient is asked to
 * authorize: to refuse a server without PKCE S256 with a clear page, and for the OpenID issuer and
 * JWKS the id_token is checked against. Successes are kept a while; failures are not (fhirclient
 * caches what it fetches for the life of the process, so it is only called once the document is
 * known to be readable). https://hl7.org/fhir/smart-app-launch/conformance.html
 */

export interface SmartConfiguration {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** The OpenID issuer (required by SMART when `sso-openid-connect` is offered). */
  issuer?: string;
  jwksUri?: string;
  codeChallengeMethods: string[];
  capabilities: string[];
}

const TTL_MS = 10 * 60 * 1000;
const TIMEOUT_MS = 5000;
const MAX_ENTRIES = 100;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function httpUrl(v: unknown): string | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** The fields the app uses, from unknown JSON. */
export function smartConfigurationFrom(json: unknown): Result<SmartConfiguration, string> {
  if (typeof json !== 'object' || json === null) return err('the SMART configuration is not a JSON object');
  const doc = json as Record<string, unknown>;
  const authorizationEndpoint = httpUrl(doc['authorization_endpoint']);
  const tokenEndpoint = httpUrl(doc['token_endpoint']);
  if (authorizationEndpoint === undefined || tokenEndpoint === undefined) return err('the SMART configuration names no authorization or token endpoint');
  const config: SmartConfiguration = {
    authorizationEndpoint,
    tokenEndpoint,
    codeChallengeMethods: strings(doc['code_challenge_methods_supported']),
    capabilities: strings(doc['capabilities']),
  };
  const issuer = str(doc['issuer']);
  if (issuer !== undefined) config.issuer = issuer;
  const jwksUri = httpUrl(doc['jwks_uri']);
  if (jwksUri !== undefined) config.jwksUri = jwksUri;
  return ok(config);
}

/** Reads and keeps SMART configurations by FHIR base URL. */
export class SmartDiscovery {
  private readonly cache = new Map<string, { config: SmartConfiguration; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(iss: string): Promise<Result<SmartConfiguration, string>> {
    const hit = this.cache.get(iss);
    if (hit !== undefined && hit.until > this.now()) return ok(hit.config);
    const url = `${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`;
    let json: unknown;
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
      if (!response.ok) return err(`the EHR's SMART configuration answered HTTP ${response.status}`);
      json = await response.json();
    } catch {
      return err("the EHR's SMART configuration could not be read (unreachable, timed out or not JSON)");
    }
    const parsed = smartConfigurationFrom(json);
    if (!parsed.ok) return parsed;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(iss, { config: parsed.value, until: this.now() + TTL_MS });
    return parsed;
  }
}
