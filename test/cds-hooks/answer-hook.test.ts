import type { AnswerHookDeps } from '../../cds-hooks/answer-hook';
import { answerHook } from '../../cds-hooks/answer-hook';
import { EmbeddedSummarizer } from '../../src/brief/embedded/embedded-summarizer';
import { createChartLoader } from '../../src/chart/chart-loader';
import { deadlineAfter, NO_DEADLINE } from '../../src/deadline';
import type { Problem } from '../../src/problems';
import { problemBody, problemStatus } from '../../src/problems';
import type { Result } from '../../src/result';
import { ALL_RULES } from '../../src/rules/all-rules';
import { runRules } from '../../src/rules/run-rules';
import { orderRequest, patientViewRequest, testPatient } from '../support/hook-requests';
import { fixturePatient, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';

// The hook use case, called directly: no HTTP server, no express. The router adds only
// authentication, body parsing and the mapping of its Problem to a status.

const fhirRequests: string[] = [];
const deps: AnswerHookDeps = {
  loadChart: createChartLoader({ limits: { timeoutMs: 500 } }),
  hook: {
    summarizer: new EmbeddedSummarizer(),
    appLaunchUrl: 'https://chartbrief.example.org/launch',
    now: () => new Date('2021-06-01T00:00:00Z'),
    newId: () => `card-${fhirRequests.length}`,
    knowledgeVersion: 'test',
    runRules: (input) => runRules(ALL_RULES, input),
    overrides: { overridesFor: () => Promise.resolve([]) },
    overrideQuietDays: 30,
  },
};

/** A FHIR base that nothing listens on: any request to it would fail, and the stats would count it. */
const NOWHERE = 'http://127.0.0.1:9/fhir';

function problemOf<T>(result: Result<T, Problem>): Problem {
  if (result.ok) throw new Error('expected a problem');
  return result.error;
}

it('answers a patient-view call with its cards and what loading the chart took', async () => {
  const ali = fixturePatient('Ali_Herman');
  const prefetch = prefetchFromBundle(loadFixtureBundle(ali.file));
  const answer = await answerHook({ serviceId: 'patient-view', body: { ...patientViewRequest(ali.patientId), prefetch }, deadline: NO_DEADLINE }, deps);
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  expect(answer.value.response.cards.some((c) => c.summary.length > 0 && c.links?.some((l) => l.type === 'smart'))).toBe(true);
  expect(answer.value.stats.fhirRequests).toBe(0);
  expect(answer.value.stats.resources).toBeGreaterThan(100);
  expect(answer.value.unavailable).toEqual([]);
});

it('names an unknown service as not found (404)', async () => {
  const p = problemOf(await answerHook({ serviceId: 'no-such-service', body: patientViewRequest(), deadline: NO_DEADLINE }, deps));
  expect(problemStatus(p)).toBe(404);
  expect(problemBody(p)?.issue[0]?.diagnostics).toContain('no-such-service');
});

it('names each invalid field of the request (400)', async () => {
  const envelope = problemOf(await answerHook({ serviceId: 'patient-view', body: { hook: 'patient-view', context: {} }, deadline: NO_DEADLINE }, deps));
  expect(problemStatus(envelope)).toBe(400);
  expect(envelope.issues.flatMap((i) => i.expression ?? [])).toEqual(['hookInstance']);
  const context = problemOf(await answerHook({ serviceId: 'patient-view', body: { hook: 'patient-view', hookInstance: 'h1', context: {} }, deadline: NO_DEADLINE }, deps));
  expect(context.issues.flatMap((i) => i.expression ?? [])).toEqual(['context.patientId']);
});

it('refuses a prefetched Patient of another id as the EHR\'s bad request (400)', async () => {
  const body = patientViewRequest('pat-1');
  const p = problemOf(await answerHook({ serviceId: 'patient-view', body: { ...body, prefetch: { ...(body['prefetch'] as object), patient: testPatient('someone-else') } }, deadline: NO_DEADLINE }, deps));
  expect(problemStatus(p)).toBe(400);
  expect(p.issues[0]?.expression).toEqual(['prefetch.patient']);
});

it('answers 412 when the patient cannot be read: no prefetch and an unreachable FHIR server', async () => {
  const body = { ...patientViewRequest('pat-1'), prefetch: undefined, fhirServer: NOWHERE };
  const p = problemOf(await answerHook({ serviceId: 'patient-view', body, deadline: NO_DEADLINE }, deps));
  expect(problemStatus(p)).toBe(412);
  expect(problemBody(p)?.issue[0]?.diagnostics).toMatch(/^The patient's record could not be read/);
});

it('makes no FHIR request for an order hook whose prefetch holds every section it declares', async () => {
  const answer = await answerHook({ serviceId: 'order-sign', body: { ...orderRequest('order-sign'), fhirServer: NOWHERE }, deadline: NO_DEADLINE }, deps);
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  expect(answer.value.stats.fhirRequests).toBe(0);
  expect(answer.value.stats.fetchErrors).toBe(0);
});

it('sends no FHIR request once the deadline has passed, and answers with what prefetch gave, naming the rest unavailable', async () => {
  const body = patientViewRequest('pat-1');
  const prefetch = { patient: testPatient('pat-1') };
  const answer = await answerHook({ serviceId: 'patient-view', body: { ...body, prefetch, fhirServer: NOWHERE }, deadline: deadlineAfter(0) }, deps);
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  expect(answer.value.stats.fhirRequests).toBe(0);
  expect(answer.value.unavailable).toEqual(expect.arrayContaining(['conditions', 'medications', 'allergies', 'labs']));
  const brief = answer.value.response.cards.find((c) => c.links?.some((l) => l.type === 'smart'));
  expect(brief?.detail).toMatch(/could not be read|not available|unavailable/i);
});
