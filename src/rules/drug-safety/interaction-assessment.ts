import type { MechanismGroup, MonitoringOrder } from '../../knowledge/interactions/mechanisms/mechanism-row';
import type { KnowledgeSource, RuleInput, Severity, SeverityFact } from '../rule';
import type { Alternative } from './draft-suggestions';
import type { IdentifiedOrder, OrderSet } from './medication-orders';

// What an interaction check concludes about two orders, before it becomes a Finding.

export interface PairContext {
  input: RuleInput;
  orders: OrderSet;
}

export interface InteractionAssessment {
  /** The order the card is about (the precipitant, or the draft), then the other. */
  first: IdentifiedOrder;
  second: IdentifiedOrder;
  /** The interacting ingredients' RxCUIs (the finding's topic). */
  ingredients: readonly string[];
  severity: Severity;
  summary: string;
  /** Detail lines (markdown), after the line naming the two orders. */
  lines: string[];
  /** Other resources the assessment rests on (modifiers: conditions, labs, co-medication). */
  evidence: string[];
  knowledge: string[];
  source: KnowledgeSource;
  /** A safer drug the source names in place of `first`. */
  alternative?: Alternative;
  /** The patient fact that set the severity, when one did. */
  severityFact?: SeverityFact;
  /**
   * True when that fact may make a long-standing combination critical on chart open (a recent INR
   * above 4, K ≥ 6.0, QTc ≥ 500 ms): patient-view caps every other interaction at warning.
   */
  standingCritical?: boolean;
  /** A monitoring test the card offers to order (draft ServiceRequest). */
  monitoring?: MonitoringOrder;
  /** The mechanism group of a mechanism-based row (eval and audit). */
  group?: MechanismGroup;
}

/** Every other order of the call (active and draft) besides the pair: co-medication that modifies the risk. */
export function otherOrders(ctx: PairContext, pair: readonly IdentifiedOrder[]): IdentifiedOrder[] {
  const refs = new Set(pair.map((o) => o.ref));
  return [...ctx.orders.active, ...ctx.orders.drafts].filter((o) => !refs.has(o.ref));
}

/** The pair ordered so that `first` satisfies `isFirst` and `second` satisfies `isSecond`, if either way round does. */
export function orient(
  x: IdentifiedOrder,
  y: IdentifiedOrder,
  isFirst: (o: IdentifiedOrder) => boolean,
  isSecond: (o: IdentifiedOrder) => boolean,
): [IdentifiedOrder, IdentifiedOrder] | undefined {
  if (isFirst(x) && isSecond(y)) return [x, y];
  if (isFirst(y) && isSecond(x)) return [y, x];
  return undefined;
}

const LOWER: Record<Severity, Severity> = { critical: 'warning', warning: 'info', info: 'info' };

/** One step less severe (critical → warning → info). */
export function lowered(severity: Severity): Severity {
  return LOWER[severity];
}
