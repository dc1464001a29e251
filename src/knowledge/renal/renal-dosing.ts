import type { KnowledgeSource } from '../knowledge-source';
import type { Severity } from '../severity';
import type { DrugSelector } from '../../rules/clinical-state/drug-selector';
import type { ValueRange } from '../labs/value-range';
import {
  AHA_HF_2022,
  APIXABAN_LABEL,
  BEERS_2023_KIDNEY,
  DABIGATRAN_LABEL,
  EDOXABAN_LABEL,
  ENOXAPARIN_LABEL,
  FDA_METFORMIN_2016,
  GABAPENTIN_LABEL,
  KDIGO_2012_CKD,
  POTASSIUM_CHLORIDE_LABEL,
  PREGABALIN_LABEL,
  RIVAROXABAN_LABEL,
  SPIRONOLACTONE_LABEL,
} from './renal-sources';

/**
 * Renal dosing: what each label or guideline says a drug needs at a given kidney function. The
 * measure is the one the source uses: eGFR (mL/min/1.73 m²) for metformin, NSAIDs, spironolactone
 * and potassium; Cockcroft–Gault CrCl (mL/min) where the label was written on CrCl (DOACs,
 * enoxaparin, nitrofurantoin, gabapentinoids). Potassium (mmol/L) where the label names it.
 *
 * Severity: a contraindicated new order is `critical`; "avoid" or a dose the label changes is a
 * `warning`; context is `info`. The same band on a drug the patient already takes (patient-view,
 * or a draft renewing it) uses `active`, which is one step milder: the decision was made before.
 */
export type RenalMeasure = 'egfr' | 'crcl' | 'potassium';

export interface RenalBand {
  id: string;
  range: ValueRange;
  /** Severity for a new order; absent: no card for new orders. */
  draft?: Severity;
  /** Severity for a drug already taken; absent: no card. */
  active?: Severity;
  /** For the summary, after the value: "contraindicated below eGFR 30". */
  verdict: string;
  /** The verdict for a drug already taken, when it differs. */
  activeVerdict?: string;
  /** What the source says, one sentence. */
  advice: string;
  /** Offer removing the draft (contraindicated, avoid); a dose change is left to the prescriber. */
  removeDraft: boolean;
  source: KnowledgeSource;
}

export interface ThresholdCheck {
  measure: RenalMeasure;
  /** Most severe first; the first band that holds is used. Never empty. */
  bands: readonly [RenalBand, ...RenalBand[]];
}

/**
 * Apixaban's label dose rule for atrial fibrillation: 2.5 mg twice daily when at least two of
 * age ≥ 80 years, weight ≤ 60 kg, serum creatinine ≥ 1.5 mg/dL hold (Eliquis label §2.2).
 */
export interface DoseCriteriaCheck {
  measure: 'dose-criteria';
  id: string;
  minimumMet: number;
  ageAtLeast: number;
  weightAtMost: number;
  creatinineAtLeast: number;
  draft: Severity;
  active: Severity;
  verdict: string;
  advice: string;
  source: KnowledgeSource;
}

export type RenalCheck = ThresholdCheck | DoseCriteriaCheck;

export interface RenalDosingRow {
  id: string;
  /** How the card names the drug or group: "Metformin", "NSAID". */
  drug: string;
  selector: DrugSelector;
  checks: readonly RenalCheck[];
}

