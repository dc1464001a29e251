import { postJson } from '../support/http';
import { orderRequest } from '../support/hook-requests';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// A safe draft order gets no card: order-select and order-sign answer "no guidance" exactly.

let svc: RunningService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.close());

it.each(['order-select', 'order-sign'] as const)('%s answers {"cards":[]} for a safe draft order', async (hook) => {
  const reply = await postJson(`${svc.baseUrl}/cds-services/${hook}`, orderRequest(hook));
  expect(reply.status).toBe(200);
  expect(reply.text).toBe('{"cards":[]}');
});

it('accepts draft orders whose Bundle has no entries', async () => {
  const request = orderRequest('order-sign');
  (request['context'] as Record<string, unknown>)['draftOrders'] = { resourceType: 'Bundle', type: 'collection' };
  const reply = await postJson(`${svc.baseUrl}/cds-services/order-sign`, request);
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({ cards: [] });
});
