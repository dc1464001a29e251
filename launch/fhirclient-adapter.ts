import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import smart from 'fhirclient';

/**
 * fhirclient's Node adapter (`smart(req, res, storage)`), used for the two steps it does well:
 * `authorize` (discovery, PKCE S256, `state`, `aud`, the authorization URL) and `ready` (state
 * lookup and the code exchange). Two things are kept from it:
 * - the browser's request: fhirclient reads `iss`, `launch`, `fhirServiceUrl`, `patientId` and
 *   `clientId` from the URL it is given (a `fhirServiceUrl` would skip authorization altogether),
 *   so it is given a request carrying only the parameters the app has already validated;
 * - a shared session: each launch gets its own storage (a Map), found by the launch's `state`,
 *   never a per-browser session (an EHR iframe reused across patients would show the last one).
 * https://docs.smarthealthit.org/client-js/api.html
 */

type SmartApi = ReturnType<typeof smart>;
export type AuthorizeParams = Parameters<SmartApi['authorize']>[0];
export type ReadyOptions = NonNullable<Parameters<SmartApi['ready']>[0]>;
export type FhirclientStorage = Exclude<Parameters<typeof smart>[2], undefined | ((...args: never[]) => unknown)>;
export type FhirclientClient = Awaited<ReturnType<SmartApi['ready']>>;

/** fhirclient's storage for one launch: a plain map, dropped with the launch. */
export class LaunchStorage implements FhirclientStorage {
  private readonly values: Map<string, unknown>;

  /** `saved`: what {@link LaunchStorage.saved} gave, when the launch is completed by another replica. */
  constructor(saved: Readonly<Record<string, unknown>> = {}) {
    this.values = new Map(Object.entries(saved));
  }

  /** Everything fhirclient stored (plain JSON: the launch's state, PKCE verifier, endpoints), to keep with the pending launch. */
  saved(): Record<string, unknown> {
    return Object.fromEntries(this.values);
  }

  get(key: string): Promise<unknown> {
    return Promise.resolve(this.values.get(key));
  }

  set(key: string, value: unknown): Promise<unknown> {
    this.values.set(key, value);
    return Promise.resolve(value);
  }

  unset(key: string): Promise<boolean> {
    return Promise.resolve(this.values.delete(key));
  }
}

/** A request as fhirclient sees it: this path and query only (the host does not matter: redirect URIs are absolute). */
function requestFor(pathAndQuery: string): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.url = pathAndQuery;
  req.headers = { host: 'chartbrief.invalid' };
  return req;
}

function smartFor(pathAndQuery: string, storage: LaunchStorage): SmartApi {
  const req = requestFor(pathAndQuery);
  return smart(req, new ServerResponse(req), storage);
}

/** Builds the authorization URL (`noRedirect`: the app answers the browser itself). */
export async function authorizationUrl(storage: LaunchStorage, params: { iss: string; launch?: string } & Omit<AuthorizeParams, 'iss' | 'launch' | 'noRedirect' | 'fhirServiceUrl' | 'patientId'>): Promise<string> {
  const query = new URLSearchParams({ iss: params.iss, ...(params.launch !== undefined && { launch: params.launch }) });
  const url: unknown = await smartFor(`/launch?${query.toString()}`, storage).authorize({ ...params, noRedirect: true });
  if (typeof url !== 'string') throw new Error('fhirclient did not return an authorization URL');
  return url;
}

/** Completes the code flow for the launch whose `state` this is: fhirclient checks the state and exchanges the code. */
export async function completeAuthorization(storage: LaunchStorage, state: string, code: string, options: ReadyOptions): Promise<FhirclientClient> {
  const query = new URLSearchParams({ state, code });
  return smartFor(`/app?${query.toString()}`, storage).ready(options);
}
