import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';

// Every non-2xx answer (but 401) is an OperationOutcome, as the CDS Hooks 3.0 ballot recommends.
// https://build.fhir.org/ig/HL7/cds-hooks/en/#http-response

/** An OperationOutcome with one error issue; `expression` names the offending field. */
export function outcome(code: OperationOutcomeIssue['code'], diagnostics: string, expression?: string[]): OperationOutcome {
  const issue: OperationOutcomeIssue = { severity: 'error', code, diagnostics };
  if (expression && expression.length > 0) issue.expression = expression;
  return { resourceType: 'OperationOutcome', issue: [issue] };
}

/** An OperationOutcome with several error issues (e.g. one per invalid field). */
export function outcomeOf(issues: Array<{ code: OperationOutcomeIssue['code']; diagnostics: string; expression?: string[] }>): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => {
      const issue: OperationOutcomeIssue = { severity: 'error', code: i.code, diagnostics: i.diagnostics };
      if (i.expression && i.expression.length > 0) issue.expression = i.expression;
      return issue;
    }),
  };
}
