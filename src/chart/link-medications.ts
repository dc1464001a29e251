import type { Medication, MedicationRequest } from 'fhir/r4';
import type { ResolvedMedication } from './chart';
import type { FoundMedication } from './describe-medication';
import { describeMedication } from './describe-medication';
import type { FullUrlIndex } from './reference';
import { parseReference, resolveReference } from './reference';
import { isChartResource } from './resource-shape';

/**
 * Connects each kept MedicationRequest to the drug it orders. Medication resources have no
 * subject, so a bundled Medication is kept only when a kept MedicationRequest points at it (an
 * unreferenced one could belong to anyone). Medications `contained` in a request (Epic does this)
 * are lifted into the chart under a key of their own, see {@link containedMedicationKey}.
 */

export interface LinkedMedications {
  resolved: ResolvedMedication[];
  /** Medications to hold in the chart: referenced bundled ones and lifted contained ones. */
  medications: Medication[];
  /** Lifted key (`Medication/...`) → the `MedicationRequest/id` that contains it. */
  containedIn: Map<string, string>;
  /** Bundled Medications no kept request referenced: dropped. */
  unreferenced: number;
}

/**
 * The chart key of a Medication `contained` in MedicationRequest `parentId` as `#containedId`:
 * `Medication/<parentId>-<containedId>`. Contained ids are only unique inside their parent, so
 * the parent's id makes the key unique per chart and stable across requests (the same order gives
 * the same key, so caches and citations hold). If a real Medication already has that id, `-contained`
 * is appended until the key is free: a real resource is never shadowed.
 */
export function containedMedicationKey(parentId: string, containedId: string, taken: (key: string) => boolean): string {
  let key = `Medication/${parentId}-${containedId}`;
  while (taken(key)) key = `${key}-contained`;
  return key;
}

/** The contained Medication `#localId` of a request, validated like any resource from outside. */
function findContained(request: MedicationRequest, localId: string): Medication | undefined {
  const contained: readonly unknown[] = request.contained ?? [];
  for (const candidate of contained) {
    if (isChartResource(candidate) && candidate.resourceType === 'Medication' && candidate.id === localId) return candidate;
  }
  return undefined;
}

interface LinkState {
  pool: ReadonlyMap<string, Medication>;
  fullUrls: FullUrlIndex;
  referenced: Set<string>;
  lifted: Map<string, Medication>;
  containedIn: Map<string, string>;
}

function findMedication(request: MedicationRequest, state: LinkState): FoundMedication | undefined {
  const ref = request.medicationReference?.reference;
  if (ref === undefined || request.id === undefined) return undefined;
  const parsed = parseReference(ref);
  if (parsed?.kind === 'contained') {
    const medication = findContained(request, parsed.id);
    if (!medication) return undefined;
    const key = containedMedicationKey(request.id, parsed.id, (k) => state.pool.has(k) || state.lifted.has(k));
    const lifted: Medication = { ...medication, id: key.slice('Medication/'.length) };
    state.lifted.set(key, lifted);
    state.containedIn.set(key, `MedicationRequest/${request.id}`);
    return { key, medication: lifted };
  }
  const key = resolveReference(ref, state.fullUrls);
  const medication = key === undefined ? undefined : state.pool.get(key);
  if (key === undefined || !medication) return undefined;
  state.referenced.add(key);
  return { key, medication };
}

/**
 * Resolves every request's medication. `pool` holds the validated Medications that arrived with
 * the chart (by `Medication/id`); `fullUrls` resolves `urn:uuid` references.
 */
export function linkMedications(
  requests: readonly MedicationRequest[],
  pool: ReadonlyMap<string, Medication>,
  fullUrls: FullUrlIndex,
): LinkedMedications {
  const state: LinkState = { pool, fullUrls, referenced: new Set(), lifted: new Map(), containedIn: new Map() };
  const resolved = requests.map((request) => describeMedication(request, findMedication(request, state)));
  const medications = [...[...state.referenced].flatMap((key) => pool.get(key) ?? []), ...state.lifted.values()];
  return { resolved, medications, containedIn: state.containedIn, unreferenced: pool.size - state.referenced.size };
}
