import { draftOrdersBundle, orderSelectContextSchema } from '../hook-request';
import { defineService } from './cds-service';
import { parseDraftOrders } from './draft-orders';
import { prefetchFor } from './prefetch-templates';

// https://cds-hooks.org/hooks/order-select/
export const orderSelectService = defineService(
  {
    hook: 'order-select',
    id: 'order-select',
    title: 'ChartBrief: medication safety (order select)',
    description:
      'Medication safety for the draft orders being selected, checked against the chart. The safety rules are not enabled in this release: it validates the orders and returns no cards.',
    prefetch: prefetchFor(['patient', 'conditions', 'medications', 'allergies', 'labs', 'vitals']),
  },
  orderSelectContextSchema,
  ({ context }) => {
    // Parsed now so malformed drafts are seen; the medication-safety rules read them (rules issue).
    parseDraftOrders(draftOrdersBundle(context));
    return Promise.resolve({ cards: [] });
  },
);
