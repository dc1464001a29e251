import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';
import type {} from '@azure/openai/types';
import type { ClientOptions } from 'openai';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, AzureOpenAI, OpenAI } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { Result } from '../../result';
import { err, ok } from '../../result';
import type { ChatModel, ChatRequest, ModelFailure, ModelProviderName } from './chat-model';
import type { RemoteModelSettings } from './model-settings';
import { modelNameOf } from './model-settings';

// The one file that knows the vendor's wire format: the openai SDK (v6) against Azure OpenAI or
// an OpenAI-compatible server. Everything the server sends back is read as unknown, field by field.

/** The Entra ID scope of Azure OpenAI (https://learn.microsoft.com/azure/ai-services/openai/how-to/managed-identity). */
export const AZURE_OPENAI_SCOPE = 'https://cognitiveservices.azure.com/.default';

/** Sent as the bearer key to OpenAI-compatible servers that take none (the SDK insists on one). */
export const NO_API_KEY = 'no-key';

type Fetch = NonNullable<ClientOptions['fetch']>;

export interface ChatModelDeps {
  /** Entra ID tokens; default: `DefaultAzureCredential` (used only for azure-openai without an API key). */
  tokenProvider?: () => Promise<string>;
  /** The HTTP client; default: global fetch. */
  fetch?: Fetch;
}

/**
 * 429s reach the summarizer at once instead of being retried inside the SDK: the summarizer holds
 * every call until `retry-after` has passed (one breaker for all charts: no retry storm), while the
 * SDK keeps its bounded retries for 5xx, timeouts and broken connections.
 */
function withoutRateLimitRetries(base: Fetch): Fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await base(input, init);
    } catch (e) {
      throw sameRealmError(e);
    }
    if (response.status !== 429) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/**
 * An error from another JavaScript realm (fetch of a test runner's sandbox, a worker) is not
 * `instanceof Error` here, and the SDK would then lose its name: an AbortError (our timeout)
 * would read as a broken connection. Re-made here with name and cause kept.
 */
function sameRealmError(e: unknown): unknown {
  if (e instanceof Error || !isObject(e)) return e;
  const copy = new Error(typeof e['message'] === 'string' ? e['message'] : 'fetch failed', { cause: e['cause'] });
  if (typeof e['name'] === 'string') copy.name = e['name'];
  return copy;
}

/**
 * Options every client gets explicitly, so nothing comes from OPENAI_* variables the SDK would
 * otherwise read, and the SDK never logs requests (they hold chart data).
 */
function commonOptions(settings: RemoteModelSettings, deps: ChatModelDeps): Omit<ClientOptions, 'provider' | 'apiKey' | 'baseURL'> {
  return {
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    fetch: withoutRateLimitRetries(deps.fetch ?? ((input, init) => fetch(input, init))),
    organization: null,
    project: null,
    webhookSecret: null,
    adminAPIKey: null,
    logLevel: 'off',
  };
}

function tokenProviderOf(deps: ChatModelDeps): () => Promise<string> {
  return deps.tokenProvider ?? getBearerTokenProvider(new DefaultAzureCredential(), AZURE_OPENAI_SCOPE);
}

