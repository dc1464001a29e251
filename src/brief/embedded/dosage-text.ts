import type { Dosage, Timing } from 'fhir/r4';
import { displayUnit } from '../../clinical-codes/ucum-display';
import { conceptText, formatNumber } from './fhir-values';

// Doses come only from dosageInstruction (architecture.md): its text when the EHR wrote one,
// else a rendering of its structured fields, never anything inferred from the drug's name.

const PERIOD_UNITS: Record<string, [string, string]> = {
  s: ['second', 'seconds'],
  min: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  wk: ['week', 'weeks'],
  mo: ['month', 'months'],
  a: ['year', 'years'],
};

const TIMES_DAILY = ['', 'once daily', 'twice daily', 'three times daily', 'four times daily'];

/** "once daily", "every 8 hours", "every 4–6 hours", "3 times every 2 days". */
export function timingText(timing: Timing | undefined): string | undefined {
  const coded = conceptText(timing?.code);
  if (coded) return coded;
  const r = typeof timing === 'object' && timing !== null ? timing.repeat : undefined;
  if (typeof r !== 'object' || r === null || typeof r.period !== 'number' || typeof r.periodUnit !== 'string') return undefined;
  if (r.periodMax !== undefined && typeof r.periodMax !== 'number') return undefined;
  const frequency = typeof r.frequency === 'number' ? r.frequency : 1;
  const [one, many] = PERIOD_UNITS[r.periodUnit] ?? [r.periodUnit, r.periodUnit];
  if (r.periodUnit === 'd' && r.period === 1 && r.periodMax === undefined) {
    return TIMES_DAILY[frequency] ?? `${frequency} times daily`;
  }
  if (r.periodUnit === 'wk' && r.period === 1 && frequency === 1) return 'once weekly';
  const span = r.periodMax !== undefined ? `${r.period}–${r.periodMax} ${many}` : r.period === 1 ? one : `${r.period} ${many}`;
  return frequency === 1 ? `every ${span}` : `${frequency} times every ${span}`;
}

function doseText(d: Dosage): string | undefined {
  const q = d.doseAndRate?.find((x) => typeof x.doseQuantity === 'object' && x.doseQuantity !== null)?.doseQuantity;
  if (typeof q?.value !== 'number' || !Number.isFinite(q.value)) return undefined;
  const unitText: unknown = q.unit ?? q.code;
  const unit = typeof unitText === 'string' ? displayUnit(unitText) : '';
  const n = formatNumber(q.value, 3);
  return unit ? `${n} ${unit}` : `dose ${n}`;
}

function asNeededText(d: Dosage): string | undefined {
  const reason = conceptText(d.asNeededCodeableConcept);
  if (reason) return `as needed for ${reason}`;
  return d.asNeededBoolean === true ? 'as needed' : undefined;
}

/** One dosage instruction in words: its text, else dose, route, timing and as-needed. */
export function dosageText(d: Dosage): string | undefined {
  const text = d.text?.trim();
  if (text) return text;
  const parts = [doseText(d), conceptText(d.route), timingText(d.timing), asNeededText(d)];
  const words = parts.filter((p): p is string => p !== undefined && p !== '');
  return words.length > 0 ? words.join(' ') : undefined;
}

/** All of a request's dosage instructions, in `sequence` order, joined by "; ". */
export function dosageInstructionsText(dosages: readonly Dosage[] | undefined): string | undefined {
  const ordered = [...(dosages ?? [])].map((d, i) => ({ d, i }));
  const sequence = (d: Dosage): number => (typeof d.sequence === 'number' ? d.sequence : 0);
  ordered.sort((a, b) => sequence(a.d) - sequence(b.d) || a.i - b.i);
  const texts = ordered.map(({ d }) => dosageText(d)).filter((t): t is string => t !== undefined);
  return texts.length > 0 ? texts.join('; ') : undefined;
}
