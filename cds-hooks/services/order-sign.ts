import { draftOrdersBundle, orderSignContextSchema } from '../hook-request';
import { defineService } from './cds-service';
import { parseDraftOrders } from './draft-orders';
import { prefetchFor } from './prefetch-templates';

// https://cds-hooks.org/hooks/order-sign/
export const orderSignService = defineService(
  {
    hook: 'order-sign',
    id: 'order-sign',
    title: 'ChartBrief: medication safety (order sign)',
    description:
      'Medication safety for the draft orders about to be signed, checked against the chart. The safety rules are not enabled in this release: it validates the orders and returns no cards.',
    prefetch: prefetchFor(['patient', 'conditions', 'medications', 'allergies', 'labs', 'vitals']),
  },
  orderSignContextSchema,
  ({ context }) => {
    // Parsed now so malformed drafts are seen; the medication-safety rules read them (rules issue).
    parseDraftOrders(draftOrdersBundle(context));
    return Promise.resolve({ cards: [] });
  },
);