/** The SDK client for the settings: see AzureOpenAISettings and OpenAICompatibleSettings. */
export function createOpenAIClient(settings: RemoteModelSettings, deps: ChatModelDeps = {}): OpenAI {
  const common = commonOptions(settings, deps);
  if (settings.provider === 'openai-compatible') {
    return new OpenAI({ ...common, baseURL: settings.baseURL, apiKey: settings.apiKey ?? NO_API_KEY });
  }
  const credential = settings.apiKey !== undefined ? { apiKey: settings.apiKey } : undefined;
  if (settings.apiVersion !== undefined) {
    // POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=…, `api-key` header
    // (or `Authorization: Bearer <Entra token>`). `baseURL` is what AzureOpenAI derives from
    // `endpoint`; given explicitly because `endpoint` plus an OPENAI_BASE_URL in the environment throws.
    return new AzureOpenAI({
      ...common,
      baseURL: `${settings.endpoint}/openai`,
      deployment: settings.deployment,
      apiVersion: settings.apiVersion,
      ...(credential ?? { azureADTokenProvider: tokenProviderOf(deps) }),
    });
  }
  // The v1 API: POST {endpoint}/openai/v1/chat/completions with a bearer key or Entra token.
  return new OpenAI({ ...common, baseURL: `${settings.endpoint}/openai/v1/`, apiKey: settings.apiKey ?? tokenProviderOf(deps) });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Category names whose `filtered` is true in an Azure content-filter result object. */
function filteredCategories(result: unknown): string[] {
  if (!isObject(result)) return [];
  return Object.entries(result).flatMap(([name, v]) => (isObject(v) && v['filtered'] === true ? [name] : []));
}

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, nowMs: number = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after') ?? undefined;
  if (value === undefined) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function statusFailure(e: APIError): ModelFailure {
  const status: number = e.status ?? 0;
  if (status === 429) {
    const after = retryAfterMs(e.headers);
    return after === undefined ? { kind: 'rate-limited', status } : { kind: 'rate-limited', status, retryAfterMs: after };
  }
  if (status === 400 && e.code === 'content_filter') {
    // Azure: {"error":{"code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{…}}}}
    const inner: unknown = isObject(e.error) ? e.error['innererror'] : undefined;
    const categories = filteredCategories(isObject(inner) ? inner['content_filter_result'] : undefined);
    return { kind: 'content-filter', status, categories };
  }
  if (status === 401 || status === 403) return { kind: 'auth', status };
  if (status === 404) return { kind: 'not-found', status };
  if (status === 408) return { kind: 'timeout', status };
  if (status >= 500) return { kind: 'server-error', status };
  return status >= 400 && status < 500 ? { kind: 'bad-request', status } : { kind: 'error', status };
}

/** Why the SDK call threw, in vendor-neutral terms (no message: it may echo the prompt). */
export function failureOf(e: unknown): ModelFailure {
  if (e instanceof APIConnectionTimeoutError || e instanceof APIUserAbortError) return { kind: 'timeout' };
  if (e instanceof APIConnectionError) return { kind: 'unreachable' };
  if (e instanceof APIError) return statusFailure(e as APIError);
  // The SDK parses a JSON content type with response.json(): a broken body throws a SyntaxError
  // (compared by name: it may come from another realm than this module's SyntaxError).
  if (isObject(e) && e['name'] === 'SyntaxError') return { kind: 'invalid-json' };
  return { kind: 'error' };
}

/** The answer text of a chat completion, checked field by field; finish reasons and refusals are failures. */
export function answerOf(completion: unknown): Result<string, ModelFailure> {
  const choices: unknown = isObject(completion) ? completion['choices'] : undefined;
  const choice: unknown = Array.isArray(choices) ? choices[0] : undefined;
  if (!isObject(choice)) return err({ kind: typeof completion === 'string' ? 'invalid-json' : 'invalid-answer' });
  const message: unknown = choice['message'];
  const finish: unknown = choice['finish_reason'];
  if (finish === 'content_filter') {
    return err({ kind: 'content-filter', categories: filteredCategories(choice['content_filter_results']) });
  }
  if (isObject(message) && typeof message['refusal'] === 'string' && message['refusal'] !== '') return err({ kind: 'refusal' });
  if (finish === 'length') return err({ kind: 'truncated' });
  const content: unknown = isObject(message) ? message['content'] : undefined;
  return typeof content === 'string' && content.trim() !== '' ? ok(content) : err({ kind: 'invalid-answer' });
}

/** The request body: strict JSON-schema output; Azure's newer runtimes want `max_completion_tokens`. */
function requestBody(provider: ModelProviderName, model: string, r: ChatRequest): ChatCompletionCreateParamsNonStreaming {
  return {
    model,
    messages: [
      { role: 'system', content: r.system },
      { role: 'user', content: r.user },
    ],
    response_format: { type: 'json_schema', json_schema: { name: r.schemaName, strict: true, schema: { ...r.schema } } },
    ...(provider === 'azure-openai' ? { max_completion_tokens: r.maxOutputTokens } : { max_tokens: r.maxOutputTokens }),
    ...(r.temperature !== undefined ? { temperature: r.temperature } : {}),
  };
}

/** A ChatModel over the openai SDK for the given settings (Azure OpenAI or OpenAI-compatible). */
export function createChatModel(settings: RemoteModelSettings, deps: ChatModelDeps = {}): ChatModel {
  const client = createOpenAIClient(settings, deps);
  const model = modelNameOf(settings);
  return {
    provider: settings.provider,
    model,
    async complete(request: ChatRequest): Promise<Result<string, ModelFailure>> {
      let completion: unknown;
      try {
        completion = await client.chat.completions.create(requestBody(settings.provider, model, request));
      } catch (e) {
        return err(failureOf(e));
      }
      return answerOf(completion);
    },
  };
}
