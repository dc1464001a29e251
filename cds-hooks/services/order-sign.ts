import { orderSignContextSchema } from '../hook-request';
import { defineService } from './cds-service';
import { orderSafety } from './order-safety';
import { ORDER_SAFETY_SECTIONS } from './prefetch-templates';

// https://cds-hooks.org/hooks/order-sign/
export const orderSignService = defineService(
  {
    hook: 'order-sign',
    id: 'order-sign',
    title: 'ChartBrief: medication safety (order sign)',
    description:
      'Medication safety for the draft orders about to be signed: drug interactions, drug allergies, duplicate therapy, renal dosing, pregnancy risk and Beers criteria, checked against the chart, with one-click suggestions. A safe order gets no card.',
  },
  ORDER_SAFETY_SECTIONS,
  orderSignContextSchema,
  ({ context, chart, deadline }, deps) => orderSafety('order-sign', context, chart, deps, deadline),
);
