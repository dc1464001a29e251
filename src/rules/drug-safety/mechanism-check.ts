import { CLASS_MEMBERSHIP } from '../../knowledge/drugs/drug-classes';
import type { DrugSet, MechanismRow, PatientRiskKey } from '../../knowledge/interactions/mechanisms/mechanism-row';
import { MECHANISM_ROWS } from '../../knowledge/interactions/mechanisms/mechanism-rows';
import { RISK_FACTS, STANDING_CRITICAL_DAYS, STANDING_CRITICAL_FACTS } from '../../knowledge/interactions/mechanisms/risk-facts';
import type { Severity } from '../rule';
import { SEVERITY_RANK } from '../run-rules';
import type { InteractionAssessment, PairContext } from './interaction-assessment';
import { otherOrders } from './interaction-assessment';
import type { RiskReading } from './interaction-risk';
import { rxcuisOf } from './ingredient-sets';
import type { IdentifiedOrder } from './medication-orders';
import { capitalized, orderLine } from './medication-orders';

// Interactions by mechanism (MECHANISM_ROWS): one drug of the pair in the row's precipitant set,
// the other in its object set (and, for three-drug rows, a third among the other medications).
// Severity starts from the row (the label's word: contraindicated, avoid, monitor) and is raised
// by the patient facts the row names; the card says which fact set it, or which were checked.

interface IndexedSet {
  set: DrugSet;
  rxcuis: ReadonlySet<string>;
}

interface IndexedRow {
  row: MechanismRow;
  precipitant: IndexedSet;
  object: IndexedSet;
  also?: IndexedSet;
}

/** The ingredients of a set: its classes' members and its named ingredients, less the exceptions. */
function indexSet(set: DrugSet): IndexedSet {
  const classes = new Set(set.classes ?? []);
  const names = [...CLASS_MEMBERSHIP.filter((m) => classes.has(m.drugClass)).flatMap((m) => m.ingredients), ...(set.ingredients ?? [])];
  const except = rxcuisOf(set.except ?? []);
  return { set, rxcuis: new Set([...rxcuisOf(names)].filter((r) => !except.has(r))) };
}

function indexRows(rows: readonly MechanismRow[]): IndexedRow[] {
  return rows.map((row) => ({ row, precipitant: indexSet(row.precipitant), object: indexSet(row.object), ...(row.also && { also: indexSet(row.also) }) }));
}

let indexed: IndexedRow[] | undefined;
/** Built on first use: the tables are large and not every hook reaches them. */
function rows(): IndexedRow[] {
  indexed ??= indexRows(MECHANISM_ROWS);
  return indexed;
}

/** The order's ingredients in the set; none for a product applied locally (no systemic effect). */
function inSet(order: IdentifiedOrder, set: IndexedSet): string[] {
  if (order.identity.local === true) return [];
  return order.identity.ingredients.filter((i) => set.rxcuis.has(i.rxcui)).map((i) => i.rxcui);
}

interface RowMatch {
  row: IndexedRow;
  precipitant: IdentifiedOrder;
  object: IdentifiedOrder;
  ingredients: [string, string];
  /** The third drug of a three-drug row, and its interacting ingredient. */
  also?: { order: IdentifiedOrder; ingredient: string };
}

function matchRow(r: IndexedRow, p: IdentifiedOrder, o: IdentifiedOrder, ctx: PairContext): RowMatch | undefined {
  const pi = inSet(p, r.precipitant);
  const oi = inSet(o, r.object);
  // Two products of one ingredient are a duplicate (duplicate-therapy), not an interaction.
  const pick = pi.flatMap((a) => oi.filter((b) => b !== a).map((b): [string, string] => [a, b]))[0];
  if (!pick) return undefined;
  if (!r.also) return { row: r, precipitant: p, object: o, ingredients: pick };
  const alsoSet = r.also;
  for (const order of otherOrders(ctx, [p, o])) {
    const ingredient = inSet(order, alsoSet).find((i) => !pick.includes(i));
    if (ingredient !== undefined) return { row: r, precipitant: p, object: o, ingredients: pick, also: { order, ingredient } };
  }
  return undefined;
}

interface Graded {
  match: RowMatch;
  severity: Severity;
  /** The fact that raised the severity, if one did. */
  raisedBy?: RiskReading;
  /** Every fact the row names that the chart answered (for "checked: …"), and those it did not. */
  readings: RiskReading[];
  unanswered: PatientRiskKey[];
}

function grade(match: RowMatch, read: (key: PatientRiskKey) => RiskReading | undefined): Graded | undefined {
  const { row } = match.row;
  if ((row.requires ?? []).some((key) => read(key)?.holds !== true)) return undefined;
  let severity = row.severity;
  let raisedBy: RiskReading | undefined;
  const readings: RiskReading[] = [];
  const unanswered: PatientRiskKey[] = [];
  for (const modifier of row.raisedBy ?? []) {
    const reading = read(modifier.when);
    if (!reading) {
      unanswered.push(modifier.when);
      continue;
    }
    readings.push(reading);
    if (reading.holds && SEVERITY_RANK[modifier.severity] < SEVERITY_RANK[severity]) {
      severity = modifier.severity;
      raisedBy = reading;
    }
  }
  return { match, severity, readings, unanswered, ...(raisedBy && { raisedBy }) };
}

