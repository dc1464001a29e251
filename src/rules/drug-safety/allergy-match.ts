import type { AllergyIntolerance, CodeableConcept } from 'fhir/r4';
import { arrayOrEmpty, codesOf, conceptText, statusCode } from '../../brief/embedded/fhir-values';
import { RXNORM, SNOMED_CT } from '../../clinical-codes/code-systems';
import type { AllergenRow, CrossReactivity } from '../../knowledge/drugs/allergens';
import { ALLERGEN_ROWS } from '../../knowledge/drugs/allergens';
import type { DrugClass } from '../../knowledge/drugs/drug-identity';
import { classesOfIngredients, ingredientsOfConcept } from '../../knowledge/drugs/drug-identity';
import { words } from '../../knowledge/drugs/drug-index';
import type { Severity } from '../rule';
import { ingredientIds, rxcuisOf } from './ingredient-sets';
import type { IdentifiedOrder } from './medication-orders';

// What a recorded allergy covers (ingredients, classes, cross-reactive classes) and whether a
// drug order falls under it.

export interface AllergenProfile {
  ingredients: ReadonlySet<string>;
  classes: ReadonlySet<DrugClass>;
  crossReactive: readonly CrossReactivity[];
  /** Allergen table rows used. */
  rows: readonly string[];
}

const INDEXED = ALLERGEN_ROWS.map((row) => ({ row, ingredients: rxcuisOf(row.ingredients) }));

function conceptStrings(concept: CodeableConcept | undefined): string[] {
  return [concept?.text, ...arrayOrEmpty(concept?.coding).map((c) => c.display)].filter((t): t is string => typeof t === 'string');
}

function mentions(texts: readonly string[], term: string): boolean {
  const needle = ` ${words(term).join(' ')} `;
  return texts.some((t) => ` ${words(t).join(' ')} `.includes(needle));
}

function rowMatches(row: AllergenRow, allergy: AllergyIntolerance, texts: readonly string[]): boolean {
  const snomed = codesOf(allergy.code, [SNOMED_CT]);
  const rxnorm = codesOf(allergy.code, [RXNORM]);
  return snomed.some((c) => row.snomed.includes(c)) || rxnorm.some((c) => row.rxnorm.includes(c)) || row.terms.some((t) => mentions(texts, t));
}

/** What the allergy covers, from the allergen table and the drug tables; undefined when it names no drug. */
export function allergenProfile(allergy: AllergyIntolerance): AllergenProfile | undefined {
  const concepts = [allergy.code, ...arrayOrEmpty(allergy.reaction).map((r) => r.substance)];
  const texts = concepts.flatMap(conceptStrings);
  const rows = INDEXED.filter((r) => rowMatches(r.row, allergy, texts));
  const ingredients = new Set([...concepts.flatMap(ingredientsOfConcept), ...rows.flatMap((r) => [...r.ingredients])]);
  const classes = new Set(rows.flatMap((r) => r.row.classes));
  if (ingredients.size === 0 && classes.size === 0) return undefined;
  return { ingredients, classes, crossReactive: rows.flatMap((r) => r.row.crossReactive), rows: rows.map((r) => r.row.id) };
}

export type AllergyMatch = {
  allergy: AllergyIntolerance;
  severity: Severity;
  rows: readonly string[];
} & ({ kind: 'ingredient' | 'class' } | { kind: 'cross-reactivity'; note: string });

/** How a drug order falls under an allergy, if it does. An unconfirmed allergy warns rather than interrupts. */
export function matchAllergy(order: IdentifiedOrder, allergy: AllergyIntolerance, profile: AllergenProfile): AllergyMatch | undefined {
  const ids = ingredientIds(order);
  const classes = classesOfIngredients(ids);
  const unconfirmed = statusCode(allergy.verificationStatus) === 'unconfirmed';
  const contraindicated: Severity = unconfirmed ? 'warning' : 'critical';
  if (ids.some((id) => profile.ingredients.has(id))) return { allergy, kind: 'ingredient', severity: contraindicated, rows: profile.rows };
  if (classes.some((c) => profile.classes.has(c))) return { allergy, kind: 'class', severity: contraindicated, rows: profile.rows };
  const cross = profile.crossReactive.find((x) => classes.includes(x.drugClass));
  return cross ? { allergy, kind: 'cross-reactivity', severity: cross.severity, note: cross.note, rows: profile.rows } : undefined;
}

/** The allergy's name as recorded ("Allergy to penicillin", "Penicillin G"). */
export function allergyName(allergy: AllergyIntolerance): string {
  return conceptText(allergy.code) ?? 'drug allergy';
}
