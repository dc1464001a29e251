import { randomBytes } from 'node:crypto';
import type { Problem } from '../src/problems';
import type { Result } from '../src/result';
import { err, ok } from '../src/result';
import type { SessionData } from './app-data';
import type { ContextNames } from './context-names';
import { ExpiringMap } from './expiring-map';
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
 */

export interface AppSession {
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
  style?: Promise<SmartStyle | undefined>;
  /** The user's and encounter's names for the footer, read right after the launch. */
  names?: Promise<ContextNames>;
  /** The chart and what is computed from it, started right after the launch. */
  data?: Promise<Result<SessionData, Problem>>;
  /** Set once the token has expired and cannot be refreshed: the data is dropped then. */
  ended?: boolean;
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
  private readonly sessions: ExpiringMap<AppSession>;

  constructor(
    private readonly now: () => Date,
    private readonly tokenClient: () => TokenClient,
    /** Told why a refresh failed (the log names the OAuth error code; never a token). */
    private readonly onRefreshFailed: (failure: RefreshFailure) => void = () => undefined,
  ) {
    this.sessions = new ExpiringMap<AppSession>(SESSION_IDLE_MS, MAX_SESSIONS, () => now().getTime());
  }

  create(launch: AuthorizedLaunch): AppSession {
    const id = randomBytes(32).toString('base64url');
    const { token } = launch;
    const session: AppSession = {
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
    this.sessions.set(id, session);
    return session;
  }

  /**
   * The live session `id` of this browser, its token fresh (refreshed when it had expired and a
   * refresh token was granted), or why there is none.
   */
  async open(id: string | undefined, sameBrowser: (binding: string) => boolean): Promise<Result<AppSession, SessionProblem>> {
    const session = id !== undefined && SESSION_ID.test(id) ? this.sessions.get(id) : undefined;
    if (session === undefined) return err('unknown');
    if (!sameBrowser(session.binding)) return err('other-browser');
    if (session.ended === true) return err('expired');
    if (this.now().getTime() >= session.expiresAt - EXPIRY_MARGIN_MS && !(await this.refresh(session))) {
      this.end(session);
      return err('expired');
    }
    this.sessions.touch(session.id);
    return ok(session);
  }

  /** Marks the session ended and lets go of its token and PHI. */
  end(session: AppSession): void {
    session.ended = true;
    session.accessToken = '';
    delete session.refreshToken;
    delete session.data;
  }

  /** Uses the refresh token; false when there is none or the EHR refuses it. */
  private async refresh(session: AppSession): Promise<boolean> {
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
