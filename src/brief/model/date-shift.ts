import { createHmac } from 'node:crypto';

/**
 * Date shifting for the prompt (MODEL_DATE_SHIFT=shift): every date of one patient moves back by
 * the same whole number of days (1–365), derived from a secret and the patient, so intervals and
 * order survive while the calendar dates sent to the model are not the real ones. The brief's text
 * gets the real dates back through the rendering's date map (./chart-prompt.ts).
 */

const DAY_MS = 86_400_000;

/** Days to add (negative: into the past) for this patient; 0 when shifting is off. */
export function dateShiftDays(patientRef: string, secret: Uint8Array | string): number {
  const digest = createHmac('sha256', secret).update(patientRef).digest();
  return -((digest.readUInt32BE(0) % 365) + 1);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A FHIR date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, already cut from a dateTime) moved by `days`,
 * at the same precision: partial dates move their mid-point (a year by its 1 July, a month by its 15th).
 */
export function shiftDate(date: string, days: number): string {
  if (days === 0) return date;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const base = Date.UTC(Number(y), mo === undefined ? 6 : Number(mo) - 1, d === undefined ? (mo === undefined ? 1 : 15) : Number(d));
  const shifted = iso(base + days * DAY_MS);
  return shifted.slice(0, d !== undefined ? 10 : mo !== undefined ? 7 : 4);
}
