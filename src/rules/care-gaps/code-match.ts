import type { CodeableConcept } from 'fhir/r4';
import { codesOf } from '../../brief/embedded/fhir-values';
import { CODE_SET_SYSTEMS, type CodeSet, ICD10_SYSTEMS } from '../../knowledge/care-gaps/code-sets';

// Whether a chart concept names one of a table's codes, in any of the systems the table lists.

const LISTS = Object.keys(CODE_SET_SYSTEMS) as (keyof typeof CODE_SET_SYSTEMS)[];

/** ICD-10 codes compare without dots and case: "e11.9" is "E119". */
function bareIcd10(code: string): string {
  return code.replaceAll('.', '').toUpperCase();
}

/** True when the concept carries a code of the set: exact per system, ICD-10 by prefix. */
export function conceptMatches(concept: CodeableConcept | undefined, set: CodeSet): boolean {
  for (const list of LISTS) {
    const wanted = set[list];
    if (wanted && codesOf(concept, CODE_SET_SYSTEMS[list]).some((code) => wanted.includes(code))) return true;
  }
  const prefixes = (set.icd10 ?? []).map(bareIcd10);
  return codesOf(concept, ICD10_SYSTEMS).some((code) => prefixes.some((p) => bareIcd10(code).startsWith(p)));
}
