import { randomBytes } from 'node:crypto';
import type { Problem } from '../src/problems';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { SessionData } from './app-data';
import type { ContextNames } from './context-names';
import type { ExpiringStore } from './expiring-map';
import { ExpiringMap, inMemoryStore } from './expiring-map';
import type { LaunchContext } from './launch-context';
import { grantedTokenFrom } from './launch-context';
import type { AuthorizedLaunch } from './smart-launch-flow';
import type { SmartStyle } from './smart-style';
import type { RefreshFailure, TokenClient } from './token-refresh';
import { refreshAccessToken } from './token-refresh';

/**
 * App sessions: one per completed launch, keyed by a fresh random id in the page URL (not the
 * `state`, and never a per-browser cookie: an iframe reused for another patient gets another
 * launch, so another session), bound to the launching browser (browser-binding.ts). The access
 * token stays here; the browser only ever sees the session id. An expired token is refreshed
 * when a refresh token was granted; otherwise the session has ended and the page says to
 * relaunch from the EHR.
 *
 * The session record (tokens, context) lives in an ExpiringStore: this process by default, or
 * Redis shared by every replica (tokens encrypted there). What is computed from it (the chart,
 * names, style) stays in the replica that computed it; a replica that gets a session it has no
 * chart for loads it again with the session's token.
 */

/** What is kept of a session wherever sessions are kept: plain JSON, no chart. */
export interface SessionRecord {
  id: string;
  binding: string;
  iss: string;
  tokenEndpoint: string;
  accessToken: string;
  refreshToken?: string;
  scope: string;
  /** ms since the epoch (the app's clock). */
  expiresAt: number;
  context: LaunchContext;
  user?: { fhirUser: string; ref?: string };
  /** Set once the token has expired and cannot be refreshed: the data is dropped then. */
  ended?: boolean;
}

/** What this replica computed for a session (its chart and page data), from the session's token. */
export interface SessionParts {
  style?: Promise<SmartStyle | undefined>;
  /** The user's and encounter's names for the footer, read right after the launch. */
  names?: Promise<ContextNames>;
  /** The chart and what is computed from it, started right after the launch. */
  data?: Promise<Result<SessionData, Problem>>;
}

/** A live session as the routes use it: the record and this replica's parts. */
export interface AppSession extends SessionRecord, SessionParts {}

/** A session record read back from a shared store, or undefined when it does not have the shape. */
export function sessionRecordFrom(json: unknown): SessionRecord | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const r = json as Record<string, unknown>;
  const context = r['context'] as Record<string, unknown> | null | undefined;
  const strings = ['id', 'binding', 'iss', 'tokenEndpoint', 'accessToken', 'scope'].every((k) => typeof r[k] === 'string');
  const ok = strings && typeof r['expiresAt'] === 'number' && typeof context === 'object' && context !== null && typeof context['patient'] === 'string' && Array.isArray(context['fhirContext']);
  return ok ? (json as SessionRecord) : undefined;
}

export interface AppSessionsOptions {
  /** Where session records live; default this process. */
  store?: ExpiringStore<SessionRecord>;
  /** Starts what a replica computes for a session (chart, names, style) and sets it on `session`. */
  load?: (session: AppSession) => void;
}

/** When a token response gives no `expires_in` (SMART says it should). */
const DEFAULT_TOKEN_LIFETIME_S = 3600;
/** Refresh this long before the access token expires. */
const EXPIRY_MARGIN_MS = 10_000;
/** Idle sessions end after this; the token's own expiry usually comes first. */
const SESSION_IDLE_MS = 4 * 60 * 60 * 1000;
const MAX_SESSIONS = 2000;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export type SessionProblem = 'unknown' | 'other-browser' | 'expired';

export class AppSessions {
  private readonly sessions: ExpiringStore<SessionRecord>;
  /** This replica's parts per session id: bounded as the sessions are. */
  private readonly parts: ExpiringMap<SessionParts>;
  private readonly load: (session: AppSession) => void;

