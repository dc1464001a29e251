import type { Procedure } from 'fhir/r4';
import { instantOf, refOf } from '../../brief/embedded/fhir-values';
import { isActiveCondition, isAssertedCondition } from '../../brief/embedded/problems';
import { EXCLUSIONS, type ExclusionId, type ExclusionRow } from '../../knowledge/care-gaps/exclusions';
import { conceptMatches } from './code-match';
import { addMonths } from './dates';
import type { GapContext } from './gap-assessment';

// Whether the chart records something that takes the patient out of a check (exclusions.ts).

export interface FoundExclusion {
  row: ExclusionRow;
  /** The Condition or Procedure that says so. */
  ref: string;
}

// https://hl7.org/fhir/R4/valueset-event-status.html: done, or ongoing (hospice care is a regime).
const PROCEDURE_DONE = new Set(['completed', 'in-progress']);

/** A Procedure that counts: done or ongoing, not after `asOf`, and within the row's window if it has one. */
function procedureCounts(p: Procedure, row: ExclusionRow, ctx: GapContext): boolean {
  if (!PROCEDURE_DONE.has(p.status) || !conceptMatches(p.code, row.codes)) return false;
  const time = instantOf(p.performedDateTime ?? p.performedPeriod?.start);
  if (time === undefined) return p.status === 'in-progress';
  const since = row.procedureWithinMonths === undefined ? -Infinity : addMonths(ctx.asOf.getTime(), -row.procedureWithinMonths);
  return time <= ctx.asOf.getTime() && time >= since;
}

function evidenceFor(row: ExclusionRow, ctx: GapContext): string | undefined {
  const isCounted = row.activeOnly ? isActiveCondition : isAssertedCondition;
  const condition = ctx.chart.conditions.find((c) => isCounted(c) && conceptMatches(c.code, row.codes));
  if (condition) return refOf(condition);
  const procedure = row.asProcedure ? ctx.chart.procedures.find((p) => procedureCounts(p, row, ctx)) : undefined;
  return procedure ? refOf(procedure) : undefined;
}

/** The first of `ids` the chart records, with the resource that says so. */
export function findExclusion(ids: readonly ExclusionId[], ctx: GapContext): FoundExclusion | undefined {
  for (const row of EXCLUSIONS.filter((r) => ids.includes(r.id))) {
    const ref = evidenceFor(row, ctx);
    if (ref !== undefined) return { row, ref };
  }
  return undefined;
}
