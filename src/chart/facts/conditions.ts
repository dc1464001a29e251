import type { Condition } from 'fhir/r4';
import type { Chart } from '../chart';
import { SNOMED_CT } from '../../clinical-codes/code-systems';
import { codesOf } from '../../brief/embedded/fhir-values';
import { isAssertedCondition } from '../../brief/embedded/problems';

/** A chart Condition matched by a knowledge row's SNOMED CT code, named as the row names it. */
export interface CodedCondition {
  condition: Condition;
  display: string;
}

/** Conditions coded with one of the rows' SNOMED CT codes, recorded as true (any clinical status: a history counts). */
export function conditionsCoded(chart: Chart, rows: readonly { code: string; display: string }[]): CodedCondition[] {
  return chart.conditions.flatMap((condition) => {
    const codes = codesOf(condition.code, [SNOMED_CT]);
    const row = isAssertedCondition(condition) ? rows.find((r) => codes.includes(r.code)) : undefined;
    return row ? [{ condition, display: row.display }] : [];
  });
}
