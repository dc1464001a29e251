import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardProblems } from '../support/card-rules';
import { outcomeIssues, postJson } from '../support/http';
import type { RunningService } from '../support/start-service';
import { startService } from '../support/start-service';
import { fixturePatients, loadFixtureBundle, prefetchFromBundle } from '../support/synthea';

// The CDS Hooks specification's own examples (fixtures/cds-hooks/spec-examples, see SOURCES.md),
// sent as an EHR would send them.

const DIR = join(__dirname, '..', '..', 'fixtures', 'cds-hooks', 'spec-examples');
const SERVED_HOOKS = ['patient-view', 'order-select', 'order-sign'];

function readExample(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/** Whole hook requests: hook, hookInstance and context. Pre-1.0 (DSTU2 `context.medications`) ones are not R4. */
const wholeRequests = files.filter((f) => {
  const e = readExample(f);
  const context = e['context'] as Record<string, unknown> | undefined;
  return typeof e['hook'] === 'string' && typeof e['hookInstance'] === 'string' && context !== undefined && !('medications' in context);
});

/** R4 (or version-less) `context` examples of the hooks ChartBrief serves. */
const contextExamples = files.filter((f) => /^hook-(patient-view|order-select|order-sign)--/.test(f) && !/-(dstu2|stu3)(-\d+)?\.json$/.test(f));

let svc: RunningService;
beforeAll(async () => {
  svc = await startService({ env: { FHIR_TIMEOUT_MS: '500' } });
});
afterAll(() => svc.close());

it('finds the spec examples it is meant to send', () => {
  expect(wholeRequests).toEqual(expect.arrayContaining(['spec--example.json', 'spec--example-of-pagination-in-prefetch.json', 'legacy-examples--radiology-appropriateness.json']));
  expect(contextExamples).toEqual(expect.arrayContaining(['hook-patient-view--examples.json', 'hook-order-select--example-r4.json', 'hook-order-sign--example-r4.json']));
});

describe.each(wholeRequests)('whole request %s', (file) => {
  it('is answered with spec-valid cards, 412 when its patient cannot be read, or 400 naming a missing required field', async () => {
    const request = readExample(file);
    const hook = String(request['hook']);
    expect(SERVED_HOOKS).toContain(hook);
    const reply = await postJson(`${svc.baseUrl}/cds-services/${hook}`, request);
    const context = request['context'] as Record<string, unknown>;
    if (typeof context['patientId'] !== 'string') {
      // spec--extensions.json illustrates extensions and leaves out patientId, which every hook we serve requires.
      expect(reply.status).toBe(400);
      expect(outcomeIssues(reply.body)[0]?.expression).toEqual(['context.patientId']);
      return;
    }
    expect([200, 412]).toContain(reply.status);
    if (reply.status === 200) expect(cardProblems(reply.body)).toEqual([]);
    else expect(outcomeIssues(reply.body)[0]?.diagnostics).toMatch(/could not be read/);
  });
});

it('summarizes the spec example whose Patient sits under a prefetch key of its own ("patientToGreet")', async () => {
  const reply = await postJson(`${svc.baseUrl}/cds-services/patient-view`, readExample('spec--example.json'));
  expect(reply.status).toBe(200);
  expect(cardProblems(reply.body)).toEqual([]);
  expect(reply.text).toContain('Patient/1288992');
});

describe.each(contextExamples)('context example %s', (file) => {
  it('wrapped with a fixture patient prefetch (ids aligned) gets 200 and spec-valid cards', async () => {
    const fixture = fixturePatients()[0];
    if (!fixture) throw new Error('no fixture patients');
    const example = readExample(file);
    // Align the example's patient id with the fixture patient's, everywhere it appears.
    const aligned = JSON.parse(JSON.stringify(example['context']).replaceAll('1288992', fixture.patientId)) as Record<string, unknown>;
    const hook = /^hook-([a-z-]+?)--/.exec(file)?.[1] ?? '';
    const request = { hook, hookInstance: `spec-${file}`, context: aligned, prefetch: prefetchFromBundle(loadFixtureBundle(fixture.file)) };
    const reply = await postJson(`${svc.baseUrl}/cds-services/${hook}`, request);
    expect(reply.status).toBe(200);
    expect(cardProblems(reply.body)).toEqual([]);
    if (hook === 'patient-view') {
      const cards = (reply.body as { cards: { links?: { type: string }[] }[] }).cards;
      expect(cards.filter((c) => c.links?.some((l) => l.type === 'smart'))).toHaveLength(1);
    }
  });
});
