import type { Server } from 'node:http';
import { listenMetrics } from '../../server/listen';
import { freePort } from '../support/free-port';
import { postJson, send } from '../support/http';
import { patientViewRequest } from '../support/hook-requests';
import { caseRequest, loadRuleCases } from '../support/rule-cases';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';

// Metrics a platform team alerts on: cards per rule, what clinicians did with them, model calls,
// store errors; and METRICS_PORT, which moves /metrics off the public port.

const warfarinIbuprofen = loadRuleCases().find((c) => c.name === 'drug-safety/synthea-warfarin-ibuprofen');

describe('per-rule metrics', () => {
  let svc: RunningService;
  beforeAll(async () => {
    if (!warfarinIbuprofen) throw new Error('fixture case drug-safety/synthea-warfarin-ibuprofen is missing');
    const asOf = new Date(warfarinIbuprofen.asOf);
    svc = await startService({ now: () => asOf });
  });
  afterAll(() => svc.close());

  it('counts the cards each rule returned, and the cards of the last 30 days by what became of them', async () => {
    if (!warfarinIbuprofen) throw new Error('no case');
    const request = caseRequest(warfarinIbuprofen);
    const reply = await postJson(`${svc.baseUrl}/cds-services/${request.hook}`, { ...request, context: { userId: 'Practitioner/1', ...request.context } });
    expect(reply.status).toBe(200);
    const cards = (reply.body as { cards: Array<{ uuid: string; indicator: string; summary: string }> }).cards;
    const interaction = cards.find((c) => /warfarin/i.test(c.summary) && /ibuprofen/i.test(c.summary));
    expect(interaction).toBeDefined();
    const feedback = await postJson(`${svc.baseUrl}/cds-services/${request.hook}/feedback`, {
      feedback: [{ card: interaction?.uuid, outcome: 'overridden', overrideReason: { reason: { code: 'will-monitor', system: 'http://example.org/override-reasons', display: 'Will monitor' } }, outcomeTimestamp: warfarinIbuprofen.asOf }],
    });
    expect(feedback.status).toBe(200);
    // Card records are written after the answer: wait until the ledger has it.
    await svc.service.modelCallsSettled();
    let text = '';
    for (let i = 0; i < 50 && !/chartbrief_rule_alerts_30d\{rule="drug-interaction",outcome="overridden"\} 1/.test(text); i++) {
      text = (await send(`${svc.baseUrl}/metrics`)).text;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(text).toContain(`chartbrief_rule_cards_total{service="${request.hook}",rule="drug-interaction",indicator="${interaction?.indicator ?? ''}"} 1`);
    expect(text).toMatch(/chartbrief_rule_alerts_30d\{rule="drug-interaction",outcome="overridden"\} 1/);
    expect(text).toMatch(/# TYPE chartbrief_model_calls_total counter/);
    expect(text).toMatch(/# TYPE chartbrief_store_errors_total counter/);
  });
});

describe('METRICS_PORT', () => {
  let svc: RunningService;
  let metricsServer: Server | undefined;
  beforeAll(async () => {
    svc = await startService({ env: { METRICS_PORT: String(await freePort()) } });
    metricsServer = await listenMetrics(svc.service);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()));
    await svc.close();
  });

  it('serves /metrics on its own port, on HOST, and no longer on the public one', async () => {
    expect((await postJson(`${svc.baseUrl}/cds-services/patient-view`, patientViewRequest())).status).toBe(200);
    const port = svc.service.config.metricsPort;
    expect((await send(`${svc.baseUrl}/metrics`)).status).toBe(404);
    const scraped = await send(`http://127.0.0.1:${String(port)}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.text).toMatch(/chartbrief_hook_duration_seconds_count\{service="patient-view",status="200"\} 1/);
    // Nothing else answers there: the public routes stay on the public port.
    expect((await send(`http://127.0.0.1:${String(port)}/cds-services`)).status).toBe(404);
  });
});
