import { EmbeddedSummarizer } from '../../../src/brief/embedded/embedded-summarizer';
import { ModelSummarizer, ModelUnavailableError } from '../../../src/brief/model/model-summarizer';
import type { RemoteModelSettings } from '../../../src/brief/model/model-settings';
import { createChatModel } from '../../../src/brief/model/openai-chat-model';
import { briefSourceLabel } from '../../../src/cards/brief-card';
import type { Brief } from '../../../src/brief/brief';
import type { Chart } from '../../../src/chart/chart';
import { AzureOpenAIServer, keyFor, promptLines } from '../../support/azure-openai-server';
import { AS_OF, azureSettings, ckdChart, DEPLOYMENT, goodStatements } from './model-test-kit';

// The model summarizer against a loopback server speaking Azure OpenAI, through the real openai
// SDK: what the model says becomes the brief only statement by statement, after verification.

let server: AzureOpenAIServer;

beforeEach(async () => {
  server = await AzureOpenAIServer.start();
});

afterEach(async () => {
  await server.close();
});

function summarizer(settings: RemoteModelSettings = azureSettings(server), dateShiftSecret?: string): ModelSummarizer {
  return new ModelSummarizer({
    model: createChatModel(settings),
    base: new EmbeddedSummarizer(),
    promptTokens: settings.promptTokens,
    maxOutputTokens: settings.maxOutputTokens,
    temperature: settings.temperature,
    dateShift: settings.dateShift,
    ...(dateShiftSecret !== undefined ? { dateShiftSecret } : {}),
    now: () => new Date('2021-06-01T08:00:00Z'),
  });
}

function texts(brief: Brief, section: string): string[] {
  return brief.sections.find((s) => s.name === section)?.statements.map((s) => s.text) ?? [];
}

describe('a correct model answer', () => {
  let chart: Chart;
  let brief: Brief;

  beforeEach(async () => {
    chart = ckdChart();
    server.reply({ kind: 'answer', statements: goodStatements });
    brief = await summarizer().summarize(chart, { asOf: AS_OF });
  });

  it('becomes the brief, with provenance naming the deployment, prompt version and verified count', () => {
    expect(brief.provenance).toEqual({
      provider: 'azure-openai',
      model: DEPLOYMENT,
      promptVersion: 'chart-brief.v1',
      promptHash: expect.stringMatching(/^[\w-]{43}$/) as string,
      verified: 4,
      dropped: 0,
      generatedAt: '2021-06-01T08:00:00.000Z',
    });
    expect(texts(brief, 'labs')).toEqual(['Creatinine rising 1.4 → 2.1 mg/dL (2020-12-01 → 2021-05-20)']);
    expect(texts(brief, 'medications')).toEqual(['Warfarin 5 mg by mouth once daily for atrial fibrillation']);
    expect(briefSourceLabel(brief.provenance)).toBe(`ChartBrief · ${DEPLOYMENT} (verified 4/4 statements)`);
  });

  it('cites the real Type/id of each resource the model cited by its prompt key', () => {
    const labs = brief.sections.find((s) => s.name === 'labs')?.statements[0];
    expect(labs?.evidence).toEqual(['Observation/obs-cr-1', 'Observation/obs-cr-2']);
    const meds = brief.sections.find((s) => s.name === 'medications')?.statements[0];
    expect(meds?.evidence).toEqual(['MedicationRequest/med-warf', 'Condition/cond-af']);
    for (const s of brief.sections.flatMap((x) => x.statements)) for (const ref of s.evidence) expect(chart.has(ref)).toBe(true);
  });

  it('keeps the embedded headline, and embedded sections the model did not write', async () => {
    const embedded = await new EmbeddedSummarizer().summarize(chart, { asOf: AS_OF });
    expect(brief.headline).toEqual(embedded.headline);
    expect(brief.sections.find((s) => s.name === 'vitals')).toEqual(embedded.sections.find((s) => s.name === 'vitals'));
  });
});