/** Every row that applies to the pair (either way round), most severe first, table order on ties. */
function gradedMatches(x: IdentifiedOrder, y: IdentifiedOrder, ctx: PairContext, read: (key: PatientRiskKey) => RiskReading | undefined): Graded[] {
  const found: Graded[] = [];
  for (const r of rows()) {
    for (const [p, o] of [[x, y], [y, x]] as const) {
      const match = matchRow(r, p, o, ctx);
      if (!match) continue;
      const graded = grade(match, read);
      if (graded) found.push(graded);
      break;
    }
  }
  // Array.prototype.sort is stable: rows of equal severity keep table order.
  return found.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** Every ingredient the tables know by name: the card names the interacting one. */
function nameOf(order: IdentifiedOrder, rxcui: string): string {
  return order.identity.ingredients.filter((i) => i.rxcui === rxcui).map((i) => i.name).join('/');
}

function summaryOf(g: Graded): string {
  const { row } = g.match.row;
  const [a, b] = g.match.ingredients;
  const head = `${capitalized(nameOf(g.match.precipitant, a))} + ${nameOf(g.match.object, b)}: ${row.effect}.`;
  // The first sentence: a full stop followed by a space or the end ("2.5 mg" is not a sentence end).
  const [action] = row.management.split(/(?<=\.)\s/);
  // The row tables' tests keep this under 140 characters for every pair of names they allow.
  return `${head} ${action}`;
}

/** What set the severity, in words: the fact that raised it, other risk factors present, what was checked or is missing. */
function factLines(g: Graded): string[] {
  const raised = g.raisedBy;
  const present = g.readings.filter((r) => r.holds && r !== raised).map((r) => `${RISK_FACTS[r.key].label} (${r.text})`);
  const checked = g.readings.filter((r) => !r.holds).map((r) => r.text);
  const missing = g.unanswered.map((key) => RISK_FACTS[key].label);
  return [
    raised ? `Severity ${g.severity} because of ${RISK_FACTS[raised.key].label}: ${raised.text}.` : `Severity ${g.severity}: as the source grades this combination.`,
    ...(present.length > 0 ? [`Other risk factors present: ${present.join('; ')}.`] : []),
    ...(checked.length > 0 ? [`Checked, not raising it: ${checked.join('; ')}.`] : []),
    ...(missing.length > 0 ? [`Not in the chart (would raise it): ${missing.join('; ')}.`] : []),
  ];
}

/** The mechanism-based assessment of two orders, if a row covers them. */
export function assessMechanism(x: IdentifiedOrder, y: IdentifiedOrder, ctx: PairContext, read: (key: PatientRiskKey) => RiskReading | undefined): InteractionAssessment | undefined {
  const [g, ...also] = gradedMatches(x, y, ctx, read);
  if (!g) return undefined;
  const { row } = g.match.row;
  // One card per pair: a second mechanism (fluoxetine + tramadol: CYP2D6 and serotonergic) is a line of it.
  const otherMechanisms = also.map((o) => `Also (${o.severity}): ${o.match.row.row.effect}. ${o.match.row.row.mechanism}.`);
  // The card is about the draft (the precipitant when both are drafts or both active).
  const [first, second] = g.match.object.draft && !g.match.precipitant.draft ? [g.match.object, g.match.precipitant] : [g.match.precipitant, g.match.object];
  const raised = g.raisedBy;
  // Critical on chart open only when the same analyte crosses its standing threshold within 14 days
  // (a row raised by K ≥ 5.0 becomes critical on patient-view at K ≥ 6.0).
  const standingCritical =
    raised !== undefined &&
    STANDING_CRITICAL_FACTS.some((key) => {
      const reading = read(key);
      return reading?.holds === true && reading.ageDays <= STANDING_CRITICAL_DAYS && reading.fact.code === raised.fact.code;
    });
  return {
    first,
    second,
    // A three-drug row names all three, so the same triple found from two of its pairs is one finding.
    ingredients: g.match.also ? [...g.match.ingredients, g.match.also.ingredient] : g.match.ingredients,
    severity: g.severity,
    summary: summaryOf(g),
    lines: [
      ...(g.match.also ? [`Together with ${orderLine(g.match.also.order)}.`] : []),
      `Why: ${row.mechanism}.`,
      ...factLines(g),
      `What to do: ${row.management}`,
      ...otherMechanisms,
    ],
    evidence: [...(g.match.also ? [g.match.also.order.ref] : []), ...(raised ? raised.evidence : []), ...g.readings.filter((r) => r !== raised).flatMap((r) => r.evidence)],
    knowledge: [row.id, ...also.map((o) => o.match.row.row.id)],
    source: row.source,
    group: row.group,
    standingCritical,
    ...(raised && { severityFact: raised.fact }),
    ...(row.monitoring && { monitoring: row.monitoring }),
  };
}
