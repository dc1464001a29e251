import type { KnowledgeSource } from '../knowledge-source';
import { PDDI_DIGOXIN_CYCLOSPORINE } from './pddi-sources';

// The HL7 PDDI-CDS digoxin + cyclosporine logic (DigoxinCyclosporineCDSLogic.cql), as data.
// Cyclosporine inhibits P-glycoprotein, raising digoxin levels. Starting cyclosporine without a
// recent normal digoxin level is the riskiest case; a continuation order with a normal level,
// normal electrolytes and creatinine and no diuretic is informational.

/** A lab the logic reads: LOINC codes, the window, the normal range in `unit`, and unit conversions into it. */
export interface PddiLab {
  name: string;
  loinc: readonly string[];
  withinDays: number;
  /** Exclusive bounds, as the CQL compares them (`value > low and value < high`). */
  low?: number;
  high: number;
  unit: string;
  /** Factor that converts a value in the keyed UCUM unit into `unit`. */
  convert: Readonly<Record<string, number>>;
}

export interface DigoxinCyclosporineKnowledge {
  digoxin: readonly string[];
  cyclosporine: readonly string[];
  /** Diuretics that make a continuation riskier (PDDI valueset-AAS and valueset-LOOPDIURETIC). */
  diureticClasses: readonly 'loop-diuretic'[];
  diureticIngredients: readonly string[];
  /** "Normal Digoxin Observation": < 0.9 ng/mL within 30 days. */
  digoxinLevel: PddiLab;
  /** Normal electrolytes and creatinine within 365 days (hypokalaemia, hypomagnesaemia and hypercalcaemia potentiate toxicity). */
  electrolytes: readonly PddiLab[];
  renal: PddiLab;
  source: KnowledgeSource;
}

export const DIGOXIN_CYCLOSPORINE: DigoxinCyclosporineKnowledge = {
  digoxin: ['digoxin'],
  cyclosporine: ['cyclosporine'],
  diureticClasses: ['loop-diuretic'],
  diureticIngredients: ['spironolactone', 'eplerenone'],
  // valueset-digoxin-LOINC. 1 ng/mL = 1.28 nmol/L.
  digoxinLevel: { name: 'digoxin', loinc: ['10535-3', '3563-4'], withinDays: 30, high: 0.9, unit: 'ng/mL', convert: { 'ng/mL': 1, 'ug/L': 1, 'nmol/L': 1 / 1.28 } },
  electrolytes: [
    // valueset-potassium-LOINC (molar and mass codes; the unit decides).
    {
      name: 'potassium',
      loinc: ['6298-4', '2823-3', '75940-7', '22760-3', '12812-4', '12813-2', '29349-8', '32713-0', '39789-3', '39790-1', '41656-0', '51618-7'],
      withinDays: 365,
      low: 3.5,
      high: 5.0,
      unit: 'mmol/L',
      convert: { 'mmol/L': 1, 'meq/L': 1, 'mEq/L': 1, 'mg/dL': 1 / 3.91 },
    },
    // valueset-magnesium-LOINC, serum (the red-cell code measures something else). 1 mmol/L = 2.43 mg/dL = 2 mEq/L.
    { name: 'magnesium', loinc: ['19123-9', '2601-3'], withinDays: 365, low: 0.7, high: 1.1, unit: 'mmol/L', convert: { 'mmol/L': 1, 'mg/dL': 1 / 2.43, 'meq/L': 0.5, 'mEq/L': 0.5 } },
    // valueset-calcium-LOINC, total and albumin-corrected (8.5-10.2 mg/dL does not apply to ionized calcium). 1 mmol/L = 4.008 mg/dL.
    { name: 'calcium', loinc: ['17861-6', '29265-6'], withinDays: 365, low: 8.5, high: 10.2, unit: 'mg/dL', convert: { 'mg/dL': 1, 'mmol/L': 4.008 } },
  ],
  // valueset-renal-LOINC, serum creatinine (the eGFR codes of the set are not on this scale). 1 mg/dL = 88.4 umol/L.
  renal: { name: 'creatinine', loinc: ['2160-0'], withinDays: 365, low: 0.6, high: 1.2, unit: 'mg/dL', convert: { 'mg/dL': 1, 'umol/L': 1 / 88.4 } },
  source: PDDI_DIGOXIN_CYCLOSPORINE,
};
