import { createHash } from 'node:crypto';

// Epic-like behaviour the sandbox can switch on, so that the service's handling of it is exercised
// (../shared/docs/ehr-integration.md, "Epic specifics").

/** Switches read on every request: flip them at run time (the sandbox page does). */
export interface FhirQuirks {
  /** MedicationRequests name their drug by `medicationReference` to a Medication resource, never inline. */
  medicationReference: boolean;
  /** `Observation` searches without `code` or `category` are refused with 400. */
  observationNeedsCategoryOrCode: boolean;
}

export const NO_QUIRKS: Readonly<FhirQuirks> = { medicationReference: false, observationNeedsCategoryOrCode: false };
export const EPIC_QUIRKS: Readonly<FhirQuirks> = { medicationReference: true, observationNeedsCategoryOrCode: true };

interface CodeableConcept {
  coding?: { system?: string; code?: string; display?: string }[];
  text?: string;
}

interface MedicationRequestLike {
  resourceType: string;
  id?: string;
  medicationCodeableConcept?: CodeableConcept;
  medicationReference?: { reference?: string; display?: string };
}

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** A stable Medication id for an inline drug concept: `rxnorm-<code>`, else a hash of the concept. */
export function medicationIdFor(concept: CodeableConcept): string {
  const rxnorm = concept.coding?.find((c) => c.system === RXNORM && c.code !== undefined)?.code;
  if (rxnorm !== undefined && /^[A-Za-z0-9.-]{1,60}$/.test(rxnorm)) return `rxnorm-${rxnorm}`;
  return `med-${createHash('sha256').update(JSON.stringify(concept)).digest('hex').slice(0, 16)}`;
}

function isMedicationRequestWithConcept(resource: object): resource is MedicationRequestLike & { medicationCodeableConcept: CodeableConcept } {
  const r = resource as MedicationRequestLike;
  return r.resourceType === 'MedicationRequest' && typeof r.medicationCodeableConcept === 'object' && r.medicationCodeableConcept !== null;
}

/** The Medication resources the `medicationReference` quirk points at: one per distinct inline drug concept. */
export function medicationsForQuirk(resources: readonly object[]): object[] {
  const byId = new Map<string, object>();
  for (const r of resources) {
    if (!isMedicationRequestWithConcept(r)) continue;
    const id = medicationIdFor(r.medicationCodeableConcept);
    if (!byId.has(id)) byId.set(id, { resourceType: 'Medication', id, code: r.medicationCodeableConcept });
  }
  return [...byId.values()];
}

/** A resource as the server presents it under `quirks` (stored resources are never changed). */
export function presentResource<T extends object>(resource: T, quirks: FhirQuirks | undefined): T {
  if (!quirks?.medicationReference || !isMedicationRequestWithConcept(resource)) return resource;
  const { medicationCodeableConcept: concept, ...rest } = resource;
  const display = concept.text ?? concept.coding?.find((c) => c.display !== undefined)?.display;
  return { ...rest, medicationReference: { reference: `Medication/${medicationIdFor(concept)}`, ...(display !== undefined && { display }) } } as unknown as T;
}

/** Why a search is refused under `quirks`, or `undefined` when it is answered. */
export function refusedSearch(type: string, params: URLSearchParams, quirks: FhirQuirks | undefined): string | undefined {
  if (quirks?.observationNeedsCategoryOrCode && type === 'Observation' && !params.has('category') && !params.has('code')) {
    return 'Observation searches require a code or category parameter';
  }
  return undefined;
}
