import type { DrugClass } from '../drugs/drug-class';
import type { PatientRiskKey } from '../interactions/mechanisms/mechanism-row';
import type { KnowledgeSource } from '../knowledge-source';
import type { LabKey } from './lab-definitions';
import { ADA_2024, ERC_2021_POTASSIUM, HYPONATRAEMIA_2014, KDIGO_2020_POTASSIUM } from './lab-sources';

/**
 * What pushes an analyte further the dangerous way: drugs (by class or RxNorm ingredient name) and
 * patient facts (conditions, kidney function; keys of the interaction risk facts, read the same
 * way, src/rules/drug-safety/interaction-risk.ts). A dangerous result nobody repeated is more urgent when the patient takes such a drug or
 * has such a condition: the lab alert then asks for the repeat as a warning rather than as information.
 */
export interface LabAggravators {
  id: string;
  lab: LabKey;
  /** Which dangerous side: above the band (`high`) or below it (`low`). */
  direction: 'high' | 'low';
  /** For the card: "raise potassium". */
  effect: string;
  drugClasses: readonly DrugClass[];
  ingredients: readonly string[];
  /** Patient facts that aggravate it, and how a summary names them when one holds ("kidney disease"). */
  conditions?: { keys: readonly PatientRiskKey[]; label: string };
  source: KnowledgeSource;
}

export const LAB_AGGRAVATORS: readonly LabAggravators[] = [
  {
    id: 'lab-aggravators/potassium-high',
    lab: 'potassium',
    direction: 'high',
    effect: 'raise potassium',
    // RAAS inhibitors (ACE inhibitors, ARBs, sacubitril/valsartan), mineralocorticoid antagonists and
    // other potassium-sparing diuretics, potassium supplements, trimethoprim (an ENaC blocker); CKD.
    drugClasses: ['ace-inhibitor', 'arb', 'arni', 'aldosterone-antagonist', 'potassium-sparing-diuretic', 'potassium-supplement'],
    ingredients: ['trimethoprim'],
    conditions: { keys: ['ckd', 'egfr-below-60'], label: 'kidney disease' },
    source: KDIGO_2020_POTASSIUM,
  },
  // ERC 2021: loop and thiazide diuretics are the common drug causes of hypokalaemia.
  { id: 'lab-aggravators/potassium-low', lab: 'potassium', direction: 'low', effect: 'lower potassium', drugClasses: ['loop-diuretic', 'thiazide-diuretic'], ingredients: [], source: ERC_2021_POTASSIUM },
  // Spasovski 2014: thiazides and antidepressants (SSRIs) are the common drug causes of hyponatraemia.
  { id: 'lab-aggravators/sodium-low', lab: 'sodium', direction: 'low', effect: 'lower sodium', drugClasses: ['thiazide-diuretic', 'ssri'], ingredients: [], source: HYPONATRAEMIA_2014 },
  // ADA 2024 §6: insulin and insulin secretagogues cause hypoglycaemia; CKD raises its risk.
  {
    id: 'lab-aggravators/glucose-low', lab: 'glucose', direction: 'low', effect: 'lower glucose', drugClasses: ['insulin', 'sulfonylurea'], ingredients: [],
    conditions: { keys: ['ckd', 'egfr-below-60'], label: 'kidney disease' },
    source: ADA_2024,
  },
];
