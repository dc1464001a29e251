import type { CodeableConcept } from 'fhir/r4';
import { arrayOrEmpty } from '../../brief/embedded/fhir-values';
import { CODE_SET_SYSTEMS, type CodeSet, ICD10_SYSTEMS } from '../../knowledge/care-gaps/code-sets';

// Whether a chart concept names one of a table's codes, in any of the systems the table lists.

const LISTS = Object.keys(CODE_SET_SYSTEMS) as (keyof typeof CODE_SET_SYSTEMS)[];

/** ICD-10 codes compare without dots and case: "e11.9" is "E119". */
function bareIcd10(code: string): string {
  return code.replaceAll('.', '').toUpperCase();
}

/** A table's codes as matched: exact codes by system, and bare ICD-10 prefixes. */
interface SetLookup {
  bySystem: Map<string, Set<string>>;
  icd10: readonly string[];
}

// Tables are constants, matched against every condition and procedure: each is looked up once.
const lookups = new WeakMap<CodeSet, SetLookup>();

function lookupOf(set: CodeSet): SetLookup {
  let lookup = lookups.get(set);
  if (!lookup) {
    const bySystem = new Map<string, Set<string>>();
    for (const list of LISTS) {
      for (const system of CODE_SET_SYSTEMS[list]) {
        const codes = bySystem.get(system) ?? new Set<string>();
        for (const code of set[list] ?? []) codes.add(code);
        bySystem.set(system, codes);
      }
    }
    lookup = { bySystem, icd10: (set.icd10 ?? []).map(bareIcd10) };
    lookups.set(set, lookup);
  }
  return lookup;
}

/** True when the concept carries a code of the set: exact per system, ICD-10 by prefix. */
export function conceptMatches(concept: CodeableConcept | undefined, set: CodeSet): boolean {
  const { bySystem, icd10 } = lookupOf(set);
  for (const coding of arrayOrEmpty(concept?.coding)) {
    const system = coding?.system;
    const code = coding?.code;
    if (typeof system !== 'string' || typeof code !== 'string' || code === '') continue;
    if (bySystem.get(system)?.has(code) === true) return true;
    if (icd10.length > 0 && ICD10_SYSTEMS.includes(system)) {
      const bare = bareIcd10(code);
      if (icd10.some((p) => bare.startsWith(p))) return true;
    }
  }
  return false;
}
