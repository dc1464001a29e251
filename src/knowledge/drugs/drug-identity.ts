import type { CodeableConcept, Coding, Medication } from 'fhir/r4';
import type { ResolvedMedication } from '../../chart/chart';
import { RXNORM } from '../../chart/describe-medication';
import type { DrugClass } from './drug-class';
import { CLASSES_OF_INGREDIENT, INGREDIENTS, PRODUCTS } from './drug-index';
import { LOCAL_FORM_PATTERN, SYSTEMIC_IN_LOCAL_FORMS } from './local-forms';
import { ingredientsInText } from './text-match';

// What a medication order contains, from the most reliable evidence available: its RxNorm code,
// the ingredients of its Medication, or the words of its name. Unknown drugs stay unknown.

export type { DrugClass } from './drug-class';

export interface Ingredient {
  /** RxNorm ingredient (IN) RxCUI, e.g. warfarin 11289. */
  rxcui: string;
  /** Lower-case generic name, e.g. "warfarin". */
  name: string;
}

export interface DrugIdentity {
  /** False when the tables do not know this drug: rules then say nothing about it (never guess). */
  known: boolean;
  ingredients: Ingredient[];
  /** Classes of its systemic effects; none for a product applied locally (see `local`). */
  classes: DrugClass[];
  /** How it was identified, most reliable first. */
  matchedBy: 'rxnorm' | 'medication-ingredients' | 'text' | 'none';
  /**
   * True for a product applied locally (topical, ophthalmic, otic, inhaled, nasal): its class
   * effects (NSAID bleeding, systemic corticosteroid) do not apply, so `classes` is empty; allergy
   * checks still see its ingredients (and {@link classesOfIngredients}).
   */
  local?: boolean;
}

const UNKNOWN: DrugIdentity = { known: false, ingredients: [], classes: [], matchedBy: 'none' };

/** Ingredients and local flag read from RxNorm codes: one answer, none, or codes that disagree. */
type CodeReading = { ingredients: string[]; local: boolean } | 'none' | 'conflict';

function readCodes(codings: readonly Coding[]): CodeReading {
  const readings = codings
    .filter((c) => c.system === RXNORM && typeof c.code === 'string')
    .flatMap((c) => {
      const code = c.code ?? '';
      const product = PRODUCTS.get(code);
      if (product) return [{ ingredients: [...product.ingredients], local: product.local }];
      return INGREDIENTS.has(code) ? [{ ingredients: [code], local: false }] : [];
    });
  const [first, ...rest] = readings;
  if (!first) return 'none';
  const key = (r: { ingredients: string[] }): string => [...r.ingredients].sort().join('+');
  return rest.every((r) => key(r) === key(first)) ? { ...first, local: readings.some((r) => r.local) } : 'conflict';
}

/** The Medication a request points at: the one passed in, else its `contained` `#id`. */
function medicationOf(med: ResolvedMedication, resource: Medication | undefined): Medication | undefined {
  if (resource) return resource;
  const reference = med.request.medicationReference?.reference;
  if (reference?.startsWith('#') !== true) return undefined;
  return (med.request.contained ?? []).find((r): r is Medication => r.resourceType === 'Medication' && r.id === reference.slice(1));
}

function conceptTexts(concept: CodeableConcept | undefined): string[] {
  return [concept?.text ?? '', ...(concept?.coding ?? []).map((c) => c.display ?? '')].filter((t) => t.length > 0);
}

/** Ingredients of `Medication.ingredient[]`: each item by RxNorm code, else by its name. */
function readMedicationIngredients(medication: Medication | undefined): string[] {
  const found = new Set<string>();
  for (const item of medication?.ingredient ?? []) {
    const concept = item.itemCodeableConcept;
    const byCode = readCodes(concept?.coding ?? []);
    const names = typeof byCode === 'object' ? byCode.ingredients : [...conceptTexts(concept), item.itemReference?.display ?? ''].flatMap(ingredientsInText);
    for (const rxcui of names) found.add(rxcui);
  }
  return [...found];
}

/** Every name the order carries: its display, coding displays, the Medication's code and form. */
function namesOf(med: ResolvedMedication, medication: Medication | undefined): string[] {
  return [med.display, ...med.codings.map((c) => c.display ?? ''), ...conceptTexts(medication?.code), ...conceptTexts(medication?.form)].filter((t) => t.length > 0);
}

/**
 * The ingredients a concept names that is not an order (an allergy's substance): its RxNorm codes
 * if the tables know them (none when they disagree), else the words of its text and displays.
 */
export function ingredientsOfConcept(concept: CodeableConcept | undefined): string[] {
  const byCode = readCodes(concept?.coding ?? []);
  if (byCode === 'conflict') return [];
  if (byCode !== 'none') return byCode.ingredients;
  return [...new Set(conceptTexts(concept).flatMap(ingredientsInText))];
}

/** The classes the ingredients belong to, in table order, without repeats. */
export function classesOfIngredients(rxcuis: readonly string[]): DrugClass[] {
  return [...new Set(rxcuis.flatMap((rxcui) => CLASSES_OF_INGREDIENT.get(rxcui) ?? []))];
}

function identity(rxcuis: readonly string[], matchedBy: DrugIdentity['matchedBy'], localForm: boolean): DrugIdentity {
  const ingredients = rxcuis.flatMap((rxcui) => {
    const row = INGREDIENTS.get(rxcui);
    return row ? [{ rxcui, name: row.name }] : [];
  });
  if (ingredients.length === 0) return UNKNOWN;
  const local = localForm && !ingredients.every((i) => SYSTEMIC_IN_LOCAL_FORMS.includes(i.name));
  const classes = local ? [] : classesOfIngredients(rxcuis);
  return { known: true, ingredients, classes, matchedBy, ...(local && { local: true }) };
}

/**
 * Identifies what a (chart or draft) medication order contains. Pure; never throws.
 * - RxNorm code (SCD, SBD, pack or ingredient) in the tables → `rxnorm`; when the order's name
 *   names other ingredients than the code (a wrong code or a wrong display), the drug is unknown.
 * - else `Medication.ingredient[]` (of the Medication passed in, or the request's `contained` one)
 *   by RxNorm code or name → `medication-ingredients`;
 * - else the order's names, whole words only → `text`;
 * - else unknown (`known: false`): nothing is guessed.
 * Pass the chart's Medication when the request references one (`chart.medication(medicationRef)`).
 */
export function identifyDrug(medication: ResolvedMedication, resource?: Medication): DrugIdentity {
  const found = medicationOf(medication, resource);
  const names = namesOf(medication, found);
  const fromText = [...new Set(names.flatMap(ingredientsInText))];
  const local = names.some((n) => LOCAL_FORM_PATTERN.test(n));
  const byCode = readCodes(medication.codings);
  if (byCode === 'conflict') return UNKNOWN;
  if (byCode !== 'none') {
    const disagree = fromText.length > 0 && !fromText.some((rxcui) => byCode.ingredients.includes(rxcui));
    return disagree ? UNKNOWN : identity(byCode.ingredients, 'rxnorm', local || byCode.local);
  }
  const fromIngredients = readMedicationIngredients(found);
  if (fromIngredients.length > 0) return identity(fromIngredients, 'medication-ingredients', local);
  return fromText.length > 0 ? identity(fromText, 'text', local) : UNKNOWN;
}
