import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { createServer } from 'node:http';

/**
 * A loopback HTTP server that speaks Azure OpenAI's chat-completions wire format, for tests that
 * run the real openai SDK:
 * - `POST /openai/deployments/{deployment}/chat/completions?api-version=…` with an `api-key`
 *   header (or an Entra `Authorization: Bearer` token), as `AzureOpenAI` sends it;
 * - `POST /openai/v1/chat/completions` with `Authorization: Bearer`, as `OpenAI` sends it to the
 *   Azure v1 API and to OpenAI-compatible servers.
 * It records every request (headers, parsed body) and answers from a script: JSON-schema answers,
 * 429 with retry-after, Azure's 400 content_filter error, finish_reason content_filter, refusals,
 * 500, broken JSON, and answers held until the test releases them. Unscripted requests get 500.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON (unknown until a test looks). */
  body: unknown;
  raw: string;
}

export interface AnswerStatement {
  section: string;
  text: string;
  evidence: string[];
}

export type Reply =
  /** A model answer: `{"statements":[…]}` as the message content (statements may depend on the prompt). */
  | { kind: 'answer'; statements: AnswerStatement[] | ((request: RecordedRequest) => AnswerStatement[]) }
  /** A chat completion with this message content, finish reason, refusal or content-filter result. */
  | { kind: 'message'; content: string | null; finishReason?: string; refusal?: string; contentFilterResults?: Record<string, unknown> }
  /** An HTTP error with an Azure-shaped JSON body. */
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string> }
  /** Any status and body, verbatim. */
  | { kind: 'raw'; status: number; body: string; contentType: string };

export interface HeldReply {
  /** Resolves when the held request has arrived. */
  received: Promise<void>;
  /** Sends the held reply. */
  release(): void;
}

interface Scripted {
  reply: Reply;
  gate?: Promise<void>;
  onReceived?: () => void;
}

export interface AzureOpenAIServerOptions {
  /** The `api-key` (deployment path) or bearer key (v1 path) accepted; default `test-key`. */
  apiKey?: string;
  /** An Entra access token accepted as `Authorization: Bearer …`; default `entra-token`. */
  entraToken?: string;
  /** Deployments (and v1 `model` values) that exist; default `['chartbrief-gpt4o']`. */
  deployments?: string[];
}

/** Azure's 400 when the prompt trips the content filter (here: a jailbreak attempt). */
export const CONTENT_FILTER_ERROR = {
  error: {
    message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
    type: null,
    param: 'prompt',
    code: 'content_filter',
    status: 400,
    innererror: {
      code: 'ResponsibleAIPolicyViolation',
      content_filter_result: {
        hate: { filtered: false, severity: 'safe' },
        jailbreak: { filtered: true, detected: true },
        self_harm: { filtered: false, severity: 'safe' },
        sexual: { filtered: false, severity: 'safe' },
        violence: { filtered: false, severity: 'safe' },
      },
    },
  },
};

/** Azure's 429 body (the `retry-after` header goes with it). */
export const RATE_LIMIT_ERROR = {
  error: { code: '429', message: 'Requests to the ChatCompletions_Create Operation have exceeded call rate limit of your current tier. Please retry after 30 seconds.' },
};

export const SERVER_ERROR = { error: { code: 'InternalServerError', message: 'The server had an error while processing your request.' } };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The user message of a recorded chat request ('' if there is none). */
export function userMessage(request: RecordedRequest): string {
  const messages = isObject(request.body) ? request.body['messages'] : undefined;
  const user = Array.isArray(messages) ? messages.find((m): m is Record<string, unknown> => isObject(m) && m['role'] === 'user') : undefined;
  return typeof user?.['content'] === 'string' ? user['content'] : '';
}

/** The chart lines of the prompt (between <chart> and </chart>). */
export function promptLines(request: RecordedRequest): string[] {
  const text = userMessage(request);
  const start = text.indexOf('<chart>\n');
  const end = text.lastIndexOf('\n</chart>');
  return start < 0 || end < 0 ? [] : text.slice(start + 8, end).split('\n');
}

/** What a model does to cite: the key of the first chart line that contains `needle`. */
export function keyFor(request: RecordedRequest, needle: string): string {
  const line = promptLines(request).find((l) => l.includes(needle));
  if (!line) throw new Error(`no prompt line contains ${needle}`);
  return line.slice(0, line.indexOf(' | '));
}

function completion(message: { content: string | null; refusal?: string }, finishReason: string, contentFilterResults?: Record<string, unknown>): unknown {
  const safe = { hate: { filtered: false, severity: 'safe' }, self_harm: { filtered: false, severity: 'safe' }, sexual: { filtered: false, severity: 'safe' }, violence: { filtered: false, severity: 'safe' } };
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_717_000_000,
    model: 'gpt-4o-2024-08-06',
    system_fingerprint: 'fp_test',
    prompt_filter_results: [{ prompt_index: 0, content_filter_results: safe }],
    choices: [
      {
        index: 0,
        finish_reason: finishReason,
        logprobs: null,
        message: { role: 'assistant', content: message.content, refusal: message.refusal ?? null },
        content_filter_results: contentFilterResults ?? safe,
      },
    ],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'apim-request-id': 'test', ...headers }).end(JSON.stringify(body));
}

