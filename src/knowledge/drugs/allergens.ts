import type { KnowledgeSource } from '../../rules/rule';
import type { DrugClass } from './drug-class';

// Drug allergens recorded as classes or as drugs whose allergy means more than the drug itself.
// An allergy this table does not name is still matched by ingredient (RxNorm code or name).

const AAAAI_2022: KnowledgeSource = {
  label: 'AAAAI/ACAAI drug allergy practice parameter 2022',
  url: 'https://doi.org/10.1016/j.anai.2022.08.014',
};

/** A class the allergy reaches with less certainty: shown as `severity`, never as a contraindication. */
export interface CrossReactivity {
  drugClass: DrugClass;
  severity: 'info' | 'warning';
  /** One line for the card: why, and how likely. */
  note: string;
  source: KnowledgeSource;
}

export interface AllergenRow {
  id: string;
  /** Lower-case names a recorded allergy may use (word-bounded in its text or coding displays). */
  terms: readonly string[];
  /** SNOMED CT codes (allergy-to-X disorders and X substances) and RxNorm codes of the allergen. */
  snomed: readonly string[];
  rxnorm: readonly string[];
  /** Ingredient names the allergen is (e.g. amoxicillin); empty for a class ("penicillins"). */
  ingredients: readonly string[];
  /** Classes the allergy contraindicates. */
  classes: readonly DrugClass[];
  crossReactive: readonly CrossReactivity[];
  source: KnowledgeSource;
}

// Cephalosporin cross-reactivity in penicillin allergy is about 1-2% (mostly side-chain driven):
// a cephalosporin may be given, with dissimilar side chains preferred (AAAAI/ACAAI 2022).
const PENICILLIN_TO_CEPHALOSPORIN: CrossReactivity = {
  drugClass: 'cephalosporin',
  severity: 'info',
  note: 'Cross-reactivity with cephalosporins is low (about 1-2%); dissimilar side chains are preferred.',
  source: AAAAI_2022,
};

export const ALLERGEN_ROWS: readonly AllergenRow[] = [
  {
    id: 'penicillins',
    terms: ['penicillin', 'penicillins', 'pcn'],
    // 91936005 Allergy to penicillin; 764146007 Penicillin (substance); RxNorm 70618 penicillin.
    snomed: ['91936005', '764146007'],
    rxnorm: ['70618'],
    ingredients: [],
    classes: ['penicillin'],
    crossReactive: [PENICILLIN_TO_CEPHALOSPORIN],
    source: AAAAI_2022,
  },
  {
    // An amoxicillin or ampicillin allergy is managed as a penicillin allergy.
    id: 'aminopenicillins',
    terms: ['amoxicillin', 'ampicillin'],
    // 294505008 Allergy to amoxicillin; 372687004 Amoxicillin (substance); 387170002 Ampicillin (substance).
    snomed: ['294505008', '372687004', '387170002'],
    rxnorm: ['723', '733'],
    ingredients: ['amoxicillin', 'ampicillin'],
    classes: ['penicillin'],
    crossReactive: [PENICILLIN_TO_CEPHALOSPORIN],
    source: AAAAI_2022,
  },
  {
    id: 'cephalosporins',
    terms: ['cephalosporin', 'cephalosporins'],
    snomed: [],
    rxnorm: [],
    ingredients: [],
    classes: ['cephalosporin'],
    crossReactive: [],
    source: AAAAI_2022,
  },
  {
    id: 'nsaids',
    terms: ['nsaid', 'nsaids', 'non-steroidal anti-inflammatory', 'nonsteroidal anti-inflammatory'],
    snomed: [],
    rxnorm: [],
    ingredients: [],
    classes: ['nsaid'],
    crossReactive: [],
    source: AAAAI_2022,
  },
  {
    // Aspirin hypersensitivity (e.g. aspirin-exacerbated respiratory disease) often extends to COX-1 inhibiting NSAIDs.
    id: 'aspirin',
    terms: ['aspirin', 'acetylsalicylic acid'],
    // 293586001 Allergy to aspirin; 387458008 Aspirin (substance); RxNorm 1191 aspirin.
    snomed: ['293586001', '387458008'],
    rxnorm: ['1191'],
    ingredients: ['aspirin'],
    classes: [],
    crossReactive: [{ drugClass: 'nsaid', severity: 'warning', note: 'Aspirin hypersensitivity often extends to other NSAIDs (COX-1 inhibition).', source: AAAAI_2022 }],
    source: AAAAI_2022,
  },
  {
    id: 'sulfamethoxazole-trimethoprim',
    terms: ['sulfamethoxazole', 'co-trimoxazole', 'cotrimoxazole', 'bactrim'],
    snomed: [],
    rxnorm: ['10831', '10180'],
    ingredients: ['sulfamethoxazole', 'trimethoprim'],
    classes: [],
    crossReactive: [],
    source: AAAAI_2022,
  },
];
