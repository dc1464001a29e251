import type { Procedure } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { SNOMED_CT } from '../../clinical-codes/code-systems';
import { ROUTINE_PROCEDURE_CODES } from '../../clinical-codes/routine-procedures';
import type { BriefSection, Statement } from '../brief';
import { isComplete } from './availability';
import { codesOf, compareText, conceptText, datePart, instantOf, refOf, unique, withoutSemanticTag } from './fhir-values';
import { reasonsOf, type StatedReason } from './reasons';

// https://hl7.org/fhir/R4/valueset-event-status.html: done or under way. preparation, not-done,
// on-hold, stopped, entered-in-error and unknown do not say the procedure was performed.
const PERFORMED = new Set(['completed', 'in-progress']);

interface Occurrence {
  procedure: Procedure;
  ref: string;
  time: number;
  date: string;
}

/** One procedure concept the patient had, once or repeatedly: the latest and the first time. */
export interface NotableProcedure {
  key: string;
  name: string;
  latest: Occurrence;
  /** The earliest occurrence on an earlier date, when the procedure was repeated. */
  first?: Occurrence;
  reasons: StatedReason[];
  ongoing: boolean;
}

function occurrenceOf(p: Procedure): Occurrence | undefined {
  const when = p.performedDateTime ?? p.performedPeriod?.start ?? p.performedPeriod?.end;
  const time = instantOf(when);
  const date = datePart(when);
  if (!p.id || time === undefined || date === undefined) return undefined;
  return { procedure: p, ref: refOf(p), time, date };
}

function isRoutine(p: Procedure): boolean {
  return codesOf(p.code, [SNOMED_CT]).some((c) => ROUTINE_PROCEDURE_CODES.has(c));
}

function nameOf(p: Procedure): string {
  const raw = conceptText(p.code);
  return raw ? withoutSemanticTag(raw) || raw : 'Unnamed procedure';
}

function keyOf(p: Procedure, name: string): string {
  const code = codesOf(p.code, [SNOMED_CT])[0];
  return code ? `code:${code}` : `name:${name.toLowerCase()}`;
}

/**
 * Procedures performed by `asOf`, the routine ones (documentation, reconciliation, screening
 * questionnaires: see routine-procedures.ts) left out, repeats of one concept merged; most
 * recent first.
 */
export function selectNotableProcedures(chart: Chart, asOf: Date): NotableProcedure[] {
  const until = asOf.getTime();
  const groups = new Map<string, Occurrence[]>();
  for (const p of chart.procedures) {
    const o = PERFORMED.has(p.status) && !isRoutine(p) ? occurrenceOf(p) : undefined;
    if (!o || o.time > until) continue;
    const key = keyOf(p, nameOf(p));
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const notable: NotableProcedure[] = [];
  for (const [key, list] of groups) {
    list.sort((a, b) => b.time - a.time || compareText(a.ref, b.ref));
    const latest = list[0];
    if (!latest) continue;
    const earlier = list.filter((o) => o.date < latest.date);
    const first = earlier[earlier.length - 1];
    const p = latest.procedure;
    notable.push({
      key,
      name: nameOf(p),
      latest,
      ...(first ? { first } : {}),
      reasons: reasonsOf(chart, p.reasonReference, p.reasonCode),
      ongoing: p.status === 'in-progress',
    });
  }
  return notable.sort((a, b) => b.latest.time - a.latest.time || compareText(a.key, b.key));
}

/**
 * "Colonoscopy, 2020-04-01 (for Polyp of colon)" citing the Procedure; a repeated one as
 * "Spirometry: last 2021-03-01, first 2017-03-05", citing both.
 */
function procedureStatement(p: NotableProcedure): Statement {
  const when = p.first ? `: last ${p.latest.date}, first ${p.first.date}` : `, ${p.latest.date}`;
  const reason = p.reasons.length > 0 ? ` (for ${p.reasons.map((r) => r.text).join(', ')})` : '';
  const text = `${p.name}${when}${p.ongoing ? ', in progress' : ''}${reason}`;
  const refs = p.first ? [p.latest.ref, p.first.ref] : [p.latest.ref];
  return { text, evidence: unique([...refs, ...p.reasons.flatMap((r) => (r.conditionRef ? [r.conditionRef] : []))]) };
}

/** Recent notable procedures; "No procedures recorded" only from a list read in full that holds none. */
export function proceduresSection(chart: Chart, procedures: readonly NotableProcedure[]): BriefSection | undefined {
  const statements = procedures.map(procedureStatement);
  if (chart.procedures.length === 0 && isComplete(chart, 'procedures')) {
    statements.push({ text: 'No procedures recorded', evidence: [chart.patientRef] });
  }
  return statements.length > 0 ? { name: 'procedures', title: 'Procedures', statements } : undefined;
}
