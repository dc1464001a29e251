import type { FhirResource, Medication, MedicationRequest } from 'fhir/r4';
import type { Chart } from './chart';
import type { ResolvedMedication } from './chart';
import { describeMedication } from './describe-medication';

/** A draft MedicationRequest of an order-select/order-sign call, resolved like the chart's. */
export interface DraftMedicationOrder {
  /** `MedicationRequest/<id>`: what a `delete` suggestion names as `resourceId`. */
  ref: string;
  medication: ResolvedMedication;
}

/** The Medication a draft points at: `contained` (Epic: `#med1`) first, then one the chart holds. */
function findMedication(request: MedicationRequest, chart: Chart): { key: string; medication: Medication } | undefined {
  const reference = request.medicationReference?.reference;
  if (reference === undefined) return undefined;
  if (reference.startsWith('#')) {
    const contained = (request.contained ?? []).find((r): r is Medication => r.resourceType === 'Medication' && r.id === reference.slice(1));
    return contained ? { key: `MedicationRequest/${request.id ?? ''}`, medication: contained } : undefined;
  }
  const held = chart.medication(reference);
  return held ? { key: reference, medication: held } : undefined;
}

/** The draft orders that are MedicationRequests, each with what it orders. */
export function draftMedications(orders: readonly FhirResource[], chart: Chart): DraftMedicationOrder[] {
  return orders
    .filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest' && typeof r.id === 'string')
    .map((request) => ({ ref: `MedicationRequest/${request.id ?? ''}`, medication: describeMedication(request, findMedication(request, chart)) }));
}
