import type { DrugIdentity } from '../../knowledge/drugs/drug-identity';

/** The drug classes identifyDrug reports (whichever module defines the union). */
export type DrugClassName = DrugIdentity['classes'][number];

/**
 * Which drugs a knowledge row is about: RxNorm ingredient names (lower case, as identifyDrug
 * reports them) or drug classes, minus exceptions. Matching reads the drug's identity only, so an
 * unknown drug matches nothing (never guessed).
 */
export interface DrugSelector {
  ingredients?: readonly string[];
  classes?: readonly DrugClassName[];
  /** Ingredients the row leaves out (e.g. COX-2-selective celecoxib in a non-selective NSAID row). */
  exceptIngredients?: readonly string[];
}

/** True when a known drug has an ingredient or class the selector names, and none it excludes. */
export function selects(selector: DrugSelector, identity: DrugIdentity): boolean {
  if (!identity.known) return false;
  const names = identity.ingredients.map((i) => i.name.toLowerCase());
  if (names.some((n) => selector.exceptIngredients?.includes(n) === true)) return false;
  const byIngredient = names.some((n) => selector.ingredients?.includes(n) === true);
  return byIngredient || identity.classes.some((c) => selector.classes?.includes(c) === true);
}