describe('verification drops and counts what the chart does not say', () => {
  it('drops a statement citing a resource that was not in the prompt, and a lab value not in the cited resource', async () => {
    server.reply({
      kind: 'answer',
      statements: (req) => [
        ...goodStatements(req),
        { section: 'problems', text: 'Type 2 diabetes mellitus', evidence: ['Condition/99'] },
        { section: 'labs', text: 'Creatinine 3.2 mg/dL on 2021-05-20', evidence: [keyFor(req, '| 2.1 mg/dL')] },
        { section: 'labs', text: 'Creatinine 2.1 mmol/L on 2021-05-20', evidence: [keyFor(req, '| 2.1 mg/dL')] },
        { section: 'labs', text: 'Creatinine 2.1 mg/dL on 2021-05-21', evidence: [keyFor(req, '| 2.1 mg/dL')] },
        { section: 'medications', text: 'Warfarin 5 mg twice daily', evidence: [keyFor(req, 'Warfarin')] },
        { section: 'medications', text: 'Warfarin 7.5 mg daily', evidence: [keyFor(req, 'Warfarin')] },
        { section: 'labs', text: 'Creatinine 2.1 mg/dL', evidence: [] },
      ],
    });
    const brief = await summarizer().summarize(ckdChart(), { asOf: AS_OF });
    expect(brief.provenance).toMatchObject({ verified: 4, dropped: 7 });
    expect(texts(brief, 'labs')).toEqual(['Creatinine rising 1.4 → 2.1 mg/dL (2020-12-01 → 2021-05-20)']);
    expect(texts(brief, 'problems')).toEqual(['Chronic kidney disease stage 4 since 2019-03-02']);
    expect(briefSourceLabel(brief.provenance)).toBe(`ChartBrief · ${DEPLOYMENT} (verified 4/11 statements)`);
  });

  it('drops an allergy statement resting on a problem, and any claim of absence', async () => {
    server.reply({
      kind: 'answer',
      statements: (req) => [
        ...goodStatements(req),
        { section: 'allergies', text: 'Allergic to sulfa', evidence: [keyFor(req, '"Atrial fibrillation"')] },
        { section: 'allergies', text: 'No known drug allergies', evidence: [keyFor(req, 'Penicillin')] },
      ],
    });
    const brief = await summarizer().summarize(ckdChart(), { asOf: AS_OF });
    expect(texts(brief, 'allergies')).toEqual(['Penicillin V: hives, high criticality']);
    expect(brief.provenance).toMatchObject({ verified: 4, dropped: 2 });
  });

  it('fails over when nothing the model said can be verified', async () => {
    server.reply({ kind: 'answer', statements: [{ section: 'problems', text: 'Healthy', evidence: ['Condition/42'] }] });
    await expect(summarizer().summarize(ckdChart(), { asOf: AS_OF })).rejects.toEqual(new ModelUnavailableError({ kind: 'no-verified-statements' }));
  });

  it('accepts a unit written as the UCUM code or as displayed, and removes keys written into the text', async () => {
    const chart = ckdChart((b) => b.observation({ id: 'obs-t', loinc: '8310-5', value: 38.5, unit: 'Cel', date: '2021-05-30', category: 'vital-signs' }));
    server.reply({
      kind: 'answer',
      statements: (req) => [
        { section: 'vitals', text: 'Temperature 38.5 °C on 2021-05-30 (Observation/9)', evidence: [keyFor(req, '38.5 °C')] },
        { section: 'vitals', text: 'Febrile at 38.5 Cel', evidence: [keyFor(req, '38.5 °C')] },
      ],
    });
    const brief = await summarizer().summarize(chart, { asOf: AS_OF });
    expect(texts(brief, 'vitals')).toEqual(['Temperature 38.5 °C on 2021-05-30', 'Febrile at 38.5 Cel']);
  });
});

describe('date shifting (MODEL_DATE_SHIFT=shift)', () => {
  it('sends no recorded date, and gives the brief its recorded dates back', async () => {
    server.reply({
      kind: 'answer',
      statements: (req) => {
        const ckdLine = promptLines(req).find((l) => l.includes('Chronic kidney')) ?? '';
        const onset = /onset (\d{4}-\d{2}-\d{2})/.exec(ckdLine)?.[1] ?? 'none';
        return [{ section: 'problems', text: `Chronic kidney disease stage 4 since ${onset}`, evidence: [keyFor(req, 'Chronic kidney')] }];
      },
    });
    const brief = await summarizer(azureSettings(server, { MODEL_DATE_SHIFT: 'shift' }), 'test-secret').summarize(ckdChart(), { asOf: AS_OF });
    for (const date of ['2019-03-02', '2015-03-02', '2020-12-01', '2021-05-20', '2021-06-01', '1946-05-01']) expect(server.requests[0]?.raw).not.toContain(date);
    expect(texts(brief, 'problems')).toEqual(['Chronic kidney disease stage 4 since 2019-03-02']);
  });
});

describe('answers that are not a brief', () => {
  const cases: [string, string, Parameters<AzureOpenAIServer['reply']>[0]][] = [
    ['content that is not JSON', 'invalid-json', { kind: 'message', content: '{"statements": [' }],
    ['a body that is not JSON', 'invalid-json', { kind: 'raw', status: 200, body: 'upstream proxy error <html>', contentType: 'application/json' }],
    ['JSON of another shape', 'invalid-answer', { kind: 'message', content: '{"summary": "fine"}' }],
    ['a refusal', 'refusal', { kind: 'message', content: null, refusal: "I'm sorry, I can't help with that." }],
    ['finish_reason content_filter', 'content-filter', { kind: 'message', content: null, finishReason: 'content_filter', contentFilterResults: { violence: { filtered: true, severity: 'medium' } } }],
    ['finish_reason length', 'truncated', { kind: 'message', content: '{"statements": [{"section"', finishReason: 'length' }],
  ];
  it.each(cases)('%s is a failure of kind %s', async (_name, kind, reply) => {
    server.reply(reply);
    await expect(summarizer().summarize(ckdChart(), { asOf: AS_OF })).rejects.toMatchObject({ failure: { kind } });
  });
});
