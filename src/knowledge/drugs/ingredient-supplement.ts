import { RXNORM_HAND } from './drug-sources';
import type { IngredientRow, ProductGroupRow } from './drug-table-types';

// Ingredients the 2017 RxNorm snapshot lacks (parenteral, newer or inhaled drugs) that the class,
// interaction and allergy tables need, with RxNorm ingredient (TTY=IN) RxCUIs entered by hand.
// Check against RxNav when the tables are regenerated.
export const HAND_INGREDIENTS: readonly IngredientRow[] = [
  { rxcui: '5224', name: 'heparin', source: RXNORM_HAND },
  { rxcui: '67108', name: 'enoxaparin', source: RXNORM_HAND },
  { rxcui: '67109', name: 'dalteparin', source: RXNORM_HAND },
  { rxcui: '321208', name: 'fondaparinux', source: RXNORM_HAND },
  { rxcui: '15202', name: 'argatroban', source: RXNORM_HAND },
  { rxcui: '60819', name: 'bivalirudin', source: RXNORM_HAND },
  // The snapshot files dabigatran products under the precise ingredient "dabigatran etexilate" (1037042).
  { rxcui: '1546356', name: 'dabigatran', synonyms: ['dabigatran etexilate'], source: RXNORM_HAND },
  { rxcui: '1599538', name: 'edoxaban', source: RXNORM_HAND },
  { rxcui: '7773', name: 'oxacillin', source: RXNORM_HAND },
  { rxcui: '8339', name: 'piperacillin', source: RXNORM_HAND },
  { rxcui: '10591', name: 'ticarcillin', source: RXNORM_HAND },
  { rxcui: '48203', name: 'clavulanate', source: RXNORM_HAND },
  { rxcui: '37617', name: 'tazobactam', source: RXNORM_HAND },
  { rxcui: '2180', name: 'cefazolin', source: RXNORM_HAND },
  { rxcui: '2186', name: 'cefotaxime', source: RXNORM_HAND },
  { rxcui: '2189', name: 'cefoxitin', source: RXNORM_HAND },
  { rxcui: '2191', name: 'ceftazidime', source: RXNORM_HAND },
  { rxcui: '2193', name: 'ceftriaxone', source: RXNORM_HAND },
  { rxcui: '20481', name: 'cefepime', source: RXNORM_HAND },
  { rxcui: '6960', name: 'midazolam', source: RXNORM_HAND },
  { rxcui: '3648', name: 'droperidol', source: RXNORM_HAND },
  { rxcui: '51499', name: 'irinotecan', source: RXNORM_HAND },
  { rxcui: '41126', name: 'fluticasone', source: RXNORM_HAND },
  { rxcui: '36117', name: 'salmeterol', source: RXNORM_HAND },
  { rxcui: '3992', name: 'epinephrine', source: RXNORM_HAND },
];

/**
 * Names displays use besides the RxNorm name: INNs (paracetamol, salbutamol) and names RxNorm has
 * since changed ("thyroxine" is the snapshot's name for levothyroxine, 10582).
 */
export const INGREDIENT_NAME_OVERRIDES: Readonly<Record<string, { name: string; synonyms: readonly string[] }>> = {
  '161': { name: 'acetaminophen', synonyms: ['paracetamol'] },
  '435': { name: 'albuterol', synonyms: ['salbutamol'] },
  '10582': { name: 'levothyroxine', synonyms: ['thyroxine', 'l-thyroxine'] },
  '9384': { name: 'rifampin', synonyms: ['rifampicin'] },
  '6754': { name: 'meperidine', synonyms: ['pethidine'] },
  '257844': { name: 'mefenamate', synonyms: ['mefenamic acid'] },
  '6883': { name: 'methylergonovine', synonyms: ['methylergometrine'] },
  // The snapshot files "Valproic Acid …" and "Divalproex Sodium …" products under valproate (40254),
  // "Isosorbide Mononitrate …" under isosorbide (6057); FDA's CYP table says "St. John's wort".
  '40254': { name: 'valproate', synonyms: ['valproic acid', 'divalproex sodium', 'divalproex'] },
  '6057': { name: 'isosorbide', synonyms: ['isosorbide mononitrate'] },
  '258326': { name: "st. john's wort extract", synonyms: ["st. john's wort"] },
};

/**
 * Product codes the snapshot lacks whose fixture display does not name the drug: RxNorm 316672 is
 * the SCDC "simvastatin 10 MG", which Synthea displays misspelt ("Simvistatin 10 MG").
 */
export const HAND_PRODUCTS: readonly ProductGroupRow[] = [{ ingredients: ['36567'], products: ['316672'], source: RXNORM_HAND }];
