import type { Result } from '../result';
import { err, ok } from '../result';
import { isRecord } from './json-shape';

/**
 * One FHIR REST GET: the only place the chart loader touches the network. Every way it can go
 * wrong becomes a typed failure with a fixed, PHI-free reason; the URL and the token appear in
 * neither reasons nor thrown errors (nothing is thrown).
 */

export interface FhirGetOptions {
  /** Sent as `Authorization: Bearer <token>`; never logged, never part of a failure. */
  accessToken?: string;
  /** Per-request limit, body included (AbortSignal.timeout). */
  timeoutMs: number;
  /** Largest body read; a larger one is abandoned. */
  maxBytes: number;
}

export type FhirGetFailure = {
  kind: 'http-status' | 'timeout' | 'network' | 'invalid-response';
  reason: string;
  status?: number;
};

/** The `name` of a thrown value. Errors may come from another realm (undici, jest): no instanceof. */
function errorName(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('name' in e)) return undefined;
  return typeof e.name === 'string' ? e.name : undefined;
}

async function readBounded(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
}

async function send(url: string, options: FhirGetOptions): Promise<Result<unknown, FhirGetFailure>> {
  const headers: Record<string, string> = { Accept: 'application/fhir+json' };
  if (options.accessToken) headers['Authorization'] = `Bearer ${options.accessToken}`;
  // redirect: 'manual' — a redirect could lead the token off the FHIR server; it is a failure instead.
  const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs) });
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel();
    return err({ kind: 'http-status', reason: `FHIR server answered ${response.status}`, status: response.status });
  }
  const text = await readBounded(response, options.maxBytes);
  if (text === undefined) return err({ kind: 'invalid-response', reason: 'FHIR server answer too large' });
  const json = parseJson(text);
  if (!isRecord(json) || typeof json['resourceType'] !== 'string') {
    return err({ kind: 'invalid-response', reason: 'FHIR server answered with something other than FHIR JSON' });
  }
  return ok(json);
}

/** GETs `url` as FHIR JSON. Resolves with the parsed resource, or a failure; never rejects. */
export async function getFhirJson(url: string, options: FhirGetOptions): Promise<Result<unknown, FhirGetFailure>> {
  try {
    return await send(url, options);
  } catch (e) {
    const name = errorName(e);
    if (name === 'TimeoutError' || name === 'AbortError') return err({ kind: 'timeout', reason: 'FHIR server timed out' });
    return err({ kind: 'network', reason: 'FHIR server unreachable' });
  }
}
