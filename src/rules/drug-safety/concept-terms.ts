import type { CodeableConcept } from 'fhir/r4';
import { arrayOrEmpty } from '../../brief/embedded/fhir-values';
import { words } from '../../knowledge/drugs/drug-index';

// Reading recorded allergy concepts as words: the texts a concept carries, and whether a term
// appears in them as whole words ("Allergy to penicillin" mentions "penicillin", not "pen").

/** A concept's text and coding displays. */
export function conceptStrings(concept: CodeableConcept | undefined): string[] {
  return [concept?.text, ...arrayOrEmpty(concept?.coding).map((c) => c.display)].filter((t): t is string => typeof t === 'string');
}

/** True when one of the texts contains the term's words, word-bounded and in order. */
export function mentions(texts: readonly string[], term: string): boolean {
  const needle = ` ${words(term).join(' ')} `;
  return texts.some((t) => ` ${words(t).join(' ')} `.includes(needle));
}
