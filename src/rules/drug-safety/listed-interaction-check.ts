import type { InteractionRow } from '../../knowledge/interactions/interaction-row';
import { ONC_HIGH_PRIORITY_ROWS } from '../../knowledge/interactions/onc-high-priority';
import { ONC_NON_INTERRUPTIVE_ROWS } from '../../knowledge/interactions/onc-non-interruptive.generated';
import { SEVERITY_RANK } from '../run-rules';
import type { InteractionAssessment } from './interaction-assessment';
import type { Ingredient } from '../../knowledge/drugs/drug-identity';
import { rxcuisOf } from './ingredient-sets';
import type { IdentifiedOrder } from './medication-orders';
import { capitalized } from './medication-orders';

// The ONC lists: high-priority pairs (Phansalkar 2012: interruptive, critical or warning) and
// non-interruptive pairs (Phansalkar 2013: info only). Products applied locally are left out.

interface IndexedRow {
  row: InteractionRow;
  a: ReadonlySet<string>;
  b: ReadonlySet<string>;
}

const index = (rows: readonly InteractionRow[]): IndexedRow[] => rows.map((row) => ({ row, a: rxcuisOf(row.a), b: rxcuisOf(row.b) }));
const HIGH_PRIORITY = index(ONC_HIGH_PRIORITY_ROWS);
const NON_INTERRUPTIVE = index(ONC_NON_INTERRUPTIVE_ROWS);

interface Match {
  row: InteractionRow;
  /** The interacting ingredients of x and y. */
  x: Ingredient;
  y: Ingredient;
}

function matchIn(rows: readonly IndexedRow[], x: IdentifiedOrder, y: IdentifiedOrder): Match | undefined {
  let best: Match | undefined;
  for (const r of rows) {
    for (const xi of x.identity.ingredients) {
      for (const yi of y.identity.ingredients) {
        const listed = xi.rxcui !== yi.rxcui && ((r.a.has(xi.rxcui) && r.b.has(yi.rxcui)) || (r.b.has(xi.rxcui) && r.a.has(yi.rxcui)));
        if (listed && (!best || SEVERITY_RANK[r.row.severity] < SEVERITY_RANK[best.row.severity])) best = { row: r.row, x: xi, y: yi };
      }
    }
  }
  return best;
}

/**
 * The listed interaction between two orders: the most severe high-priority row, else a
 * non-interruptive row (unless `skipNonInterruptive`: the pair is reported as a duplication).
 */
export function assessListedInteraction(x: IdentifiedOrder, y: IdentifiedOrder, skipNonInterruptive: boolean): InteractionAssessment | undefined {
  if (x.identity.local === true || y.identity.local === true) return undefined;
  const match = matchIn(HIGH_PRIORITY, x, y) ?? (skipNonInterruptive ? undefined : matchIn(NON_INTERRUPTIVE, x, y));
  if (!match) return undefined;
  const { row } = match;
  const action = row.severity === 'info' ? 'No change usually needed.' : 'Consider an alternative.';
  return {
    first: x,
    second: y,
    ingredients: [match.x.rxcui, match.y.rxcui],
    severity: row.severity,
    summary: `${capitalized(match.x.name)} + ${match.y.name}: ${row.effect}. ${action}`,
    lines: [`Listed interaction: ${row.aLabel} + ${row.bLabel}: ${row.effect}.`, `Management: ${row.management}`],
    evidence: [],
    knowledge: [row.id],
    source: row.source,
  };
}
