import type { Chart } from '../chart';
import type { LabDefinition } from '../../knowledge/labs/lab-definitions';
import { currentAllergies, type AllergyFact } from './allergies';
import { labSeries, type LabSeries, type LabValue } from './lab-values';
import { activeOrders, type MedicationOrder } from './medication-orders';
import { ageAt, deathDate, isDeceased, sexOf, type Age, type Sex } from './patient';
import { daysBetween } from './time';

// One set of chart facts per chart and clock, shared by every rule and the brief of a request:
// each fact is computed the first time it is asked for, then remembered with the chart.

/** The patient as of asOf. */
export interface PatientFacts {
  /** Undefined without a full birth date (no guessed ages). */
  age?: Age;
  sex?: Sex;
  /** Died on or before asOf. */
  deceased: boolean;
  /** As written, when the chart records one (even after asOf). */
  deathDate?: string;
}

export class ChartFacts {
  private patientFacts: PatientFacts | undefined;
  private active: readonly MedicationOrder[] | undefined;
  private allergies: readonly AllergyFact[] | undefined;
  private readonly series = new Map<LabDefinition, LabSeries>();

  constructor(
    readonly chart: Chart,
    readonly asOf: Date,
  ) {}

  get patient(): PatientFacts {
    if (!this.patientFacts) {
      const p = this.chart.patient;
      const age = ageAt(p, this.asOf);
      const sex = sexOf(p);
      const died = deathDate(p);
      this.patientFacts = { deceased: isDeceased(p, this.asOf), ...(age && { age }), ...(sex && { sex }), ...(died !== undefined && { deathDate: died }) };
    }
    return this.patientFacts;
  }

  /** The chart's active medication orders (known drugs or not). */
  activeOrders(): readonly MedicationOrder[] {
    this.active ??= activeOrders(this.chart);
    return this.active;
  }

  /** Current allergies, "no known allergy" records left out. */
  currentAllergies(): readonly AllergyFact[] {
    this.allergies ??= currentAllergies(this.chart);
    return this.allergies;
  }

  /** Every final result of the analyte up to asOf, newest first (read as far as asked). */
  labSeries(lab: LabDefinition): LabSeries {
    let series = this.series.get(lab);
    if (!series) {
      series = labSeries(this.chart, lab, this.asOf);
      this.series.set(lab, series);
    }
    return series;
  }

  /** The latest final result of the analyte up to asOf. */
  latestLab(lab: LabDefinition): LabValue | undefined {
    return this.labSeries(lab).latest;
  }

  /** The latest final result, if it was taken within `days` before asOf. */
  latestLabWithin(lab: LabDefinition, days: number): LabValue | undefined {
    const latest = this.latestLab(lab);
    return latest && daysBetween(latest.at, this.asOf.getTime()) <= days ? latest : undefined;
  }
}

const remembered = new WeakMap<Chart, Map<number, ChartFacts>>();

/** The facts of `chart` at `asOf`, computed once per chart and clock. */
export function chartFacts(chart: Chart, asOf: Date): ChartFacts {
  let byClock = remembered.get(chart);
  if (!byClock) {
    byClock = new Map();
    remembered.set(chart, byClock);
  }
  let facts = byClock.get(asOf.getTime());
  if (!facts) {
    facts = new ChartFacts(chart, asOf);
    byClock.set(asOf.getTime(), facts);
  }
  return facts;
}

/** The latest final result of an analyte up to asOf (through the chart's remembered facts). */
export function latestLab(chart: Chart, lab: LabDefinition, asOf: Date): LabValue | undefined {
  return chartFacts(chart, asOf).latestLab(lab);
}