/** The deployment the loopback server serves by default. */
export const TEST_DEPLOYMENT = 'chartbrief-gpt4o';

/** The environment that points ChartBrief at `server` as Azure OpenAI (deployment path, api-key, no SDK retries). */
export function azureOpenAIEnv(server: AzureOpenAIServer): Record<string, string> {
  return {
    MODEL_PROVIDER: 'azure-openai',
    AZURE_OPENAI_ENDPOINT: server.url,
    AZURE_OPENAI_DEPLOYMENT: TEST_DEPLOYMENT,
    AZURE_OPENAI_API_KEY: 'test-key',
    OPENAI_API_VERSION: '2024-10-21',
    MODEL_MAX_RETRIES: '0',
  };
}

export class AzureOpenAIServer {
  readonly requests: RecordedRequest[] = [];
  private readonly script: Scripted[] = [];
  private readonly releases: (() => void)[] = [];
  private readonly waiters: { n: number; resolve: () => void }[] = [];
  private readonly server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void this.handle(req.method ?? '', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), res));
  });
  private readonly apiKey: string;
  private readonly entraToken: string;
  private readonly deployments: readonly string[];
  url = '';

  private constructor(options: AzureOpenAIServerOptions) {
    this.apiKey = options.apiKey ?? 'test-key';
    this.entraToken = options.entraToken ?? 'entra-token';
    this.deployments = options.deployments ?? [TEST_DEPLOYMENT];
  }

  static async start(options: AzureOpenAIServerOptions = {}): Promise<AzureOpenAIServer> {
    const s = new AzureOpenAIServer(options);
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.url = `http://127.0.0.1:${(s.server.address() as { port: number }).port}`;
    return s;
  }

  /** Queues a reply for the next request. */
  reply(reply: Reply): this {
    this.script.push({ reply });
    return this;
  }

  /** Queues a reply that is sent only when the test calls `release()`. */
  hold(reply: Reply): HeldReply {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let onReceived = (): void => undefined;
    const received = new Promise<void>((resolve) => (onReceived = resolve));
    this.script.push({ reply, gate, onReceived });
    this.releases.push(release);
    return { received, release };
  }

  /** Resolves once `n` requests have arrived in all. */
  waitForRequests(n: number): Promise<void> {
    if (this.requests.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  async close(): Promise<void> {
    for (const release of this.releases) release();
    await new Promise<void>((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private authorized(headers: IncomingHttpHeaders, deploymentPath: boolean): boolean {
    const bearer = headers.authorization?.startsWith('Bearer ') ? headers.authorization.slice(7) : undefined;
    if (bearer === this.entraToken || bearer === this.apiKey) return true;
    return deploymentPath && headers['api-key'] === this.apiKey;
  }

  private async handle(method: string, url: string, headers: IncomingHttpHeaders, raw: string, res: ServerResponse): Promise<void> {
    const parsed = new URL(url, 'http://loopback');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const request: RecordedRequest = { method, path: parsed.pathname, query: parsed.searchParams, headers, body, raw };
    this.requests.push(request);
    for (const w of this.waiters.filter((x) => this.requests.length >= x.n)) w.resolve();
    const deployment = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(parsed.pathname)?.[1];
    const v1 = parsed.pathname === '/openai/v1/chat/completions';
    if (method !== 'POST' || (deployment === undefined && !v1)) return send(res, 404, { error: { code: '404', message: 'Resource not found' } });
    if (deployment !== undefined && !parsed.searchParams.get('api-version')) return send(res, 404, { error: { code: '404', message: 'Resource not found' } });
    if (!this.authorized(headers, deployment !== undefined)) {
      return send(res, 401, { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } });
    }
    const model = deployment ?? (isObject(body) && typeof body['model'] === 'string' ? body['model'] : '');
    if (!this.deployments.includes(model)) {
      return send(res, 404, { error: { code: 'DeploymentNotFound', message: 'The API deployment for this resource does not exist.' } });
    }
    const next = this.script.shift();
    if (!next) return send(res, 500, { error: { code: 'unscripted', message: 'no reply scripted for this request' } });
    next.onReceived?.();
    if (next.gate) await next.gate;
    this.answer(request, next.reply, res);
  }

  private answer(request: RecordedRequest, reply: Reply, res: ServerResponse): void {
    if (res.destroyed) return;
    switch (reply.kind) {
      case 'answer': {
        const statements = typeof reply.statements === 'function' ? reply.statements(request) : reply.statements;
        return send(res, 200, completion({ content: JSON.stringify({ statements }) }, 'stop'));
      }
      case 'message':
        return send(res, 200, completion({ content: reply.content, ...(reply.refusal !== undefined ? { refusal: reply.refusal } : {}) }, reply.finishReason ?? 'stop', reply.contentFilterResults));
      case 'error':
        return send(res, reply.status, reply.body, reply.headers);
      case 'raw':
        res.writeHead(reply.status, { 'content-type': reply.contentType }).end(reply.body);
        return;
    }
  }
}
