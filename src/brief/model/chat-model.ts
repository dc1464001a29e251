import type { Result } from '../../result';

/**
 * What the summarizer needs from a chat model, in vendor-neutral terms. The one implementation
 * over the openai SDK (Azure OpenAI and OpenAI-compatible servers) is ./openai-chat-model.ts; only
 * that file knows the wire format.
 */

/** A JSON Schema document, as sent in `response_format.json_schema.schema`. */
export type JsonSchema = { readonly [key: string]: JsonSchemaValue };
export type JsonSchemaValue = string | number | boolean | null | readonly JsonSchemaValue[] | JsonSchema;

export interface ChatRequest {
  system: string;
  user: string;
  /** The answer must be JSON of this schema (strict structured output). */
  schemaName: string;
  schema: JsonSchema;
  maxOutputTokens: number;
  /** Undefined: the server's default (reasoning models accept no temperature). */
  temperature: number | undefined;
}

/**
 * Why a model gave no usable answer. Safe to log: no chart text, no server message (which could
 * echo the prompt), only a kind, an HTTP status and, for content filters, the category names.
 */
export type ModelFailureKind =
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'unreachable'
  | 'auth'
  | 'not-found'
  | 'bad-request'
  | 'content-filter'
  | 'refusal'
  | 'truncated'
  | 'invalid-json'
  | 'invalid-answer'
  | 'no-verified-statements'
  | 'error';

export interface ModelFailure {
  kind: ModelFailureKind;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** From `retry-after-ms` / `retry-after` of a 429. */
  retryAfterMs?: number;
  /** Content-filter categories that fired (`hate`, `jailbreak`, …). */
  categories?: string[];
}

export type ModelProviderName = 'azure-openai' | 'openai-compatible';

export interface ChatModel {
  readonly provider: ModelProviderName;
  /** The Azure deployment or the model name: what the brief's provenance records. */
  readonly model: string;
  /** The answer's text (JSON of `request.schema`, still unparsed), or why there is none. Never throws. */
  complete(request: ChatRequest): Promise<Result<string, ModelFailure>>;
}
