import type { Result } from '../../result';
import { integerSetting } from '../../settings/env-values';
import { err, ok } from '../../result';

/**
 * The model settings, read once from the environment (names: ../shared/docs/architecture.md,
 * "Fixed interfaces") and passed in; nothing below reads `process.env`. The openai SDK would
 * silently read OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_API_VERSION itself: the provider file
 * passes every option explicitly from these validated values instead.
 */

export type ModelProvider = 'embedded' | 'azure-openai' | 'openai-compatible';

/** How a model call is bounded and its answer kept; the same for both remote providers. */
export interface ModelCallSettings {
  /** MODEL_BUDGET_MS: how long a hook waits for the model before answering with the embedded brief. */
  budgetMs: number;
  /** MODEL_TIMEOUT_MS: the SDK's per-attempt timeout of the background call. */
  timeoutMs: number;
  /** MODEL_MAX_RETRIES: the SDK's own retries (5xx, timeouts, connection errors; never 429). */
  maxRetries: number;
  /** MODEL_CACHE_TTL_MS: how long a verified model brief is served from memory (it holds PHI). */
  cacheTtlMs: number;
  /** MODEL_CACHE_MAX_ENTRIES: at most this many model briefs are held. */
  cacheMaxEntries: number;
  /** MODEL_PROMPT_TOKENS: the token budget of the chart rendering sent to the model. */
  promptTokens: number;
  /** MODEL_MAX_OUTPUT_TOKENS: `max_completion_tokens` of the answer. */
  maxOutputTokens: number;
  /** MODEL_TEMPERATURE: sampling temperature; undefined leaves it to the server (reasoning models reject it). */
  temperature: number | undefined;
  /** MODEL_DATE_SHIFT: `keep` sends chart dates as they are; `shift` moves them by a per-patient secret offset. */
  dateShift: 'keep' | 'shift';
}

export interface EmbeddedModelSettings {
  provider: 'embedded';
  budgetMs: number;
}

/**
 * Azure OpenAI. With `apiVersion`: `AzureOpenAI` (`/openai/deployments/{deployment}/…?api-version=`,
 * `api-key` header). Without: `OpenAI` against `{endpoint}/openai/v1/` (bearer). No `apiKey`:
 * Microsoft Entra ID (`DefaultAzureCredential`) bearer tokens.
 */
export interface AzureOpenAISettings extends ModelCallSettings {
  provider: 'azure-openai';
  /** https://<resource>.openai.azure.com, without a trailing slash. */
  endpoint: string;
  deployment: string;
  apiKey: string | undefined;
  apiVersion: string | undefined;
}

/** Any server speaking OpenAI chat completions (vLLM, llama.cpp server, Ollama), on premises. */
export interface OpenAICompatibleSettings extends ModelCallSettings {
  provider: 'openai-compatible';
  /** e.g. http://10.0.0.5:8000/v1, without a trailing slash. */
  baseURL: string;
  model: string;
  /** Undefined: local servers that take no key (a placeholder is sent; the SDK insists on one). */
  apiKey: string | undefined;
}

export type RemoteModelSettings = AzureOpenAISettings | OpenAICompatibleSettings;
export type ModelSettings = EmbeddedModelSettings | RemoteModelSettings;

export type Env = Readonly<Record<string, string | undefined>>;

/** Defaults of the optional variables, for the README and the lead's config table. */
export const MODEL_DEFAULTS = {
  MODEL_BUDGET_MS: 600,
  MODEL_TIMEOUT_MS: 20_000,
  MODEL_MAX_RETRIES: 1,
  MODEL_CACHE_TTL_MS: 15 * 60_000,
  MODEL_CACHE_MAX_ENTRIES: 500,
  MODEL_PROMPT_TOKENS: 6000,
  MODEL_MAX_OUTPUT_TOKENS: 2000,
  MODEL_TEMPERATURE: 0,
  MODEL_DATE_SHIFT: 'keep',
} as const;

