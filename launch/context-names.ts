import type { FhirResource } from 'fhir/r4';
import { getFhirJson } from '../src/chart/fhir-http';
import { onServer, parseFhirBase } from '../src/chart/fhir-url';
import { encounterLabel, humanName } from './resource-labels';

/**
 * The names the footer shows for the launch context: the signed-in user (`fhirUser`: a
 * Practitioner, PractitionerRole, Patient or RelatedPerson) and the encounter, each read once from
 * the EHR's FHIR server with the session's token. A resource that cannot be read (not granted, not
 * found, no name in it) leaves its name out, and the page shows the id instead.
 */

export interface ContextNames {
  user?: string;
  encounter?: string;
}

/** Reads one `Type/id` from the EHR's FHIR server; undefined when it cannot. */
export type ResourceReader = (ref: string) => Promise<FhirResource | undefined>;

const TIMEOUT_MS = 4000;
const MAX_BYTES = 1024 * 1024;
const REF = /^([A-Z][A-Za-z]{1,40})\/([A-Za-z0-9\-.]{1,64})$/;

/** A reader for `fhirServer` with `accessToken` (sent there only, as for the chart). */
export function fhirResourceReader(fhirServer: string, accessToken: string): ResourceReader {
  const base = parseFhirBase(fhirServer);
  return async (ref) => {
    const m = REF.exec(ref);
    if (base === undefined || m === null) return undefined;
    const [, type, id] = m as unknown as [string, string, string];
    const answer = await getFhirJson(onServer(base, `${type}/${encodeURIComponent(id)}`), { accessToken, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES });
    if (!answer.ok) return undefined;
    const resource = answer.value as FhirResource;
    return resource.resourceType === type && resource.id === id ? resource : undefined;
  };
}

/** A person's name; a PractitionerRole by its practitioner's name (read when the role does not carry it). */
async function userName(ref: string, read: ResourceReader): Promise<string | undefined> {
  const resource = await read(ref);
  if (resource === undefined) return undefined;
  if (resource.resourceType === 'Practitioner' || resource.resourceType === 'Patient' || resource.resourceType === 'RelatedPerson' || resource.resourceType === 'Person') {
    return humanName(resource.name);
  }
  if (resource.resourceType !== 'PractitionerRole') return undefined;
  const practitioner = resource.practitioner;
  const display = practitioner?.display?.trim();
  if (display !== undefined && display !== '') return display;
  const target = practitioner?.reference;
  if (target === undefined || !target.startsWith('Practitioner/')) return undefined;
  const person = await read(target);
  return person?.resourceType === 'Practitioner' ? humanName(person.name) : undefined;
}

async function encounterName(id: string, read: ResourceReader): Promise<string | undefined> {
  const resource = await read(`Encounter/${id}`);
  return resource?.resourceType === 'Encounter' ? encounterLabel(resource) : undefined;
}

/** The user's and the encounter's names, read in parallel; never rejects. */
export async function readContextNames(input: { userRef?: string; encounterId?: string }, read: ResourceReader): Promise<ContextNames> {
  const safe = (p: Promise<string | undefined>): Promise<string | undefined> => p.catch(() => undefined);
  const [user, encounter] = await Promise.all([
    input.userRef === undefined ? undefined : safe(userName(input.userRef, read)),
    input.encounterId === undefined ? undefined : safe(encounterName(input.encounterId, read)),
  ]);
  return { ...(user !== undefined && { user }), ...(encounter !== undefined && { encounter }) };
}
