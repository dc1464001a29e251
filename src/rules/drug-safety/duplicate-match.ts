import type { Ingredient } from '../../knowledge/drugs/drug-identity';
import type { DuplicateGroup } from '../../knowledge/drugs/duplicate-groups';
import { DUPLICATE_GROUPS } from '../../knowledge/drugs/duplicate-groups';
import type { Severity } from '../rule';
import { hasClass } from './ingredient-sets';
import type { IdentifiedOrder } from './medication-orders';

// When two orders duplicate each other: the same ingredient (a duplicate order), or two drugs of
// one therapeutic group (two NSAIDs, two statins, an ACE inhibitor with an ARB).

export type Duplication =
  | { kind: 'same-ingredient'; shared: Ingredient[]; severity: Severity }
  | { kind: 'same-group'; group: DuplicateGroup; severity: Severity };

function inGroup(order: IdentifiedOrder, group: DuplicateGroup): boolean {
  return group.classes.some((c) => hasClass(order, c));
}

/**
 * How `x` duplicates `y`, if it does. The same drug written the same way is probably a renewal
 * (info: stop the old order); the same ingredient in another product risks a double dose (warning).
 */
export function duplicationOf(x: IdentifiedOrder, y: IdentifiedOrder): Duplication | undefined {
  const yIds = new Set(y.identity.ingredients.map((i) => i.rxcui));
  const shared = x.identity.ingredients.filter((i) => yIds.has(i.rxcui));
  if (shared.length > 0) {
    const renewal = x.display.toLowerCase() === y.display.toLowerCase();
    return { kind: 'same-ingredient', shared, severity: renewal ? 'info' : 'warning' };
  }
  const group = DUPLICATE_GROUPS.find((g) => inGroup(x, g) && inGroup(y, g));
  return group ? { kind: 'same-group', group, severity: group.severity } : undefined;
}
