import type { Bundle, FhirResource } from 'fhir/r4';

const ORDER_TYPES = new Set(['MedicationRequest', 'ServiceRequest', 'NutritionOrder', 'VisionPrescription', 'DeviceRequest', 'SupplyRequest', 'CommunicationRequest', 'ImmunizationRecommendation', 'MedicationDispense']);

export interface DraftOrders {
  orders: FhirResource[];
  /** Entries without a usable resource (no resourceType or id): skipped, counted. */
  skipped: number;
}

/** The draft orders of an order-select/order-sign call: entries with a typed resource and an id. */
export function parseDraftOrders(bundle: Bundle<FhirResource>): DraftOrders {
  const orders: FhirResource[] = [];
  let skipped = 0;
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (r && typeof r.resourceType === 'string' && ORDER_TYPES.has(r.resourceType) && typeof r.id === 'string' && r.id !== '') orders.push(r);
    else skipped++;
  }
  return { orders, skipped };
}
