/** A JSON answer as a test sees it over real HTTP. */
export interface JsonReply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  body: unknown;
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function send(url: string, init: RequestInit = {}): Promise<JsonReply> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: parse(text) };
}

/** POSTs a JSON body (an object, or a raw string sent as it is) with `Content-Type: application/json`. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonReply> {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The `diagnostics` and `expression` of an OperationOutcome body, for asserting which field was named. */
export function outcomeIssues(body: unknown): { diagnostics: string; expression: string[] }[] {
  if (typeof body !== 'object' || body === null || (body as { resourceType?: unknown }).resourceType !== 'OperationOutcome') return [];
  const issues = (body as { issue?: unknown }).issue;
  if (!Array.isArray(issues)) return [];
  return issues.map((i: { diagnostics?: unknown; expression?: unknown }) => ({
    diagnostics: typeof i.diagnostics === 'string' ? i.diagnostics : '',
    expression: Array.isArray(i.expression) ? i.expression.filter((e): e is string => typeof e === 'string') : [],
  }));
}
