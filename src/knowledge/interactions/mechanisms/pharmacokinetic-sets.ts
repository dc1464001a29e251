import type { DrugSet, MonitoringOrder } from './mechanism-row';

// Precipitant sets several pharmacokinetic rows share, as the FDA table grades them (strong:
// raises a sensitive substrate's AUC ≥ 5-fold, or lowers it ≥ 80% for inducers). Rows whose label
// names its own list keep that list instead. Lower-case RxNorm ingredient names.

/** A set of named ingredients, as a row's label lists them. */
export function drugs(label: string, ...ingredients: string[]): DrugSet {
  return { label, ingredients };
}

/**
 * Strong CYP3A4 inhibitors (FDA table), as the simvastatin, colchicine, ticagrelor and triazolam
 * labels list them: azoles, clarithromycin and telithromycin, HIV protease inhibitors and their
 * boosters, HCV protease inhibitors, nefazodone, idelalisib.
 */
export const STRONG_CYP3A4_INHIBITORS: readonly string[] = [
  'clarithromycin', 'telithromycin', 'itraconazole', 'ketoconazole', 'posaconazole', 'voriconazole',
  'ritonavir', 'cobicistat', 'atazanavir', 'darunavir', 'indinavir', 'nelfinavir', 'saquinavir', 'tipranavir',
  'boceprevir', 'telaprevir', 'nefazodone', 'idelalisib',
];

export const STRONG_CYP3A4_INHIBITOR_SET: DrugSet = { label: 'strong CYP3A4 inhibitors', ingredients: STRONG_CYP3A4_INHIBITORS };

/** Strong CYP3A4 inducers (FDA table; phenobarbital and primidone as the labels group them with phenytoin). */
export const STRONG_CYP3A4_INDUCER_SET: DrugSet = {
  label: 'strong CYP3A4 inducers',
  ingredients: ['rifampin', 'carbamazepine', 'phenytoin', 'phenobarbital', 'primidone', 'enzalutamide', 'mitotane'],
};

/** Strong CYP2D6 inhibitors (FDA table). */
export const STRONG_CYP2D6_INHIBITOR_SET: DrugSet = { label: 'strong CYP2D6 inhibitors', ingredients: ['fluoxetine', 'paroxetine', 'bupropion', 'quinidine', 'terbinafine'] };

/** The INR test the warfarin rows offer to order (LOINC 6301-6). */
export const INR_ORDER: MonitoringOrder = { label: 'Order an INR within 3–5 days', loinc: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay' };

/** A complete blood count with differential (LOINC 57021-8), for marrow toxicity. */
export const CBC_ORDER: MonitoringOrder = { label: 'Order a CBC with differential', loinc: '57021-8', display: 'CBC W Auto Differential panel - Blood' };
