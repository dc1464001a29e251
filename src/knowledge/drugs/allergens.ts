import type { KnowledgeSource } from '../knowledge-source';
import { BETA_LACTAM_SIDE_CHAIN_GROUPS } from './beta-lactam-side-chains';
import type { CrossSensitivityGroup } from './cross-sensitivity-group';
import { AAAAI_2022 } from './cross-sensitivity-group';
import type { DrugClass } from './drug-class';
import { OPIOID_STRUCTURAL_CLASSES } from './opioid-structural-classes';

// Drug allergens recorded as classes or as drugs whose allergy means more than the drug itself.
// An allergy this table does not name is still matched by ingredient (RxNorm code or name), and
// through the cross-sensitivity groups its ingredients belong to (side chains, opioid classes).

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
  /** Cross-sensitivity groups the recorded name stands for as a whole (a "sulfa" allergy: the sulfonamide antibiotics). */
  groups?: readonly string[];
  crossReactive: readonly CrossReactivity[];
  source: KnowledgeSource;
}

// Cephalosporin cross-reactivity in penicillin allergy is about 2% and side-chain driven: after a
// non-anaphylactic reaction any cephalosporin, and after anaphylaxis one with a dissimilar side
// chain, may be given without testing (AAAAI/ACAAI 2022). A cephalosporin sharing the culprit's
// side chain is matched first, through the side-chain groups.
const AMINOPENICILLIN_TO_CEPHALOSPORIN: CrossReactivity = {
  drugClass: 'cephalosporin',
  severity: 'info',
  note: 'Cross-reactivity with cephalosporins is low (about 2%) when their side chain differs, as here: it may be given without testing, even after anaphylaxis.',
  source: AAAAI_2022,
};

// A "penicillin" label rarely says which penicillin reacted.
const PENICILLIN_TO_CEPHALOSPORIN: CrossReactivity = {
  ...AMINOPENICILLIN_TO_CEPHALOSPORIN,
  note: 'Cross-reactivity with cephalosporins is low (about 2%) when their side chain differs from the culprit penicillin\'s; if that was amoxicillin or ampicillin, cephalexin, cefaclor, cefadroxil and cefprozil share it.',
};

/**
 * Sulfonamide antibiotics share the N4 arylamine and N1 ring that allergic reactions target; the
 * non-antibiotic sulfonamides (furosemide, thiazides, celecoxib, sulfonylureas) lack both and may be
 * given without testing or precautions (AAAAI/ACAAI 2022): they are in no group.
 */
export const SULFONAMIDE_ANTIBIOTICS: CrossSensitivityGroup = {
  id: 'sulfonamide-antibiotics',
  members: ['sulfamethoxazole', 'sulfadiazine', 'sulfisoxazole'],
  strength: 'class',
  label: 'a sulfonamide antibiotic',
  shared: 'Sulfamethoxazole, sulfadiazine and sulfisoxazole are sulfonamide antibiotics, which share the arylamine structure allergic reactions target',
  instead: 'an antibiotic that is not a sulfonamide (non-antibiotic sulfonamides such as furosemide are not cross-reactive)',
  source: { ...AAAAI_2022, label: `${AAAAI_2022.label} (sulfonamide antibiotics)` },
};

/** Every cross-sensitivity group: beta-lactam side chains, opioid structural classes, sulfonamide antibiotics. */
export const CROSS_SENSITIVITY_GROUPS: readonly CrossSensitivityGroup[] = [...BETA_LACTAM_SIDE_CHAIN_GROUPS, ...OPIOID_STRUCTURAL_CLASSES, SULFONAMIDE_ANTIBIOTICS];

export const ALLERGEN_ROWS: readonly AllergenRow[] = [
  {
    id: 'penicillins',
    terms: ['penicillin', 'penicillins', 'pcn'],
    // 91936005 Allergy to penicillin; 764146007 Penicillin (substance); RxNorm 70618 penicillin.
    snomed: ['91936005', '764146007'],
    rxnorm: ['70618'],
    ingredients: [],
    classes: ['penicillin'],
    // The side chain a penicillin label stands for is penicillin G's (the culprit is not named).
    groups: ['r1-benzyl'],
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
    crossReactive: [AMINOPENICILLIN_TO_CEPHALOSPORIN],
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
    // The combination: either ingredient may have been the culprit.
    id: 'sulfamethoxazole-trimethoprim',
    terms: ['co-trimoxazole', 'cotrimoxazole', 'bactrim', 'septra', 'tmp-smx', 'smx-tmp'],
    rxnorm: ['10831'],
    snomed: [],
    ingredients: ['sulfamethoxazole', 'trimethoprim'],
    classes: [],
    crossReactive: [],
    source: AAAAI_2022,
  },
  {
    // "Sulfa" labels mean the sulfonamide antibiotics, not every drug with a sulfonamide group.
    id: 'sulfonamide-antibiotics',
    terms: ['sulfa', 'sulfa drugs', 'sulfonamide', 'sulfonamides', 'sulfonamide antibiotics', 'sulfa antibiotics'],
    // 387406002 Sulfonamide (substance).
    snomed: ['387406002'],
    rxnorm: [],
    ingredients: [],
    classes: [],
    groups: ['sulfonamide-antibiotics'],
    crossReactive: [],
    source: SULFONAMIDE_ANTIBIOTICS.source,
  },
];
