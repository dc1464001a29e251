import type { AllergyIntolerance } from 'fhir/r4';
import { arrayOrEmpty, codesOf } from '../../brief/embedded/fhir-values';
import type { AllergyFact } from '../../chart/facts/allergies';
import { RXNORM, SNOMED_CT } from '../../clinical-codes/code-systems';
import type { AllergenRow, CrossReactivity } from '../../knowledge/drugs/allergens';
import { ALLERGEN_ROWS, CROSS_SENSITIVITY_GROUPS } from '../../knowledge/drugs/allergens';
import type { CrossSensitivityGroup } from '../../knowledge/drugs/cross-sensitivity-group';
import type { DrugClass } from '../../knowledge/drugs/drug-identity';
import { classesOfIngredients, ingredientsOfConcept } from '../../knowledge/drugs/drug-identity';
import type { Severity } from '../rule';
import { SEVERITY_RANK } from '../run-rules';
import type { ReactionHistory } from './allergy-reaction-history';
import { reactionHistory } from './allergy-reaction-history';
import { conceptStrings, mentions } from './concept-terms';
import { ingredientIds, rxcuisOf } from './ingredient-sets';
import type { IdentifiedOrder } from './medication-orders';

// What a recorded allergy covers (ingredients, classes, cross-sensitivity groups, cross-reactive
// classes), what its reaction history says, and whether a drug order falls under it.

interface IndexedGroup {
  group: CrossSensitivityGroup;
  members: ReadonlySet<string>;
}

export interface AllergenProfile {
  ingredients: ReadonlySet<string>;
  classes: ReadonlySet<DrugClass>;
  /** Groups the allergy reaches: those its rows name and those holding one of its ingredients. */
  groups: readonly IndexedGroup[];
  crossReactive: readonly CrossReactivity[];
  /** Allergen table rows used. */
  rows: readonly string[];
  history: ReactionHistory;
}

const INDEXED = ALLERGEN_ROWS.map((row) => ({ row, ingredients: rxcuisOf(row.ingredients) }));
const GROUPS: readonly IndexedGroup[] = CROSS_SENSITIVITY_GROUPS.map((group) => ({ group, members: rxcuisOf(group.members) }));

function rowMatches(row: AllergenRow, allergy: AllergyIntolerance, texts: readonly string[]): boolean {
  const snomed = codesOf(allergy.code, [SNOMED_CT]);
  const rxnorm = codesOf(allergy.code, [RXNORM]);
  return snomed.some((c) => row.snomed.includes(c)) || rxnorm.some((c) => row.rxnorm.includes(c)) || row.terms.some((t) => mentions(texts, t));
}

/** What the allergy covers, from the allergen table and the drug tables; undefined when it names no drug. */
export function allergenProfile(fact: AllergyFact): AllergenProfile | undefined {
  const { allergy } = fact;
  const concepts = [allergy.code, ...arrayOrEmpty(allergy.reaction).map((r) => r.substance)];
  const texts = concepts.flatMap(conceptStrings);
  const rows = INDEXED.filter((r) => rowMatches(r.row, allergy, texts));
  const ingredients = new Set([...concepts.flatMap(ingredientsOfConcept), ...rows.flatMap((r) => [...r.ingredients])]);
  const classes = new Set(rows.flatMap((r) => r.row.classes));
  const named = new Set(rows.flatMap((r) => r.row.groups ?? []));
  const groups = GROUPS.filter((g) => named.has(g.group.id) || [...ingredients].some((i) => g.members.has(i)));
  if (ingredients.size === 0 && classes.size === 0 && groups.length === 0) return undefined;
  const crossReactive = rows.flatMap((r) => r.row.crossReactive);
  return { ingredients, classes, groups, crossReactive, rows: rows.map((r) => r.row.id), history: reactionHistory(fact) };
}

export type AllergyMatch = {
  fact: AllergyFact;
  severity: Severity;
  rows: readonly string[];
  history: ReactionHistory;
} & ({ kind: 'ingredient' | 'class' } | { kind: 'cross-sensitivity'; group: CrossSensitivityGroup } | { kind: 'cross-reactivity'; cross: CrossReactivity });

/** How an allergy to one member reaches another, by the group's strength and the reaction history; none after an intolerance. */
function groupSeverity(group: CrossSensitivityGroup, history: ReactionHistory, unconfirmed: boolean): Severity | undefined {
  if (history.level === 'intolerance') return undefined;
  if (group.strength === 'minor') return 'info';
  if (group.strength === 'class' || history.level === 'severe') return unconfirmed ? 'warning' : 'critical';
  return history.level === 'mild' ? 'info' : 'warning';
}

function crossSensitivity(ids: readonly string[], profile: AllergenProfile, unconfirmed: boolean): { group: CrossSensitivityGroup; severity: Severity } | undefined {
  const found = profile.groups
    .filter((g) => ids.some((id) => g.members.has(id)))
    .flatMap((g) => {
      const severity = groupSeverity(g.group, profile.history, unconfirmed);
      return severity === undefined ? [] : [{ group: g.group, severity }];
    });
  // The strongest group first; the table's order among equals (identical side chains before similar ones).
  return found.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0];
}

/**
 * How a drug order falls under an allergy, if it does: its ingredient or class (critical; a warning
 * when unconfirmed; info after an intolerance), a cross-sensitivity group (by the reaction history),
 * else a cross-reactive class (as the table says, a warning after SJS/TEN; none after an intolerance).
 */
export function matchAllergy(order: IdentifiedOrder, fact: AllergyFact, profile: AllergenProfile): AllergyMatch | undefined {
  const ids = ingredientIds(order);
  const classes = classesOfIngredients(ids);
  const { history, rows } = profile;
  const { unconfirmed } = fact;
  const base = { fact, rows, history };
  const direct: Severity = history.level === 'intolerance' ? 'info' : unconfirmed ? 'warning' : 'critical';
  if (ids.some((id) => profile.ingredients.has(id))) return { ...base, kind: 'ingredient', severity: direct };
  if (classes.some((c) => profile.classes.has(c))) return { ...base, kind: 'class', severity: direct };
  const group = crossSensitivity(ids, profile, unconfirmed);
  if (group) return { ...base, kind: 'cross-sensitivity', ...group };
  const cross = history.level === 'intolerance' ? undefined : profile.crossReactive.find((x) => classes.includes(x.drugClass));
  if (!cross) return undefined;
  return { ...base, kind: 'cross-reactivity', cross, severity: history.severeCutaneous ? 'warning' : cross.severity };
}