function text(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

type IntName = 'MODEL_BUDGET_MS' | 'MODEL_TIMEOUT_MS' | 'MODEL_MAX_RETRIES' | 'MODEL_CACHE_TTL_MS' | 'MODEL_CACHE_MAX_ENTRIES' | 'MODEL_PROMPT_TOKENS' | 'MODEL_MAX_OUTPUT_TOKENS';

/** Each integer variable's accepted range. */
const INT_RANGES: readonly (readonly [IntName, number, number])[] = [
  ['MODEL_BUDGET_MS', 0, 60_000],
  ['MODEL_TIMEOUT_MS', 100, 600_000],
  ['MODEL_MAX_RETRIES', 0, 3],
  ['MODEL_CACHE_TTL_MS', 0, 24 * 3_600_000],
  ['MODEL_CACHE_MAX_ENTRIES', 0, 100_000],
  ['MODEL_PROMPT_TOKENS', 500, 200_000],
  ['MODEL_MAX_OUTPUT_TOKENS', 200, 32_000],
];

function int(env: Env, name: IntName, min: number, max: number): Result<number, string> {
  return integerSetting(name, text(env, name), MODEL_DEFAULTS[name], min, max);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** An http(s) URL without query or fragment, trailing slashes removed. */
function baseUrl(name: string, value: string | undefined, httpsOnly: boolean): Result<string, string> {
  if (value === undefined) return err(`${name} must be set`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return err(`${name} must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return err(`${name} must be an http(s) URL, got "${value}"`);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return err(`${name} must not carry a query, fragment or credentials`);
  }
  if (httpsOnly && url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return err(`${name} must be https (chart data travels to it); http is accepted only for loopback`);
  }
  return ok(`${url.origin}${url.pathname}`.replace(/\/+$/, ''));
}

function callSettings(env: Env): Result<ModelCallSettings, string> {
  const ints: Partial<Record<IntName, number>> = {};
  for (const [name, min, max] of INT_RANGES) {
    const r = int(env, name, min, max);
    if (!r.ok) return r;
    ints[name] = r.value;
  }
  const temperature = temperatureOf(text(env, 'MODEL_TEMPERATURE'));
  if (!temperature.ok) return temperature;
  const shift = text(env, 'MODEL_DATE_SHIFT') ?? MODEL_DEFAULTS.MODEL_DATE_SHIFT;
  if (shift !== 'keep' && shift !== 'shift') return err(`MODEL_DATE_SHIFT must be "keep" or "shift", got "${shift}"`);
  const get = (name: IntName): number => ints[name] ?? MODEL_DEFAULTS[name];
  return ok({
    budgetMs: get('MODEL_BUDGET_MS'),
    timeoutMs: get('MODEL_TIMEOUT_MS'),
    maxRetries: get('MODEL_MAX_RETRIES'),
    cacheTtlMs: get('MODEL_CACHE_TTL_MS'),
    cacheMaxEntries: get('MODEL_CACHE_MAX_ENTRIES'),
    promptTokens: get('MODEL_PROMPT_TOKENS'),
    maxOutputTokens: get('MODEL_MAX_OUTPUT_TOKENS'),
    temperature: temperature.value,
    dateShift: shift,
  });
}

function temperatureOf(v: string | undefined): Result<number | undefined, string> {
  if (v === undefined) return ok(MODEL_DEFAULTS.MODEL_TEMPERATURE);
  if (v === 'none') return ok(undefined);
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 && n <= 2 ? ok(n) : err(`MODEL_TEMPERATURE must be a number from 0 to 2 or "none", got "${v}"`);
}

// Azure deployment names: letters, digits, '-', '_', '.' (Azure portal rules), at most 64.
const DEPLOYMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// https://learn.microsoft.com/azure/ai-services/openai/reference: "2024-10-21", "2025-04-01-preview".
const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

function azureSettings(env: Env, call: ModelCallSettings): Result<AzureOpenAISettings, string> {
  const endpoint = baseUrl('AZURE_OPENAI_ENDPOINT', text(env, 'AZURE_OPENAI_ENDPOINT'), true);
  if (!endpoint.ok) return endpoint;
  const deployment = text(env, 'AZURE_OPENAI_DEPLOYMENT');
  if (deployment === undefined) return err('AZURE_OPENAI_DEPLOYMENT must be set when MODEL_PROVIDER=azure-openai');
  if (!DEPLOYMENT.test(deployment)) return err(`AZURE_OPENAI_DEPLOYMENT must be a deployment name (letters, digits, "._-"), got "${deployment}"`);
  const apiVersion = text(env, 'OPENAI_API_VERSION');
  if (apiVersion !== undefined && !API_VERSION.test(apiVersion)) {
    return err(`OPENAI_API_VERSION must look like 2024-10-21 or 2025-04-01-preview, got "${apiVersion}"`);
  }
  return ok({ provider: 'azure-openai', endpoint: endpoint.value, deployment, apiKey: text(env, 'AZURE_OPENAI_API_KEY'), apiVersion, ...call });
}

function compatibleSettings(env: Env, call: ModelCallSettings): Result<OpenAICompatibleSettings, string> {
  const url = baseUrl('OPENAI_BASE_URL', text(env, 'OPENAI_BASE_URL'), false);
  if (!url.ok) return err(url.error === 'OPENAI_BASE_URL must be set' ? 'OPENAI_BASE_URL must be set when MODEL_PROVIDER=openai-compatible' : url.error);
  const model = text(env, 'OPENAI_MODEL');
  if (model === undefined) return err('OPENAI_MODEL must be set when MODEL_PROVIDER=openai-compatible');
  return ok({ provider: 'openai-compatible', baseURL: url.value, model, apiKey: text(env, 'OPENAI_API_KEY'), ...call });
}

/**
 * The model settings from the environment, or one line naming the variable that is wrong.
 * `MODEL_PROVIDER` unset means `embedded`: chart data leaves the process only when a remote
 * provider is named explicitly, whatever else is set.
 */
export function modelSettingsFrom(env: Env): Result<ModelSettings, string> {
  const provider = text(env, 'MODEL_PROVIDER') ?? 'embedded';
  const call = callSettings(env);
  if (!call.ok) return call;
  switch (provider) {
    case 'embedded':
      return ok({ provider: 'embedded', budgetMs: call.value.budgetMs });
    case 'azure-openai':
      return azureSettings(env, call.value);
    case 'openai-compatible':
      return compatibleSettings(env, call.value);
    default:
      return err(`MODEL_PROVIDER must be "embedded", "azure-openai" or "openai-compatible", got "${provider}"`);
  }
}

/** What provenance names: the Azure deployment or the OpenAI-compatible model. */
export function modelNameOf(settings: RemoteModelSettings): string {
  return settings.provider === 'azure-openai' ? settings.deployment : settings.model;
}
