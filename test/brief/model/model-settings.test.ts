import { MODEL_DEFAULTS, modelSettingsFrom } from '../../../src/brief/model/model-settings';

// The model settings from the environment: defaults, the three providers, and one clear line
// naming the variable when something is wrong.

const AZURE = {
  MODEL_PROVIDER: 'azure-openai',
  AZURE_OPENAI_ENDPOINT: 'https://contoso-east.openai.azure.com/',
  AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-brief',
  OPENAI_API_VERSION: '2024-10-21',
};

describe('modelSettingsFrom', () => {
  it('is embedded when MODEL_PROVIDER is unset, whatever else is set (chart data leaves only when a provider is named)', () => {
    expect(modelSettingsFrom({ AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k' })).toEqual({ ok: true, value: { provider: 'embedded', budgetMs: 600 } });
  });

  it('reads Azure OpenAI with an API key and the defaults of every bound', () => {
    expect(modelSettingsFrom({ ...AZURE, AZURE_OPENAI_API_KEY: 'secret' })).toEqual({
      ok: true,
      value: {
        provider: 'azure-openai',
        endpoint: 'https://contoso-east.openai.azure.com',
        deployment: 'gpt-4o-brief',
        apiKey: 'secret',
        apiVersion: '2024-10-21',
        budgetMs: 600,
        timeoutMs: 20_000,
        maxRetries: 1,
        cacheTtlMs: 900_000,
        cacheMaxEntries: 500,
        promptTokens: 6000,
        maxOutputTokens: 2000,
        temperature: 0,
        dateShift: 'keep',
      },
    });
    expect(MODEL_DEFAULTS.MODEL_BUDGET_MS).toBe(600);
  });

  it('reads Azure OpenAI without key or API version as Entra ID against the v1 API', () => {
    const s = modelSettingsFrom({ ...AZURE, OPENAI_API_VERSION: undefined });
    expect(s).toMatchObject({ ok: true, value: { provider: 'azure-openai', apiKey: undefined, apiVersion: undefined } });
  });

  it('reads an OpenAI-compatible server, with or without a key', () => {
    const s = modelSettingsFrom({ MODEL_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'http://10.1.2.3:8000/v1/', OPENAI_MODEL: 'meditron-70b', MODEL_BUDGET_MS: '250', MODEL_DATE_SHIFT: 'shift', MODEL_TEMPERATURE: 'none' });
    expect(s).toMatchObject({ ok: true, value: { provider: 'openai-compatible', baseURL: 'http://10.1.2.3:8000/v1', model: 'meditron-70b', apiKey: undefined, budgetMs: 250, dateShift: 'shift', temperature: undefined } });
  });

  it.each([
    [{ MODEL_PROVIDER: 'bedrock' }, 'MODEL_PROVIDER must be "embedded", "azure-openai" or "openai-compatible", got "bedrock"'],
    [{ MODEL_PROVIDER: 'azure-openai' }, 'AZURE_OPENAI_ENDPOINT must be set'],
    [{ ...AZURE, AZURE_OPENAI_ENDPOINT: 'http://contoso.openai.azure.com' }, 'AZURE_OPENAI_ENDPOINT must be https (chart data travels to it); http is accepted only for loopback'],
    [{ ...AZURE, AZURE_OPENAI_ENDPOINT: 'contoso' }, 'AZURE_OPENAI_ENDPOINT must be an http(s) URL, got "contoso"'],
    [{ ...AZURE, AZURE_OPENAI_DEPLOYMENT: undefined }, 'AZURE_OPENAI_DEPLOYMENT must be set when MODEL_PROVIDER=azure-openai'],
    [{ ...AZURE, AZURE_OPENAI_DEPLOYMENT: 'a/b' }, 'AZURE_OPENAI_DEPLOYMENT must be a deployment name (letters, digits, "._-"), got "a/b"'],
    [{ ...AZURE, OPENAI_API_VERSION: 'latest' }, 'OPENAI_API_VERSION must look like 2024-10-21 or 2025-04-01-preview, got "latest"'],
    [{ MODEL_PROVIDER: 'openai-compatible', OPENAI_MODEL: 'm' }, 'OPENAI_BASE_URL must be set when MODEL_PROVIDER=openai-compatible'],
    [{ MODEL_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'http://localhost:11434/v1' }, 'OPENAI_MODEL must be set when MODEL_PROVIDER=openai-compatible'],
    [{ MODEL_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'http://localhost:11434/v1?x=1', OPENAI_MODEL: 'm' }, 'OPENAI_BASE_URL must not carry a query, fragment or credentials'],
    [{ MODEL_BUDGET_MS: '-1' }, 'MODEL_BUDGET_MS must be an integer from 0 to 60000, got "-1"'],
    [{ MODEL_MAX_RETRIES: '10' }, 'MODEL_MAX_RETRIES must be an integer from 0 to 3, got "10"'],
    [{ MODEL_TIMEOUT_MS: '1.5' }, 'MODEL_TIMEOUT_MS must be an integer from 100 to 600000, got "1.5"'],
    [{ MODEL_DATE_SHIFT: 'random' }, 'MODEL_DATE_SHIFT must be "keep" or "shift", got "random"'],
    [{ MODEL_TEMPERATURE: 'hot' }, 'MODEL_TEMPERATURE must be a number from 0 to 2 or "none", got "hot"'],
  ])('rejects %j with one line naming the variable', (env, message) => {
    expect(modelSettingsFrom(env)).toEqual({ ok: false, error: message });
  });

  it('accepts http for a loopback Azure endpoint (tests, a local proxy)', () => {
    expect(modelSettingsFrom({ ...AZURE, AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:8080' })).toMatchObject({ ok: true, value: { endpoint: 'http://127.0.0.1:8080' } });
  });
});
