import type { ResolvedMedication } from '../../chart/chart';

// STUB: the contract is fixed; the implementation is being written (tables from RxNorm and the
// PDDI-CDS value sets). Until then every drug is reported as unknown, never guessed.

/** Drug classes the rules reason about. Membership is data (see the class tables), never inferred from names. */
export type DrugClass =
  | 'nsaid'
  | 'anticoagulant'
  | 'antiplatelet'
  | 'penicillin'
  | 'cephalosporin'
  | 'statin'
  | 'ace-inhibitor'
  | 'arb'
  | 'potassium-sparing-diuretic'
  | 'potassium-supplement'
  | 'ssri'
  | 'maoi'
  | 'opioid'
  | 'benzodiazepine'
  | 'qt-prolonging'
  | 'strong-cyp3a4-inhibitor'
  | 'proton-pump-inhibitor'
  | 'corticosteroid'
  | 'loop-diuretic'
  | 'sulfonylurea'
  | 'biguanide'
  | 'doac'
  | 'low-molecular-weight-heparin'
  | 'gabapentinoid'
  | 'anticholinergic';

export interface Ingredient {
  /** RxNorm ingredient (IN) RxCUI, e.g. warfarin 11289. */
  rxcui: string;
  /** Lower-case generic name, e.g. "warfarin". */
  name: string;
}

export interface DrugIdentity {
  /** False when the tables do not know this drug: rules then say nothing about it (never guess). */
  known: boolean;
  ingredients: Ingredient[];
  classes: DrugClass[];
  /** How it was identified, most reliable first. */
  matchedBy: 'rxnorm' | 'medication-ingredients' | 'text' | 'none';
}

/** Identifies what a (chart or draft) medication order contains. Pure; never throws. */
export function identifyDrug(_medication: ResolvedMedication): DrugIdentity {
  return { known: false, ingredients: [], classes: [], matchedBy: 'none' };
}
