import { PROBLEMS, problem, problemBody, problemStatus } from '../src/problems';
import type { ProblemKind } from '../src/problems';

// One problem type for the hooks and the app, one mapping to HTTP.

it('maps every problem kind to one status; only the CDS client 401 goes without a body', () => {
  const kinds = Object.keys(PROBLEMS) as ProblemKind[];
  for (const kind of kinds) {
    const p = problem(kind, 'why');
    expect(problemStatus(p)).toBeGreaterThanOrEqual(400);
    expect(problemBody(p) === undefined).toBe(kind === 'unauthenticated');
  }
  expect(problemStatus(problem('data-unavailable', 'x'))).toBe(412);
  expect(problemStatus(problem('session-ended', 'x'))).toBe(401);
});

it('writes an OperationOutcome with the issue code, the fields and the title the page shows', () => {
  const body = problemBody(problem('invalid', 'context.patientId: is required', { expression: ['context.patientId'], title: 'Bad request' }));
  expect(body).toEqual({
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'invalid', diagnostics: 'context.patientId: is required', expression: ['context.patientId'], details: { text: 'Bad request' } }],
  });
  expect(problemBody(problem('invalid', 'not JSON', { code: 'structure' }))?.issue[0]?.code).toBe('structure');
});
