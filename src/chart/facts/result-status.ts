// One status policy for results (https://hl7.org/fhir/R4/valueset-observation-status.html and
// https://hl7.org/fhir/R4/valueset-diagnostic-report-status.html). Rules act on final results only;
// the brief may show a preliminary value, labelled as such. Cancelled, entered-in-error, registered
// and unknown results are neither.

/** Final, amended or corrected (and a report's `appended`, a kind of amended): a clinician may act on it. */
const FINAL: ReadonlySet<string> = new Set(['final', 'amended', 'corrected', 'appended']);

/** A result the rules may act on. */
export function isFinalResult(status: string | undefined): boolean {
  return status !== undefined && FINAL.has(status);
}

/** Not yet final: the brief may show it, labelled "preliminary"; no rule acts on it. */
export function isPreliminaryResult(status: string | undefined): boolean {
  return status === 'preliminary';
}

/** A result the brief may show: final, or preliminary with its label. */
export function isShownResult(status: string | undefined): boolean {
  return isFinalResult(status) || isPreliminaryResult(status);
}
