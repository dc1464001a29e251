import type { KnowledgeSource } from '../knowledge-source';

/** An RxNorm ingredient (IN) the tables know, with the names text matching may use. */
export interface IngredientRow {
  rxcui: string;
  /** Lower-case RxNorm name, e.g. "warfarin". */
  name: string;
  /** Other names a display may use (INN or older RxNorm names): "paracetamol", "thyroxine". */
  synonyms?: readonly string[];
  source: KnowledgeSource;
}

/** RxNorm product codes (SCD, SBD, packs, value-set members) that contain exactly these ingredients. */
export interface ProductGroupRow {
  /** Ingredient RxCUIs of every product in the row. */
  ingredients: readonly string[];
  products: readonly string[];
  /** Products of the row applied locally (topical, ophthalmic, otic, inhaled, nasal…): no systemic class effects. */
  local?: readonly string[];
  source: KnowledgeSource;
}

/** A brand name (from RxNorm SBD names "[Lasix]") and the ingredients its products contain. */
export interface BrandNameRow {
  /** Lower-case brand name. */
  brand: string;
  ingredients: readonly string[];
  source: KnowledgeSource;
}
