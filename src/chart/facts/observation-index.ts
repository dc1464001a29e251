import type { Observation } from 'fhir/r4';
import type { Chart } from '../chart';
import { LOINC } from '../../clinical-codes/code-systems';
import { codesOf } from '../../brief/embedded/fhir-values';

// The chart's Observations by LOINC code, built in one pass the first time anything asks, so each
// analyte is a lookup of its few results rather than a scan (a chart may hold thousands).

const indexes = new WeakMap<Chart, ReadonlyMap<string, readonly Observation[]>>();

function build(chart: Chart): Map<string, Observation[]> {
  const byCode = new Map<string, Observation[]>();
  for (const o of chart.observations) {
    for (const code of new Set(codesOf(o.code, [LOINC]))) {
      const list = byCode.get(code);
      if (list) list.push(o);
      else byCode.set(code, [o]);
    }
  }
  return byCode;
}

/** Observations carrying a LOINC code of `codes`, each once. */
export function observationsCoded(chart: Chart, codes: readonly string[]): Observation[] {
  let index = indexes.get(chart);
  if (!index) {
    index = build(chart);
    indexes.set(chart, index);
  }
  const found = new Set<Observation>();
  for (const code of codes) for (const o of index.get(code) ?? []) found.add(o);
  return [...found];
}
