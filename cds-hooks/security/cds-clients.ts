// The trusted CDS clients (EHRs) read from `CDS_CLIENTS_FILE`.
// https://cds-hooks.hl7.org/2.0/#trusting-cds-clients — "CDS Services SHOULD allowlist the iss,
// jku and sub fields to only the CDS Clients they trust."
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Result } from '../../src/result';
import { err, ok } from '../../src/result';
import { describeUrlProblem } from './url-rules';

/**
 * The asymmetric JWS algorithms this service can verify. HMAC (`HS*`) and `none` are absent on
 * purpose: an HMAC "key" would be a secret shared with the EHR, and the classic confusion attack
 * signs with a public key used as an HMAC secret. The verifier accepts a subset (ES384 and RS384 by
 * default); see `jwt-verifier.ts`.
 */
export const ASYMMETRIC_JWS_ALGORITHMS = [
  'ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
] as const;
export type AsymmetricJwsAlgorithm = (typeof ASYMMETRIC_JWS_ALGORITHMS)[number];

const PRIVATE_MEMBER = z.never({ error: 'is private key material: configure public keys only' }).optional();

function urlString(options: { allowQuery: boolean }): z.ZodString {
  return z.string().superRefine((value, ctx) => {
    const problem = describeUrlProblem(value, options);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A public signature key (RFC 7517). `oct` (symmetric) keys are refused. */
const publicJwkSchema = z
  .object({
    kty: z.enum(['EC', 'RSA'], { error: 'must be "EC" or "RSA" (public signature keys; "oct" HMAC keys are refused)' }),
    kid: z.string().min(1).optional(),
    alg: z.enum(ASYMMETRIC_JWS_ALGORITHMS, { error: `must be one of ${ASYMMETRIC_JWS_ALGORITHMS.join(', ')}` }).optional(),
    use: z.literal('sig', { error: 'must be "sig"' }).optional(),
    key_ops: z.array(z.string()).refine((ops) => ops.includes('verify'), 'must include "verify"').optional(),
    crv: z.string().optional(),
    x: z.string().optional(),
    y: z.string().optional(),
    n: z.string().optional(),
    e: z.string().optional(),
    x5c: z.array(z.string()).optional(),
    d: PRIVATE_MEMBER,
    p: PRIVATE_MEMBER,
    q: PRIVATE_MEMBER,
    dp: PRIVATE_MEMBER,
    dq: PRIVATE_MEMBER,
    qi: PRIVATE_MEMBER,
    k: PRIVATE_MEMBER,
  })
  .superRefine((jwk, ctx) => {
    const needed = jwk.kty === 'EC' ? (['crv', 'x', 'y'] as const) : (['n', 'e'] as const);
    for (const member of needed) {
      if (jwk[member] === undefined) ctx.addIssue({ code: 'custom', path: [member], message: `is required for a ${jwk.kty} key` });
    }
  });

/** An inline JSON Web Key Set (RFC 7517 section 5). */
export const jwksSchema = z.object({ keys: z.array(publicJwkSchema).min(1, 'must hold at least one key') });

/** One trusted EHR. See `docs` in the report and the module comment for the rules. */
export const cdsClientSchema = z
  .strictObject({
    /** The JWT `iss` this EHR signs with; unique across the file. */
    iss: z.string().min(1, 'must not be empty').max(2048),
    /** Where the EHR publishes its JWKS (fetched, cached per URL). */
    jwks_url: urlString({ allowQuery: true }).optional(),
    /** The EHR's public keys, inline. */
    jwks: jwksSchema.optional(),
    /** URL prefixes a token's `jku` header may point under (scheme, host, port exact; path prefix). */
    jku: z.array(urlString({ allowQuery: false })).min(1, 'must list at least one prefix when present').optional(),
    /** When set, the JWT's `tenant` claim must equal it. */
    tenant: z.string().min(1, 'must not be empty').optional(),
    /** FHIR base URLs this EHR may name as `fhirServer`; absent or empty → none. */
    fhirServers: z.array(urlString({ allowQuery: false })).optional(),
  })
  .superRefine((client, ctx) => {
    if (client.jwks_url !== undefined && client.jwks !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['jwks'], message: 'give either jwks_url or jwks, not both' });
    } else if (client.jwks_url === undefined && client.jwks === undefined && client.jku === undefined) {
      ctx.addIssue({ code: 'custom', path: ['jwks_url'], message: 'a key source is required: jwks_url, jwks, or jku prefixes' });
    }
  });

/** A trusted EHR, as validated from `CDS_CLIENTS_FILE`. */
export type CdsClient = z.output<typeof cdsClientSchema>;

/** The whole file: a non-empty JSON array of clients, each `iss` once. */
export const cdsClientsFileSchema = z
  .array(cdsClientSchema, { error: 'must be a JSON array of clients' })
  .min(1, 'must list at least one client')
  .superRefine((clients, ctx) => {
    const seen = new Set<string>();
    clients.forEach((client, index) => {
      if (seen.has(client.iss)) ctx.addIssue({ code: 'custom', path: [index, 'iss'], message: 'is listed twice' });
      seen.add(client.iss);
    });
  });

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') || '(root)';
}

/**
 * Validates already-parsed JSON as a clients list. `source` names it in the error, which is one
 * line: `CDS_CLIENTS_FILE <source>: <field path>: <problem>`, e.g.
 * `CDS_CLIENTS_FILE /etc/chartbrief/clients.json: [0].jwks_url: must be an https URL (...)`.
 */
export function parseCdsClients(json: unknown, source: string): Result<CdsClient[], string> {
  const parsed = cdsClientsFileSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? '(root)' : formatPath(issue.path);
  const message = (issue?.message ?? 'is invalid').replace(/\s+/g, ' ');
  return err(`CDS_CLIENTS_FILE ${source}: ${where}: ${message}`);
}

/**
 * Reads and validates the `CDS_CLIENTS_FILE` at start-up. Never throws: start-up prints the
 * error (one line naming the file and the field) and exits.
 */
export function loadCdsClientsFile(path: string): Result<CdsClient[], string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    // Not `instanceof Error`: errors from node:fs may come from another realm (e.g. under jest).
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : 'read error';
    return err(`CDS_CLIENTS_FILE ${path}: cannot be read (${code})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, '')); // tolerate a byte-order mark
  } catch (cause) {
    // V8's message quotes a slice of the text after a comma; keep only what went wrong.
    const message = typeof cause === 'object' && cause !== null && 'message' in cause ? String(cause.message) : '';
    const what = message.split(/,\s*(?:\.\.\.)?"/)[0]?.replace(/\s+/g, ' ').slice(0, 80) ?? '';
    return err(`CDS_CLIENTS_FILE ${path}: is not valid JSON${what === '' ? '' : ` (${what})`}`);
  }
  return parseCdsClients(json, path);
}
