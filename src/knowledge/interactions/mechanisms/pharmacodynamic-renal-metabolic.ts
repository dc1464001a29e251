import type { DrugSet, MechanismRow, MonitoringOrder } from './mechanism-row';
import { CBC_ORDER } from './pharmacokinetic-sets';
import {
  AMILORIDE_LABEL,
  CLOZAPINE_MARROW_LABEL,
  FDA_FLUOROQUINOLONE_2018,
  SPIRONOLACTONE_LABEL,
  SULFONYLUREA_ANTIMICROBIAL_COHORT,
  TMP_SMX_HYPERKALAEMIA,
  TMP_SPIRONOLACTONE_STUDY,
  TRIPLE_WHAMMY_COHORT, LISINOPRIL_POTASSIUM_LABEL } from './pharmacodynamic-sources';

// Pharmacodynamic interactions of the kidney, potassium, glucose and marrow. Hyperkalaemia rows
// start from the label (spironolactone with a RAS inhibitor: monitor → warning; amiloride or
// triamterene with potassium: contraindicated → critical) and turn critical with potassium ≥ 5.0
// or eGFR < 30, the facts that predict life-threatening hyperkalaemia. Methotrexate with
// trimethoprim is the pharmacokinetic rows' (renal clearance).

/** Serum potassium (LOINC 2823-3), as the hyperkalaemia rows offer it. */
const POTASSIUM_ORDER: MonitoringOrder = { label: 'Order potassium within 1 week', loinc: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma' };
/** Serum creatinine (LOINC 2160-0), for kidney injury. */
const CREATININE_ORDER: MonitoringOrder = { label: 'Order creatinine within 1 week', loinc: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma' };

const RAS_INHIBITORS: DrugSet = { label: 'ACE inhibitors, ARBs or sacubitril/valsartan', classes: ['ace-inhibitor', 'arb', 'arni'] };
const ALDOSTERONE_ANTAGONISTS: DrugSet = { label: 'aldosterone antagonists', classes: ['aldosterone-antagonist'] };
const AMILORIDE_TRIAMTERENE: DrugSet = { label: 'amiloride or triamterene', ingredients: ['amiloride', 'triamterene'] };
const POTASSIUM: DrugSet = { label: 'potassium supplements', classes: ['potassium-supplement'] };
const TRIMETHOPRIM: DrugSet = { label: 'trimethoprim', ingredients: ['trimethoprim'] };

const HIGH_POTASSIUM_OR_LOW_EGFR = [
  { when: 'potassium-5-or-more', severity: 'critical' },
  { when: 'egfr-below-30', severity: 'critical' },
] as const;

export const HYPERKALAEMIA_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:hyperkalaemia:aldosterone-antagonist-ras-inhibitor',
    group: 'hyperkalaemia',
    precipitant: ALDOSTERONE_ANTAGONISTS,
    object: RAS_INHIBITORS,
    severity: 'warning',
    raisedBy: HIGH_POTASSIUM_OR_LOW_EGFR,
    effect: 'hyperkalaemia',
    mechanism: 'both lower aldosterone activity and potassium excretion; used together (as in heart failure) they need potassium and creatinine checks',
    management: 'Check potassium and creatinine within 1 week of starting, then regularly. Avoid starting if potassium is above 5.0 or eGFR is below 30.',
    monitoring: POTASSIUM_ORDER,
    source: SPIRONOLACTONE_LABEL,
  },
  {
    id: 'mech:hyperkalaemia:potassium-aldosterone-antagonist',
    group: 'hyperkalaemia',
    precipitant: POTASSIUM,
    object: ALDOSTERONE_ANTAGONISTS,
    severity: 'warning',
    raisedBy: HIGH_POTASSIUM_OR_LOW_EGFR,
    effect: 'hyperkalaemia',
    mechanism: 'the aldosterone antagonist retains potassium while the supplement adds it',
    management: 'Stop the potassium supplement unless potassium is low on the aldosterone antagonist. Check potassium within 1 week.',
    monitoring: POTASSIUM_ORDER,
    source: SPIRONOLACTONE_LABEL,
  },
  {
    // Often intended (a diuretic's potassium loss): information unless the kidneys or the potassium say otherwise.
    id: 'mech:hyperkalaemia:potassium-ras-inhibitor',
    group: 'hyperkalaemia',
    precipitant: POTASSIUM,
    object: RAS_INHIBITORS,
    severity: 'info',
    raisedBy: [{ when: 'egfr-below-60', severity: 'warning' }, ...HIGH_POTASSIUM_OR_LOW_EGFR],
    effect: 'hyperkalaemia',
    mechanism: 'the RAS inhibitor lowers aldosterone and potassium excretion while the supplement adds potassium; the risk rises as kidney function falls',
    management: 'Check potassium within 1 week of starting. Stop the supplement if potassium is 5.0 or more; avoid it with eGFR below 30.',
    monitoring: POTASSIUM_ORDER,
    source: LISINOPRIL_POTASSIUM_LABEL,
  },
  {
    id: 'mech:hyperkalaemia:potassium-amiloride-triamterene',
    group: 'hyperkalaemia',
    precipitant: POTASSIUM,
    object: AMILORIDE_TRIAMTERENE,
    severity: 'critical',
    effect: 'severe hyperkalaemia',
    mechanism: 'amiloride and triamterene block potassium secretion in the collecting duct; their labels contraindicate potassium supplements',
    management: 'Contraindicated; stop one of them. Only severe hypokalaemia under close monitoring justifies both.',
    monitoring: POTASSIUM_ORDER,
    source: AMILORIDE_LABEL,
  },
  {
    id: 'mech:hyperkalaemia:amiloride-triamterene-ras-inhibitor',
    group: 'hyperkalaemia',
    precipitant: AMILORIDE_TRIAMTERENE,
    object: RAS_INHIBITORS,
    severity: 'info',
    raisedBy: [
      { when: 'egfr-below-60', severity: 'warning' },
      ...HIGH_POTASSIUM_OR_LOW_EGFR,
    ],
    effect: 'hyperkalaemia',
    mechanism: 'the potassium-sparing diuretic and the RAS inhibitor both reduce potassium excretion; the risk is low with normal kidney function and rises as it falls',
    management: 'Check potassium and creatinine after starting and periodically. Avoid the pair with kidney impairment; a thiazide alone is an option.',
    monitoring: POTASSIUM_ORDER,
    source: AMILORIDE_LABEL,
  },
  {
    id: 'mech:hyperkalaemia:trimethoprim-aldosterone-antagonist',
    group: 'hyperkalaemia',
    precipitant: TRIMETHOPRIM,
    object: ALDOSTERONE_ANTAGONISTS,
    severity: 'warning',
    raisedBy: HIGH_POTASSIUM_OR_LOW_EGFR,
    effect: 'hyperkalaemia',
    mechanism: 'trimethoprim blocks the collecting-duct sodium channel as amiloride does; in older adults on spironolactone it raised hyperkalaemia admissions 12-fold',
    management: 'Prefer another antibiotic, such as nitrofurantoin or a beta-lactam for a UTI. If trimethoprim is needed, check potassium within 3–5 days.',
    monitoring: POTASSIUM_ORDER,
    source: TMP_SPIRONOLACTONE_STUDY,
  },
  {
    id: 'mech:hyperkalaemia:trimethoprim-ras-inhibitor',
    group: 'hyperkalaemia',
    precipitant: TRIMETHOPRIM,
    object: RAS_INHIBITORS,
    severity: 'info',
    raisedBy: [
      { when: 'age-65-or-more', severity: 'warning' },
      { when: 'egfr-below-60', severity: 'warning' },
      ...HIGH_POTASSIUM_OR_LOW_EGFR,
    ],
    effect: 'hyperkalaemia',
    mechanism: 'trimethoprim blocks the collecting-duct sodium channel, reducing potassium excretion on top of the RAS inhibitor; older adults had 7 times the hyperkalaemia admissions',
    management: 'In older adults or with kidney impairment, prefer another antibiotic. Otherwise check potassium within 3–5 days.',
    monitoring: POTASSIUM_ORDER,
    source: TMP_SMX_HYPERKALAEMIA,
  },
];

