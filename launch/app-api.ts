import type { NextFunction, Request, Response, Router } from 'express';
import type { Problem } from '../src/problems';
import { problem, ProblemError } from '../src/problems';
import type { AppViewBody, SessionData } from './app-data';
import { resourceFor } from './app-data';
import type { AppSession, AppSessions, SessionProblem } from './app-sessions';
import { sameBrowser } from './browser-binding';
import type { ContextNames } from './context-names';
import { EXPIRED_MESSAGE, EXPIRED_TITLE } from './pages';
import type { SmartStyle } from './smart-style';

/**
 * The page's JSON: `/app/api/{session}/view` (everything the page shows), `/brief` (polled while
 * the model writes) and `/resource/{type}/{id}` (one cited resource, from the session's chart
 * only). Each answer needs the live session of the browser that launched it; a session that has
 * ended answers 401 with the relaunch message, which the page shows instead of the chart.
 */

const REF_TYPE = /^[A-Z][A-Za-z]{1,40}$/;
const REF_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Why a session cannot be used, as the page shows it (title above, diagnostics below). */
export const SESSION_PROBLEMS: Record<SessionProblem, Problem> = {
  unknown: problem('session-ended', EXPIRED_MESSAGE, { title: EXPIRED_TITLE }),
  expired: problem('session-ended', EXPIRED_MESSAGE, { title: EXPIRED_TITLE }),
  'other-browser': problem('forbidden', 'Open ChartBrief from the EHR in this browser to start a session here.', { title: 'This ChartBrief session belongs to another browser' }),
};

/** The session's data plus its launch context, as the page reads it. */
export function viewBody(session: AppSession, data: SessionData, style: SmartStyle | undefined, names: ContextNames = {}): AppViewBody {
  return {
    patient: data.banner,
    showBanner: session.context.needPatientBanner,
    context: {
      fhirContext: session.context.fhirContext,
      ...(session.context.encounter !== undefined && { encounter: session.context.encounter }),
      ...(session.context.encounter !== undefined && names.encounter !== undefined && { encounterName: names.encounter }),
      ...(session.context.intent !== undefined && { intent: session.context.intent }),
      ...(session.user?.ref !== undefined && { user: session.user.ref }),
      ...(session.user?.ref !== undefined && names.user !== undefined && { userName: names.user }),
    },
    brief: data.model.status === 'ready' && data.model.brief !== undefined ? data.model.brief : data.brief,
    modelBrief: data.model.status,
    findings: data.findings,
    trends: data.trends,
    unavailable: data.unavailable,
    ...(style !== undefined && Object.keys(style).length > 0 && { style }),
  };
}

export function appApiRoutes(router: Router, sessions: AppSessions): void {
  // Full route paths (not a sub-router): the access log names the route template, never a session id.
  const guard = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = req.params['session'];
    const opened = await sessions.open(typeof id === 'string' ? id : undefined, (binding: string) => sameBrowser(req, binding));
    if (!opened.ok) throw new ProblemError(SESSION_PROBLEMS[opened.error]);
    res.locals['session'] = opened.value;
    next();
  };
  const sessionOf = (res: Response): AppSession => res.locals['session'] as AppSession;
  const dataOf = async (res: Response): Promise<SessionData> => {
    const result = await sessionOf(res).data;
    if (result?.ok === true) return result.value;
    throw new ProblemError(result?.error ?? problem('upstream-failed', 'The chart could not be loaded. Relaunch ChartBrief from the EHR.'));
  };

  router.get('/app/api/:session/view', guard, async (_req, res) => {
    const session = sessionOf(res);
    const data = await dataOf(res);
    res.json(viewBody(session, data, await session.style, await session.names));
  });

  // Polled by the page while the model brief is being written.
  router.get('/app/api/:session/brief', guard, async (_req, res) => {
    const data = await dataOf(res);
    res.json({ status: data.model.status, ...(data.model.brief !== undefined && { brief: data.model.brief }) });
  });

  router.get('/app/api/:session/resource/:type/:id', guard, async (req, res) => {
    const { type, id } = req.params as Record<string, string>;
    if (!REF_TYPE.test(type ?? '') || !REF_ID.test(id ?? '')) throw new ProblemError(problem('invalid', 'Not a FHIR reference: Type/id expected', { expression: ['reference'] }));
    const data = await dataOf(res);
    const view = resourceFor(data, `${type}/${id}`);
    if (view === undefined) throw new ProblemError(problem('not-found', `${type}/${id} is not part of this chart.`));
    res.json(view);
  });
}
