import type { MedicationRequest } from 'fhir/r4';
import { INGREDIENTS, words } from '../../src/knowledge/drugs/drug-index';

// The sandbox's order box, as the public CDS Hooks sandbox has one: any drug the knowledge tables
// know, found by name (ingredient names and synonyms), drafted as an order coded with its RxNorm
// ingredient code. The dose is left to the clinician ("as directed"): the box tries the rules, not dosing.

export interface DrugMatch {
  rxcui: string;
  name: string;
}

/** Ingredients whose name or synonym starts with the query's words (case-insensitive), shortest names first. */
export function searchDrugs(query: string, limit = 20): DrugMatch[] {
  const q = words(query).join(' ');
  if (q.length < 2) return [];
  const found = new Map<string, DrugMatch>();
  for (const row of INGREDIENTS.values()) {
    const names = [row.name, ...(row.synonyms ?? [])];
    const hit = names.find((n) => words(n).join(' ').startsWith(q) || words(n).some((w) => w.startsWith(q)));
    if (hit !== undefined) found.set(row.rxcui, { rxcui: row.rxcui, name: row.name });
  }
  return [...found.values()].sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name)).slice(0, limit);
}

/** A draft MedicationRequest for an ingredient of the tables, as the order box drafts it. */
export function draftForIngredient(match: DrugMatch, patientId: string, encounterId: string | undefined, authoredOn: string): MedicationRequest {
  const display = match.name.charAt(0).toUpperCase() + match.name.slice(1);
  return {
    resourceType: 'MedicationRequest',
    id: `draft-rx-${match.rxcui}`,
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: match.rxcui, display }], text: display },
    subject: { reference: `Patient/${patientId}` },
    ...(encounterId !== undefined && { encounter: { reference: `Encounter/${encounterId}` } }),
    authoredOn,
    requester: { reference: 'Practitioner/sandbox-clinician' },
    dosageInstruction: [{ text: 'As directed' }],
  };
}
