import type { Dosage, MedicationRequest } from 'fhir/r4';

// The daily dose an order states in milligrams, for fetal-risk rows whose risk depends on the dose
// (fluconazole: 400–800 mg/day). Read only from structured dosage: a dose quantity in mg and a
// timing of `frequency` per `period` hours, days or weeks (once a day when no timing is given).
// Anything else (tablets, ranges, "as directed") is unreadable, and the caller says so.

const UCUM = 'http://unitsofmeasure.org';
const PER_DAY: Readonly<Record<string, number>> = { h: 24, d: 1, wk: 1 / 7 };

function milligrams(dosage: Dosage): number | undefined {
  const q = dosage.doseAndRate?.[0]?.doseQuantity;
  const unit = q?.system === UCUM ? q.code : (q?.code ?? q?.unit);
  return typeof q?.value === 'number' && q.value > 0 && unit?.toLowerCase() === 'mg' ? q.value : undefined;
}

function timesPerDay(dosage: Dosage): number | undefined {
  const repeat = dosage.timing?.repeat;
  if (!repeat) return dosage.timing?.code === undefined ? 1 : undefined;
  const frequency = repeat.frequency ?? 1;
  const period = repeat.period ?? 1;
  const perDay = repeat.periodUnit === undefined ? undefined : PER_DAY[repeat.periodUnit];
  return perDay === undefined || period <= 0 ? undefined : (frequency * perDay) / period;
}

/** Milligrams a day by the order's first dosage instruction, or undefined when not stated in a form read here. */
export function dailyDoseMg(request: MedicationRequest): number | undefined {
  const dosage = request.dosageInstruction?.[0];
  if (!dosage) return undefined;
  const mg = milligrams(dosage);
  const times = timesPerDay(dosage);
  return mg === undefined || times === undefined ? undefined : mg * times;
}
