import type { KnowledgeSource } from '../knowledge-source';
import { CALCIUM, CREATININE, DIGOXIN, MAGNESIUM, POTASSIUM, type LabDefinition } from '../labs/lab-definitions';
import { PDDI_DIGOXIN_CYCLOSPORINE } from './pddi-sources';

// The HL7 PDDI-CDS digoxin + cyclosporine logic (DigoxinCyclosporineCDSLogic.cql), as data.
// Cyclosporine inhibits P-glycoprotein, raising digoxin levels. Starting cyclosporine without a
// recent normal digoxin level is the riskiest case; a continuation order with a normal level,
// normal electrolytes and creatinine and no diuretic is informational.

/**
 * A lab the logic checks: the analyte (one row per analyte, lab-definitions.ts), how recent a
 * result must be, and the CQL's normal range in the analyte's unit.
 */
export interface PddiLabCheck {
  lab: LabDefinition;
  withinDays: number;
  /** Exclusive bounds, as the CQL compares them (`value > low and value < high`). */
  low?: number;
  high: number;
}

export interface DigoxinCyclosporineKnowledge {
  digoxin: readonly string[];
  cyclosporine: readonly string[];
  /** Diuretics that make a continuation riskier (PDDI valueset-AAS and valueset-LOOPDIURETIC). */
  diureticClasses: readonly 'loop-diuretic'[];
  diureticIngredients: readonly string[];
  /** "Normal Digoxin Observation": < 0.9 ng/mL within 30 days. */
  digoxinLevel: PddiLabCheck;
  /** Normal electrolytes and creatinine within 365 days (hypokalaemia, hypomagnesaemia and hypercalcaemia potentiate toxicity). */
  electrolytes: readonly PddiLabCheck[];
  renal: PddiLabCheck;
  source: KnowledgeSource;
}

export const DIGOXIN_CYCLOSPORINE: DigoxinCyclosporineKnowledge = {
  digoxin: ['digoxin'],
  cyclosporine: ['cyclosporine'],
  diureticClasses: ['loop-diuretic'],
  diureticIngredients: ['spironolactone', 'eplerenone'],
  // valueset-digoxin-LOINC.
  digoxinLevel: { lab: DIGOXIN, withinDays: 30, high: 0.9 },
  electrolytes: [
    { lab: POTASSIUM, withinDays: 365, low: 3.5, high: 5.0 },
    // The CQL's 0.7-1.1 mmol/L, in the analyte's mg/dL (1 mmol/L = 2.43 mg/dL).
    { lab: MAGNESIUM, withinDays: 365, low: 0.7 * 2.43, high: 1.1 * 2.43 },
    // Total and albumin-corrected calcium (8.5-10.2 mg/dL does not apply to ionized calcium).
    { lab: CALCIUM, withinDays: 365, low: 8.5, high: 10.2 },
  ],
  // valueset-renal-LOINC: serum creatinine (the set's eGFR codes are not on this scale).
  renal: { lab: CREATININE, withinDays: 365, low: 0.6, high: 1.2 },
  source: PDDI_DIGOXIN_CYCLOSPORINE,
};