export const TRIPLE_WHAMMY_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:triple-whammy:nsaid-ras-inhibitor-diuretic',
    group: 'triple-whammy',
    precipitant: { label: 'NSAIDs', classes: ['nsaid'] },
    object: RAS_INHIBITORS,
    also: { label: 'diuretics', classes: ['loop-diuretic', 'thiazide-diuretic', 'potassium-sparing-diuretic'] },
    severity: 'warning',
    raisedBy: [{ when: 'egfr-below-30', severity: 'critical' }],
    effect: 'acute kidney injury ("triple whammy")',
    mechanism: 'the diuretic lowers volume, the RAS inhibitor dilates the efferent arteriole and the NSAID constricts the afferent one; glomerular filtration falls, most in the first 30 days (rate ratio 1.8)',
    management: 'Avoid the NSAID; prefer acetaminophen or a topical NSAID. If it is needed, use it briefly and check creatinine within 1 week.',
    monitoring: CREATININE_ORDER,
    source: TRIPLE_WHAMMY_COHORT,
  },
];

const GLUCOSE_LOWERING: DrugSet = { label: 'sulfonylureas or insulin', classes: ['sulfonylurea', 'insulin'] };

export const HYPOGLYCAEMIA_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:hypoglycaemia:fluoroquinolone',
    group: 'hypoglycaemia',
    precipitant: { label: 'fluoroquinolones', classes: ['fluoroquinolone'] },
    object: GLUCOSE_LOWERING,
    severity: 'warning',
    effect: 'severe hypoglycaemia',
    mechanism: 'fluoroquinolones stimulate insulin release from beta cells; hypoglycaemic coma has been reported, mostly in older adults on glucose-lowering drugs',
    management: 'Prefer another antibiotic where suitable. Otherwise check blood glucose more often during the course and teach the signs of hypoglycaemia.',
    source: FDA_FLUOROQUINOLONE_2018,
  },
  {
    id: 'mech:hypoglycaemia:sulfonylurea-antimicrobial',
    group: 'hypoglycaemia',
    precipitant: { label: 'clarithromycin or trimethoprim-sulfamethoxazole', ingredients: ['clarithromycin', 'sulfamethoxazole'] },
    object: { label: 'sulfonylureas', classes: ['sulfonylurea'] },
    severity: 'warning',
    effect: 'hypoglycaemia',
    mechanism: 'these antibiotics raise sulfonylurea levels (CYP3A4, CYP2C9 and transporter inhibition); in older adults hypoglycaemia admissions rose 2.6- to 4-fold',
    management: 'Prefer a non-interacting antibiotic, such as amoxicillin, cephalexin or azithromycin. Otherwise consider a lower sulfonylurea dose and check glucose more often.',
    source: SULFONYLUREA_ANTIMICROBIAL_COHORT,
  },
];

export const MARROW_SUPPRESSION_ROWS: readonly MechanismRow[] = [
  {
    id: 'mech:marrow-suppression:clozapine-carbamazepine',
    group: 'marrow-suppression',
    precipitant: { label: 'carbamazepine', ingredients: ['carbamazepine'] },
    object: { label: 'clozapine', ingredients: ['clozapine'] },
    severity: 'warning',
    effect: 'agranulocytosis risk, lower clozapine levels',
    mechanism: 'both can cause severe neutropenia, and carbamazepine induces the CYP1A2 and CYP3A4 that clear clozapine',
    management: 'Avoid the pair. Choose another mood stabiliser or antiepileptic, such as valproate or levetiracetam; if unavoidable, monitor the ANC closely and check clozapine levels.',
    monitoring: CBC_ORDER,
    source: CLOZAPINE_MARROW_LABEL,
  },
];
