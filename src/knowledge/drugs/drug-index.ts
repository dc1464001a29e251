import { BRAND_NAMES } from './brand-names.generated';
import type { DrugClass } from './drug-class';
import { CLASS_MEMBERSHIP } from './drug-classes';
import type { IngredientRow } from './drug-table-types';
import { HAND_INGREDIENTS, HAND_PRODUCTS } from './ingredient-supplement';
import { SNAPSHOT_INGREDIENTS } from './rxnorm-ingredients.generated';
import { PRODUCT_GROUPS } from './rxnorm-products.generated';

// Lookup indexes over the drug tables, built once when the module loads.

export interface ProductEntry {
  ingredients: readonly string[];
  local: boolean;
}

/** Ingredient rows by RxCUI (hand-entered rows win over the snapshot). */
export const INGREDIENTS: ReadonlyMap<string, IngredientRow> = new Map(
  [...SNAPSHOT_INGREDIENTS, ...HAND_INGREDIENTS].map((row) => [row.rxcui, row]),
);

/** Product RxCUI → its ingredients and whether it is applied locally. */
export const PRODUCTS: ReadonlyMap<string, ProductEntry> = new Map(
  [...PRODUCT_GROUPS, ...HAND_PRODUCTS].flatMap((row) => {
    const local = new Set(row.local ?? []);
    return row.products.map((code): [string, ProductEntry] => [code, { ingredients: row.ingredients, local: local.has(code) }]);
  }),
);

/** Lower-case words of a text: letters and digits, everything else a boundary. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

// Single words that are salts or elements as well as ingredients: "Losartan Potassium" must not
// read as potassium, "Atorvastatin Calcium" not as calcium. They match only as part of a longer
// name ("potassium chloride").
const SALT_WORDS = new Set(['potassium', 'sodium', 'calcium', 'magnesium', 'strontium', 'lysine']);

/** A name to look for in text: its words, and the ingredients it stands for. */
export interface TextName {
  words: readonly string[];
  ingredients: readonly string[];
}

function textNames(): Map<string, TextName[]> {
  const names: TextName[] = [];
  for (const row of INGREDIENTS.values()) {
    for (const name of [row.name, ...(row.synonyms ?? [])]) names.push({ words: words(name), ingredients: [row.rxcui] });
  }
  for (const row of BRAND_NAMES) names.push({ words: words(row.brand), ingredients: row.ingredients });
  const byFirst = new Map<string, TextName[]>();
  for (const name of names) {
    const first = name.words[0];
    if (first === undefined || (name.words.length === 1 && SALT_WORDS.has(first))) continue;
    byFirst.set(first, [...(byFirst.get(first) ?? []), name]);
  }
  // Longest first, so "penicillin g" wins over a shorter name starting with the same word.
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
}

/** Names (ingredients, synonyms, brands) by their first word. */
export const TEXT_NAMES: ReadonlyMap<string, readonly TextName[]> = textNames();

const BY_NAME: ReadonlyMap<string, string> = new Map([...INGREDIENTS.values()].map((row) => [row.name, row.rxcui]));

function ingredientByName(name: string): string | undefined {
  return BY_NAME.get(name);
}

function classIndex(): Map<string, DrugClass[]> {
  const index = new Map<string, DrugClass[]>();
  for (const row of CLASS_MEMBERSHIP) {
    for (const name of row.ingredients) {
      const rxcui = ingredientByName(name);
      if (rxcui === undefined) continue;
      const classes = index.get(rxcui) ?? [];
      if (!classes.includes(row.drugClass)) classes.push(row.drugClass);
      index.set(rxcui, classes);
    }
  }
  return index;
}

/** Ingredient RxCUI → the classes it belongs to. */
export const CLASSES_OF_INGREDIENT: ReadonlyMap<string, readonly DrugClass[]> = classIndex();

/** The RxCUI of an ingredient named exactly so in the tables (lower case), if any. */
export function ingredientRxcui(name: string): string | undefined {
  return ingredientByName(name);
}