export const RENAL_DOSING: readonly RenalDosingRow[] = [
  {
    id: 'renal/metformin',
    drug: 'Metformin',
    selector: { ingredients: ['metformin'] },
    checks: [
      {
        measure: 'egfr',
        bands: [
          { id: 'renal/metformin-egfr-below-30', range: { below: 30 }, draft: 'critical', active: 'warning', verdict: 'contraindicated below eGFR 30', advice: 'Metformin is contraindicated when eGFR is below 30 mL/min/1.73 m²; stop it if eGFR falls below 30.', removeDraft: true, source: FDA_METFORMIN_2016 },
          { id: 'renal/metformin-egfr-30-45', range: { atLeast: 30, below: 45 }, draft: 'warning', active: 'info', verdict: 'not to be started at eGFR 30–45', activeVerdict: 'reassess benefit and risk below eGFR 45', advice: 'Starting metformin at eGFR 30–45 is not recommended; if eGFR falls below 45 on treatment, assess the benefit and risk of continuing.', removeDraft: true, source: FDA_METFORMIN_2016 },
        ],
      },
    ],
  },
  {
    id: 'renal/nsaid',
    drug: 'NSAID',
    selector: { classes: ['nsaid'] },
    checks: [
      {
        measure: 'egfr',
        bands: [
          { id: 'renal/nsaid-egfr-below-30', range: { below: 30 }, draft: 'warning', active: 'warning', verdict: 'avoid below eGFR 30', advice: 'Avoid NSAIDs when GFR is below 30 mL/min/1.73 m².', removeDraft: true, source: KDIGO_2012_CKD },
          { id: 'renal/nsaid-egfr-30-60', range: { atLeast: 30, below: 60 }, draft: 'info', active: 'info', verdict: 'no prolonged use below eGFR 60', advice: 'Prolonged NSAID therapy is not recommended when GFR is below 60 mL/min/1.73 m².', removeDraft: false, source: KDIGO_2012_CKD },
        ],
      },
    ],
  },
  {
    id: 'renal/apixaban',
    drug: 'Apixaban',
    selector: { ingredients: ['apixaban'] },
    checks: [
      { measure: 'dose-criteria', id: 'renal/apixaban-dose-criteria', minimumMet: 2, ageAtLeast: 80, weightAtMost: 60, creatinineAtLeast: 1.5, draft: 'warning', active: 'info', verdict: 'meets the 2.5 mg dose criteria', advice: 'For atrial fibrillation the dose is 2.5 mg twice daily with at least two of: age ≥ 80 years, weight ≤ 60 kg, serum creatinine ≥ 1.5 mg/dL.', source: APIXABAN_LABEL },
    ],
  },
  {
    id: 'renal/rivaroxaban',
    drug: 'Rivaroxaban',
    selector: { ingredients: ['rivaroxaban'] },
    checks: [
      {
        measure: 'crcl',
        bands: [
          { id: 'renal/rivaroxaban-crcl-below-15', range: { below: 15 }, draft: 'warning', active: 'warning', verdict: 'avoid below CrCl 15', advice: 'Avoid rivaroxaban when CrCl is below 15 mL/min.', removeDraft: true, source: RIVAROXABAN_LABEL },
          { id: 'renal/rivaroxaban-crcl-15-50', range: { atLeast: 15, atMost: 50 }, draft: 'warning', active: 'info', verdict: 'check dose at CrCl 15–50', advice: 'For atrial fibrillation the dose is 15 mg once daily when CrCl is 15–50 mL/min (20 mg above 50).', removeDraft: false, source: RIVAROXABAN_LABEL },
        ],
      },
    ],
  },
  {
    id: 'renal/dabigatran',
    drug: 'Dabigatran',
    selector: { ingredients: ['dabigatran'] },
    checks: [
      {
        measure: 'crcl',
        bands: [
          { id: 'renal/dabigatran-crcl-below-15', range: { below: 15 }, draft: 'warning', active: 'warning', verdict: 'no label dose below CrCl 15', advice: 'The label gives no dose when CrCl is below 15 mL/min or on dialysis.', removeDraft: true, source: DABIGATRAN_LABEL },
          { id: 'renal/dabigatran-crcl-15-30', range: { atLeast: 15, atMost: 30 }, draft: 'warning', active: 'info', verdict: 'check dose at CrCl 15–30', advice: 'For atrial fibrillation the dose is 75 mg twice daily at CrCl 15–30 mL/min; for DVT/PE the label gives no dose at CrCl ≤ 30.', removeDraft: false, source: DABIGATRAN_LABEL },
        ],
      },
    ],
  },
  {
    id: 'renal/edoxaban',
    drug: 'Edoxaban',
    selector: { ingredients: ['edoxaban'] },
    checks: [
      {
        measure: 'crcl',
        bands: [
          { id: 'renal/edoxaban-crcl-below-15', range: { below: 15 }, draft: 'warning', active: 'warning', verdict: 'not recommended below CrCl 15', advice: 'Edoxaban is not recommended when CrCl is below 15 mL/min.', removeDraft: true, source: EDOXABAN_LABEL },
          { id: 'renal/edoxaban-crcl-15-50', range: { atLeast: 15, atMost: 50 }, draft: 'warning', active: 'info', verdict: 'check dose at CrCl 15–50', advice: 'The dose is 30 mg once daily when CrCl is 15–50 mL/min.', removeDraft: false, source: EDOXABAN_LABEL },
          { id: 'renal/edoxaban-crcl-above-95', range: { above: 95 }, draft: 'warning', active: 'info', verdict: 'less effective above CrCl 95 in AF', advice: 'Boxed warning: in atrial fibrillation, do not use when CrCl is above 95 mL/min (more ischaemic strokes than with warfarin).', removeDraft: true, source: EDOXABAN_LABEL },
        ],
      },
    ],
  },
  {
    id: 'renal/enoxaparin',
    drug: 'Enoxaparin',
    selector: { ingredients: ['enoxaparin'] },
    checks: [
      {
        measure: 'crcl',
        bands: [
          { id: 'renal/enoxaparin-crcl-below-30', range: { below: 30 }, draft: 'warning', active: 'info', verdict: 'adjust dose below CrCl 30', advice: 'Adjust the dose when CrCl is below 30 mL/min: 30 mg once daily for prophylaxis, 1 mg/kg once daily for treatment.', removeDraft: false, source: ENOXAPARIN_LABEL },
        ],
      },
    ],
  },
  {
    id: 'renal/nitrofurantoin',
    drug: 'Nitrofurantoin',
    selector: { ingredients: ['nitrofurantoin'] },
    checks: [
      {
        measure: 'crcl',
        bands: [
          { id: 'renal/nitrofurantoin-crcl-below-30', range: { below: 30 }, draft: 'warning', active: 'warning', verdict: 'avoid below CrCl 30', advice: 'Avoid nitrofurantoin when CrCl is below 30 mL/min: pulmonary toxicity, hepatotoxicity and peripheral neuropathy, especially with long-term use.', removeDraft: true, source: BEERS_2023_KIDNEY },
        ],
      },
    ],
  },
  {
    id: 'renal/gabapentin',
    drug: 'Gabapentin',
    selector: { ingredients: ['gabapentin'] },
    checks: [
      {
        measure: 'crcl',
        bands: [
          { id: 'renal/gabapentin-crcl-below-15', range: { below: 15 }, draft: 'warning', active: 'info', verdict: 'reduce dose below CrCl 15', advice: 'Total daily dose 100–300 mg when CrCl is below 15 mL/min.', removeDraft: false, source: GABAPENTIN_LABEL },
          { id: 'renal/gabapentin-crcl-15-29', range: { atLeast: 15, below: 30 }, draft: 'warning', active: 'info', verdict: 'reduce dose at CrCl 15–29', advice: 'Total daily dose 200–700 mg at CrCl 15–29 mL/min.', removeDraft: false, source: GABAPENTIN_LABEL },
          { id: 'renal/gabapentin-crcl-30-59', range: { atLeast: 30, below: 60 }, draft: 'info', active: 'info', verdict: 'reduce dose at CrCl 30–59', advice: 'Total daily dose 400–1400 mg at CrCl 30–59 mL/min.', removeDraft: false, source: GABAPENTIN_LABEL },
        ],
      },
    ],
  },
  {
    id: 'renal/pregabalin',
    drug: 'Pregabalin',
    selector: { ingredients: ['pregabalin'] },
    checks: [
      {
        measure: 'crcl',
        bands: [
          { id: 'renal/pregabalin-crcl-below-15', range: { below: 15 }, draft: 'warning', active: 'info', verdict: 'reduce dose below CrCl 15', advice: 'Total daily dose 25–75 mg when CrCl is below 15 mL/min.', removeDraft: false, source: PREGABALIN_LABEL },
          { id: 'renal/pregabalin-crcl-15-30', range: { atLeast: 15, below: 30 }, draft: 'warning', active: 'info', verdict: 'reduce dose at CrCl 15–30', advice: 'Total daily dose 25–150 mg at CrCl 15–30 mL/min.', removeDraft: false, source: PREGABALIN_LABEL },
          { id: 'renal/pregabalin-crcl-30-60', range: { atLeast: 30, below: 60 }, draft: 'info', active: 'info', verdict: 'reduce dose at CrCl 30–60', advice: 'Total daily dose 75–300 mg at CrCl 30–60 mL/min.', removeDraft: false, source: PREGABALIN_LABEL },
        ],
      },
    ],
  },
  {
    id: 'renal/spironolactone',
    drug: 'Spironolactone',
    selector: { ingredients: ['spironolactone'] },
    checks: [
      {
        measure: 'potassium',
        bands: [
          { id: 'renal/spironolactone-k-5.5', range: { atLeast: 5.5 }, draft: 'critical', active: 'warning', verdict: 'hyperkalaemia (≥ 5.5)', advice: 'Spironolactone is contraindicated in hyperkalaemia; stop a mineralocorticoid antagonist if potassium cannot be kept below 5.5 mEq/L.', removeDraft: true, source: SPIRONOLACTONE_LABEL },
          { id: 'renal/spironolactone-k-5.0', range: { atLeast: 5.0, below: 5.5 }, draft: 'warning', verdict: 'potassium ≥ 5.0: do not start', advice: 'Start a mineralocorticoid antagonist only when potassium is below 5.0 mEq/L.', removeDraft: true, source: AHA_HF_2022 },
        ],
      },
      {
        measure: 'egfr',
        bands: [
          { id: 'renal/spironolactone-egfr-30', range: { atMost: 30 }, draft: 'warning', active: 'info', verdict: 'avoid at eGFR ≤ 30', advice: 'Start a mineralocorticoid antagonist only when eGFR is above 30 mL/min/1.73 m² (hyperkalaemia and worsening renal function).', removeDraft: true, source: AHA_HF_2022 },
        ],
      },
    ],
  },
  {
    id: 'renal/potassium-supplement',
    drug: 'Potassium supplement',
    selector: { classes: ['potassium-supplement'] },
    checks: [
      {
        measure: 'potassium',
        bands: [
          { id: 'renal/potassium-supplement-k-above-5', range: { above: 5.0 }, draft: 'critical', active: 'warning', verdict: 'contraindicated in hyperkalaemia', advice: 'Potassium supplements are contraindicated in hyperkalaemia.', removeDraft: true, source: POTASSIUM_CHLORIDE_LABEL },
        ],
      },
      {
        measure: 'egfr',
        bands: [
          { id: 'renal/potassium-supplement-egfr-below-30', range: { below: 30 }, draft: 'warning', active: 'info', verdict: 'hyperkalaemia risk below eGFR 30', advice: 'Impaired potassium excretion: use with caution and monitor potassium closely.', removeDraft: false, source: POTASSIUM_CHLORIDE_LABEL },
        ],
      },
    ],
  },
];
