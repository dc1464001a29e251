import { ingredientRxcui } from '../../knowledge/drugs/drug-index';
import { classesOfIngredients } from '../../knowledge/drugs/drug-identity';
import type { DrugClass } from '../../knowledge/drugs/drug-identity';
import type { IdentifiedOrder } from './medication-orders';

// Membership tests the drug-safety rules share, over the knowledge tables' ingredient names.

/** The RxCUIs of ingredient names (names the tables do not know are skipped; a table test checks there are none). */
export function rxcuisOf(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.flatMap((n) => ingredientRxcui(n) ?? []));
}

/** The order's ingredient RxCUIs. */
export function ingredientIds(order: IdentifiedOrder): string[] {
  return order.identity.ingredients.map((i) => i.rxcui);
}

/** True when the order contains one of the ingredients. */
export function containsAny(order: IdentifiedOrder, rxcuis: ReadonlySet<string>): boolean {
  return ingredientIds(order).some((r) => rxcuis.has(r));
}

/** The order's ingredients that are in the set. */
export function ingredientsIn(order: IdentifiedOrder, rxcuis: ReadonlySet<string>): string[] {
  return ingredientIds(order).filter((r) => rxcuis.has(r));
}

/** The order's ingredients that belong to the class (whatever the route). */
export function ingredientsOfClass(order: IdentifiedOrder, drugClass: DrugClass): string[] {
  return ingredientIds(order).filter((r) => classesOfIngredients([r]).includes(drugClass));
}

/** Systemic class membership (a local product has no systemic classes). */
export function hasClass(order: IdentifiedOrder, drugClass: DrugClass): boolean {
  return order.identity.classes.includes(drugClass);
}

/** Class membership of the ingredients, whatever the route (allergies, topical NSAIDs). */
export function ingredientsHaveClass(order: IdentifiedOrder, drugClass: DrugClass): boolean {
  return classesOfIngredients(ingredientIds(order)).includes(drugClass);
}
