import type { CodeableConcept, Observation, Quantity } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { LOINC } from '../../clinical-codes/code-systems';
import { KEY_LABS, KEY_VITALS, type KeyObservation } from '../../clinical-codes/key-observations';
import { displayUnit } from '../../clinical-codes/ucum-display';
import { arrayOrEmpty, codesOf, compareText, conceptText, formatNumber, instantOf, observationTimeText, quantityNumber, refOf } from '../embedded/fhir-values';
import { isShownResult } from '../../chart/facts/result-status';
import { readingOf, valueWithUnit } from '../embedded/readings';
import type { LineCandidate, LineContext } from './line-context';
import { noteFields, TIER } from './line-context';

// Lines for labs, vital signs and other observations: the latest key results first, then their
// previous reading (for trends), then the latest of every other test, then the rest, newest first.

const ROW_BY_LOINC = new Map<string, KeyObservation>();
for (const row of [...KEY_LABS, ...KEY_VITALS]) for (const code of row.loinc) if (!ROW_BY_LOINC.has(code)) ROW_BY_LOINC.set(code, row);

function keyRowOf(obs: Observation): KeyObservation | undefined {
  return codesOf(obs.code, [LOINC]).map((c) => ROW_BY_LOINC.get(c)).find((r) => r !== undefined);
}

/** What kind of result a line is: lab, vital or the first category code. */
function kindOf(obs: Observation, row: KeyObservation | undefined): string {
  if (row) return row.kind;
  const codes = (obs.category ?? []).flatMap((c) => (c.coding ?? []).map((x) => x.code)).filter((c): c is string => typeof c === 'string');
  if (codes.includes('laboratory')) return 'lab';
  if (codes.includes('vital-signs')) return 'vital';
  return codes[0] ?? 'observation';
}

// https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html
function interpretation(concepts: readonly CodeableConcept[] | undefined): string | undefined {
  for (const c of arrayOrEmpty(concepts)) {
    const code = c.coding?.find((x) => typeof x.code === 'string')?.code;
    if (code && code !== 'N') return code.toUpperCase();
  }
  return undefined;
}

function quantityText(q: Quantity | undefined, decimals: number): string | undefined {
  const n = q ? quantityNumber(q, decimals) : undefined;
  return q && n !== undefined ? valueWithUnit(n, displayUnit(q.unit ?? q.code)) : undefined;
}

/** The value as stated: a key row through the embedded reading (same rounding, unit and flag), else as coded. */
function valueFields(obs: Observation, row: KeyObservation | undefined, ctx: LineContext): string[] {
  const reading = row ? readingOf(obs, row) : undefined;
  if (reading) return [valueWithUnit(reading.value, reading.unit), ...(reading.flag ? [reading.flag] : [])];
  const fields: string[] = [];
  const q = quantityText(obs.valueQuantity, 2);
  if (q) fields.push(q);
  const coded = conceptText(obs.valueCodeableConcept);
  if (coded) fields.push(ctx.quote(coded));
  if (typeof obs.valueString === 'string' && obs.valueString.trim()) fields.push(ctx.quote(obs.valueString, 200));
  if (typeof obs.valueBoolean === 'boolean') fields.push(obs.valueBoolean ? 'yes' : 'no');
  if (typeof obs.valueInteger === 'number') fields.push(formatNumber(obs.valueInteger, 0));
  for (const c of obs.component ?? []) {
    const value = quantityText(c.valueQuantity, 2) ?? (conceptText(c.valueCodeableConcept) !== undefined ? ctx.quote(conceptText(c.valueCodeableConcept) ?? '') : undefined);
    if (value) fields.push(`${ctx.quote(conceptText(c.code) ?? 'component')} ${value}`);
  }
  const flag = interpretation(obs.interpretation);
  return flag ? [...fields, flag] : fields;
}

/**
 * A LOINC long name without its bracketed property and method: "Albumin [Mass/volume] in Serum or
 * Plasma" → "Albumin in Serum or Plasma"; "… by Automated count" → "…".
 */
export function shortTestName(name: string): string {
  const short = name.replace(/\s*\[[^\]]*\]/g, '').replace(/\s+by\s+(?:automated count|test strip|manual count|calculation)$/i, '').trim();
  return short === '' ? name : short;
}

function observationFields(obs: Observation, row: KeyObservation | undefined, ctx: LineContext): string[] {
  const date = ctx.date(observationTimeText(obs));
  const name = row?.label ?? shortTestName(conceptText(obs.code) ?? 'unnamed test');
  const values = valueFields(obs, row, ctx);
  return [
    kindOf(obs, row),
    ...(date ? [date] : ['date unknown']),
    ctx.quote(name),
    ...(values.length > 0 ? values : ['no value']),
    ...(obs.status === 'final' ? [] : [obs.status]),
    ...noteFields(obs.note, ctx),
  ];
}

interface Timed {
  obs: Observation;
  ref: string;
  time: number;
  row: KeyObservation | undefined;
  /** What "the same test" means: the key row, else the first LOINC code, else the name. */
  group: string;
}

function timed(obs: Observation): Timed {
  const row = keyRowOf(obs);
  const group = row ? `row:${row.key}` : (codesOf(obs.code, [LOINC])[0] ?? conceptText(obs.code) ?? refOf(obs));
  return { obs, ref: refOf(obs), time: instantOf(observationTimeText(obs)) ?? 0, row, group };
}

const KEY_ORDER: readonly KeyObservation[] = [...KEY_LABS, ...KEY_VITALS];

/** Abnormal first, then in the key table's order (as the embedded brief lists them). */
function keyRank(t: Timed): number {
  const flagged = t.row && readingOf(t.obs, t.row)?.flag ? 0 : 1;
  return flagged * 1000 + (t.row ? KEY_ORDER.indexOf(t.row) : 999);
}

/** Observation lines with their tiers; entered-in-error and cancelled results are never sent. */
export function observationLines(chart: Chart): LineCandidate[] {
  const all = chart.observations.filter((o) => o.id && isShownResult(o.status)).map(timed);
  all.sort((a, b) => b.time - a.time || compareText(a.ref, b.ref));
  const seen = new Map<string, number>();
  const tiered = all.map((t) => {
    const n = seen.get(t.group) ?? 0;
    seen.set(t.group, n + 1);
    const tier = t.row
      ? n === 0 ? TIER.latestKeyResult : n === 1 ? TIER.previousKeyResult : TIER.rest
      : n === 0 ? TIER.latestOtherResult : TIER.rest;
    return { t, tier, rank: t.row && tier !== TIER.rest ? keyRank(t) : 0 };
  });
  // Stable: within a key tier by rank, everything else stays newest first.
  tiered.sort((a, b) => a.rank - b.rank);
  return tiered.map(({ t, tier }): LineCandidate => ({
    ref: t.ref,
    resourceType: 'Observation',
    tier,
    time: t.time,
    fields: (ctx) => observationFields(t.obs, t.row, ctx),
  }));
}
