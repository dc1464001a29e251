import type { AllergyIntolerance } from 'fhir/r4';
import { arrayOrEmpty, conceptText } from '../../brief/embedded/fhir-values';
import type { AllergyFact } from '../../chart/facts/allergies';
import type { AllergyMatch } from './allergy-match';
import type { ReactionHistory } from './allergy-reaction-history';
import type { IdentifiedOrder } from './medication-orders';
import { capitalized, drugName, shortened } from './medication-orders';

// The words of a drug-allergy card: a summary naming the drug, the allergy and the fact that set
// the severity, and one detail line per matching allergy saying why and what to do instead.

function reactionText(allergy: AllergyIntolerance): string | undefined {
  const texts = arrayOrEmpty(allergy.reaction).flatMap((r) => {
    const names = arrayOrEmpty(r.manifestation).map((m) => conceptText(m) ?? '').filter((t) => t.length > 0);
    return names.length > 0 && r.severity !== undefined ? [`${names.join(', ')} (${r.severity})`] : names;
  });
  return texts.length > 0 ? texts.join(', ') : undefined;
}

const SUMMARY_MAX = 139;

/** A summary quoting the allergy's name, shortened (48 characters at most) so the summary stays under 140. */
function withName(fact: AllergyFact, build: (name: string) => string): string {
  const { name } = fact;
  const text = build(shortened(name, 48));
  const over = text.length - SUMMARY_MAX;
  return over > 0 ? build(shortened(name, 48 - over)) : text;
}

/** The recorded fact that set the severity, for a summary: " (anaphylaxis)", or nothing when none is recorded. */
function factNote(history: ReactionHistory): string {
  return history.level === 'unknown' ? '' : ` (${shortened(history.fact, 30)})`;
}

/** The card summary (< 140 characters) for the most severe match. */
export function summaryOf(order: IdentifiedOrder, m: AllergyMatch): string {
  return withName(m.fact, (name) => summaryText(capitalized(drugName(order)), `"${name}"`, m));
}

function summaryText(drug: string, name: string, m: AllergyMatch): string {
  switch (m.kind) {
    case 'cross-reactivity':
      return `${drug}: ${m.severity === 'info' ? 'low' : 'possible'} cross-reactivity with recorded allergy ${name}.`;
    case 'cross-sensitivity':
      if (m.group.strength === 'class') return `${drug}: ${m.group.label}, like recorded allergy ${name}. Remove the order.`;
      return `${drug}: ${m.group.label} as recorded allergy ${name}${m.severity === 'info' ? '' : factNote(m.history)}.`;
    case 'ingredient':
    case 'class':
      if (m.history.level === 'intolerance') return `${drug}: recorded intolerance ${name}${factNote(m.history)}, not an allergy.`;
      return `${drug}: recorded allergy ${name}${m.severity === 'warning' ? ' (unconfirmed)' : ''}. Remove the order.`;
  }
}

/** What the reaction history says to do about a drug that shares the allergen's structure. */
function structuralAdvice(history: ReactionHistory, instead: string): string {
  if (history.level === 'unknown') return `No reaction is recorded to judge the risk: ask what happened, or use ${instead}.`;
  if (history.level === 'severe') return `After ${history.fact}, avoid it unless an allergist clears it (testing or a graded challenge); use ${instead}.`;
  if (history.level === 'reported') return `The recorded reaction (${history.fact}) was not anaphylaxis: prefer ${instead}; if this drug is needed, give it as a graded challenge.`;
  // Mild (an intolerance never reaches here: it is not allergy).
  return `After ${history.fact} it may be given without testing; alternatives: ${instead}.`;
}

function howItMatches(m: AllergyMatch): string {
  const h = m.history;
  switch (m.kind) {
    case 'ingredient':
    case 'class':
      return h.level === 'intolerance' ? `same ${m.kind}. Recorded as an intolerance (${h.fact}), a side effect rather than an allergy: it may be given if needed.` : `same ${m.kind}`;
    case 'cross-sensitivity':
      if (m.group.strength === 'class') return `same class. ${m.group.shared}: treat it as the same allergy and use ${m.group.instead}.`;
      if (m.group.strength === 'minor') return `${m.group.shared}, so it may be given.`;
      return `${m.group.shared}. ${structuralAdvice(h, m.group.instead)}`;
    case 'cross-reactivity': {
      const raised = m.severity !== m.cross.severity && h.level === 'severe';
      return `cross-reactive class. ${m.cross.note}${raised ? ` After ${h.fact}, a severe cutaneous reaction, related drugs are generally avoided.` : ''}`;
    }
  }
}

/** One detail line: the allergy as recorded (criticality, reaction, citation) and how the order falls under it. */
export function allergyLine(m: AllergyMatch): string {
  const a = m.fact.allergy;
  const reaction = reactionText(a);
  const facts = [a.criticality === undefined ? undefined : `criticality ${a.criticality}`, reaction === undefined ? undefined : `reaction: ${reaction}`];
  return `Allergy "${m.fact.name}" (${[...facts.filter((f) => f !== undefined), m.fact.ref].join('; ')}): ${howItMatches(m)}`;
}