  constructor(
    private readonly now: () => Date,
    private readonly tokenClient: () => TokenClient,
    /** Told why a refresh failed (the log names the OAuth error code; never a token). */
    private readonly onRefreshFailed: (failure: RefreshFailure) => void = () => undefined,
    options: AppSessionsOptions = {},
  ) {
    const clock = (): number => now().getTime();
    this.sessions = options.store ?? inMemoryStore(new ExpiringMap<SessionRecord>(SESSION_IDLE_MS, MAX_SESSIONS, clock));
    this.parts = new ExpiringMap<SessionParts>(SESSION_IDLE_MS, MAX_SESSIONS, clock);
    this.load = options.load ?? ((): void => undefined);
  }

  /** A session for a completed launch, kept, with this replica's parts started. */
  async create(launch: AuthorizedLaunch): Promise<AppSession> {
    const id = randomBytes(32).toString('base64url');
    const { token } = launch;
    const record: SessionRecord = {
      id,
      binding: launch.binding,
      iss: launch.iss,
      tokenEndpoint: launch.smart.tokenEndpoint,
      accessToken: token.accessToken,
      scope: token.scope,
      expiresAt: this.now().getTime() + (token.expiresIn ?? DEFAULT_TOKEN_LIFETIME_S) * 1000,
      context: token.context,
      ...(token.refreshToken !== undefined && { refreshToken: token.refreshToken }),
      ...(launch.user !== undefined && { user: launch.user }),
    };
    await this.sessions.set(id, record, SESSION_IDLE_MS);
    return this.withParts(record);
  }

  /**
   * The live session `id` of this browser, its token fresh (refreshed when it had expired and a
   * refresh token was granted), or why there is none.
   */
  async open(id: string | undefined, sameBrowser: (binding: string) => boolean): Promise<Result<AppSession, SessionProblem>> {
    const record = id !== undefined && SESSION_ID.test(id) ? await this.sessions.get(id) : undefined;
    if (record === undefined) return err('unknown');
    if (!sameBrowser(record.binding)) return err('other-browser');
    if (record.ended === true) {
      this.parts.take(record.id);
      return err('expired');
    }
    if (this.now().getTime() >= record.expiresAt - EXPIRY_MARGIN_MS) {
      if (!(await this.refresh(record))) {
        await this.end(record);
        return err('expired');
      }
      await this.sessions.set(record.id, record, SESSION_IDLE_MS);
    } else {
      await this.sessions.touch(record.id, SESSION_IDLE_MS);
    }
    return ok(this.withParts(record));
  }

  /** Marks the session ended everywhere and lets go of its token and this replica's PHI. */
  async end(session: SessionRecord): Promise<void> {
    const ended: SessionRecord = { ...session, ended: true, accessToken: '' };
    delete ended.refreshToken;
    this.parts.take(session.id);
    await this.sessions.set(session.id, ended, SESSION_IDLE_MS);
  }

  /** The session with this replica's parts: those it has, or started now (a session launched on another replica). */
  private withParts(record: SessionRecord): AppSession {
    const known = this.parts.get(record.id);
    if (known !== undefined) {
      this.parts.touch(record.id);
      return { ...record, ...known };
    }
    const session: AppSession = { ...record };
    this.load(session);
    const { style, names, data } = session;
    this.parts.set(record.id, { ...(style !== undefined && { style }), ...(names !== undefined && { names }), ...(data !== undefined && { data }) });
    return session;
  }

  /** Uses the refresh token; false when there is none or the EHR refuses it. */
  private async refresh(session: SessionRecord): Promise<boolean> {
    const refreshToken = session.refreshToken;
    if (refreshToken === undefined) return false;
    const answer = await refreshAccessToken(session.tokenEndpoint, refreshToken, this.tokenClient(), this.now());
    if (!answer.ok) {
      this.onRefreshFailed(answer.error);
      return false;
    }
    // A refresh response may omit the launch context; if it names a patient, it must be the same one.
    const patient = answer.value['patient'];
    if (patient !== undefined && patient !== session.context.patient) return false;
    const token = grantedTokenFrom({ ...answer.value, patient: session.context.patient });
    if (!token.ok) return false;
    session.accessToken = token.value.accessToken;
    if (token.value.refreshToken !== undefined) session.refreshToken = token.value.refreshToken;
    if (token.value.scope !== '') session.scope = token.value.scope;
    session.expiresAt = this.now().getTime() + (token.value.expiresIn ?? DEFAULT_TOKEN_LIFETIME_S) * 1000;
    return true;
  }
}
