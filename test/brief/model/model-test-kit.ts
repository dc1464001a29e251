import type { Chart } from '../../../src/chart/chart';
import type { Env, ModelSettings, RemoteModelSettings } from '../../../src/brief/model/model-settings';
import { modelSettingsFrom } from '../../../src/brief/model/model-settings';
import type { AnswerStatement, AzureOpenAIServer, RecordedRequest } from '../../support/azure-openai-server';
import { azureOpenAIEnv, keyFor, TEST_DEPLOYMENT } from '../../support/azure-openai-server';
import { ChartBuilder } from '../../support/chart-builder';

// Shared by the model tests: a small chart with identifying data, settings pointing at the
// loopback Azure OpenAI server, and a "model" that answers from the prompt it was sent.

export const AS_OF = new Date('2021-06-01T00:00:00Z');
export const DEPLOYMENT = TEST_DEPLOYMENT;

/** Identifying values of the test patient: none may reach a prompt. */
export const IDENTIFIERS = {
  id: 'pat-hq-7731',
  given: 'Hazel',
  family: 'Quartermaine',
  mrn: 'MRN-448812',
  ssn: '123-45-6789',
  phone: '617-555-0199',
  email: 'hazel.q@example.org',
  street: '12 Elm Street',
  city: 'Springfield',
  postalCode: '01105',
};

/** CKD 4 and AF on warfarin, a penicillin allergy, creatinine rising 1.4 → 2.1 mg/dL. */
export function ckdChart(extra: (b: ChartBuilder) => ChartBuilder = (b) => b): Chart {
  const i = IDENTIFIERS;
  const builder = new ChartBuilder({
    id: i.id,
    birthDate: '1946-05-01',
    gender: 'female',
    name: [{ use: 'official', given: [i.given], family: i.family }],
    identifier: [
      { system: 'urn:oid:1.2.3.4.5', value: i.mrn, type: { coding: [{ code: 'MR' }] } },
      { system: 'http://hl7.org/fhir/sid/us-ssn', value: i.ssn },
    ],
    telecom: [
      { system: 'phone', value: i.phone },
      { system: 'email', value: i.email },
    ],
    address: [{ line: [i.street], city: i.city, postalCode: i.postalCode }],
  })
    .condition({ id: 'cond-ckd', snomed: '431857002', display: 'Chronic kidney disease stage 4 (disorder)', onset: '2019-03-02' })
    .condition({ id: 'cond-af', snomed: '49436004', display: 'Atrial fibrillation (disorder)', onset: '2015-03-02' })
    .medication({ id: 'med-warf', name: 'Warfarin Sodium 5 MG Oral Tablet', rxnorm: '855332', dosage: '5 mg by mouth once daily', reasons: ['Condition/cond-af'] })
    .allergy({ id: 'alg-pen', display: 'Penicillin V', reaction: 'Hives', criticality: 'high' })
    .observation({ id: 'obs-cr-1', loinc: '2160-0', value: 1.4, unit: 'mg/dL', date: '2020-12-01' })
    .observation({ id: 'obs-cr-2', loinc: '2160-0', value: 2.1, unit: 'mg/dL', date: '2021-05-20', interpretation: 'H' });
  return extra(builder).build();
}

/** Four statements a good model would write about ckdChart, citing keys found in the prompt. */
export function goodStatements(request: RecordedRequest): AnswerStatement[] {
  return [
    { section: 'problems', text: 'Chronic kidney disease stage 4 since 2019-03-02', evidence: [keyFor(request, '"Chronic kidney disease stage 4"')] },
    { section: 'medications', text: 'Warfarin 5 mg by mouth once daily for atrial fibrillation', evidence: [keyFor(request, 'Warfarin'), keyFor(request, '"Atrial fibrillation"')] },
    { section: 'allergies', text: 'Penicillin V: hives, high criticality', evidence: [keyFor(request, 'Penicillin')] },
    {
      section: 'labs',
      text: 'Creatinine rising 1.4 → 2.1 mg/dL (2020-12-01 → 2021-05-20)',
      evidence: [keyFor(request, '| 1.4 mg/dL'), keyFor(request, '| 2.1 mg/dL')],
    },
  ];
}

function settingsOrThrow(env: Env): ModelSettings {
  const s = modelSettingsFrom(env);
  if (!s.ok) throw new Error(s.error);
  return s.value;
}

function remote(settings: ModelSettings): RemoteModelSettings {
  if (settings.provider === 'embedded') throw new Error('expected a remote provider');
  return settings;
}

/** Azure OpenAI (deployment path, api-key) at the loopback server; `env` overrides. */
export function azureSettings(server: AzureOpenAIServer, env: Env = {}): RemoteModelSettings {
  return remote(settingsOrThrow({ ...azureOpenAIEnv(server), MODEL_BUDGET_MS: '30000', ...env }));
}

/** An OpenAI-compatible server (v1 path, bearer key): the same loopback server. */
export function compatibleSettings(server: AzureOpenAIServer, env: Env = {}): RemoteModelSettings {
  return remote(settingsOrThrow({
    MODEL_PROVIDER: 'openai-compatible',
    OPENAI_BASE_URL: `${server.url}/openai/v1`,
    OPENAI_MODEL: DEPLOYMENT,
    OPENAI_API_KEY: 'test-key',
    MODEL_MAX_RETRIES: '0',
    ...env,
  }));
}
