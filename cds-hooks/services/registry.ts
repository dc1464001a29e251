import type { CdsService } from './cds-service';
import { orderSelectService } from './order-select';
import { orderSignService } from './order-sign';
import { patientViewService } from './patient-view';

/** Every CDS service this deployment offers, by id. */
export const CDS_SERVICES: readonly CdsService[] = [patientViewService, orderSelectService, orderSignService];

export function findService(id: string): CdsService | undefined {
  return CDS_SERVICES.find((s) => s.definition.id === id);
}
