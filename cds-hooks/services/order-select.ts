import { orderSelectContextSchema } from '../hook-request';
import { defineService } from './cds-service';
import { orderSafety } from './order-safety';
import { ORDER_SAFETY_SECTIONS } from './prefetch-templates';

// https://cds-hooks.org/hooks/order-select/
export const orderSelectService = defineService(
  {
    hook: 'order-select',
    id: 'order-select',
    title: 'ChartBrief: medication safety (order select)',
    description:
      'Medication safety for the draft orders being selected: drug interactions, drug allergies, duplicate therapy, renal dosing, pregnancy risk and Beers criteria, checked against the chart, with one-click suggestions. A safe order gets no card.',
  },
  ORDER_SAFETY_SECTIONS,
  orderSelectContextSchema,
  ({ context, chart, deadline }, deps) => orderSafety('order-select', context, chart, deps, deadline),
);
