import type { Result } from '../src/result';
import { err, ok } from '../src/result';

/**
 * The launch context of a SMART token response, read field by field from unknown JSON (EHRs
 * differ: Epic sends `need_patient_banner` as the string "false").
 * https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#launch-context-arrives-with-your-access_token
 */

/** One `fhirContext` item (SMART 2.x): a reference, canonical or identifier, with optional type and role. */
export interface FhirContextItem {
  reference?: string;
  canonical?: string;
  type?: string;
  role?: string;
}

export interface LaunchContext {
  /** The patient in context: required, the app shows one chart. */
  patient: string;
  encounter?: string;
  /** False only when the EHR says it already shows the patient (the app hides its banner then). */
  needPatientBanner: boolean;
  /** Where the EHR's styling JSON is (https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#styling). */
  smartStyleUrl?: string;
  fhirContext: FhirContextItem[];
  /** What the EHR wants the app to do (free text agreed with the EHR, e.g. `reconcile-medications`). */
  intent?: string;
  tenant?: string;
}

/** What the token endpoint granted, read from its answer. */
export interface GrantedToken {
  accessToken: string;
  refreshToken?: string;
  /** The granted scope (may differ from the asked one). */
  scope: string;
  /** Seconds the access token lives (`expires_in`); undefined when the server did not say. */
  expiresIn?: number;
  idToken?: string;
  context: LaunchContext;
}

const MAX_CONTEXT_ITEMS = 20;
// A FHIR id (https://hl7.org/fhir/R4/datatypes.html#id); Oracle Health ids are digits, Epic's base64url-like.
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * `need_patient_banner`: a boolean per the spec; Epic sends the string "false". Anything but an
 * explicit false keeps the banner (showing a banner the EHR already shows is harmless; hiding the
 * only banner is not).
 */
export function needPatientBanner(value: unknown): boolean {
  if (value === false) return false;
  if (typeof value === 'string' && value.trim().toLowerCase() === 'false') return false;
  return true;
}

/** `fhirContext` items that have the SMART 2.x shape; malformed ones are dropped. */
export function fhirContextItems(value: unknown): FhirContextItem[] {
  if (!Array.isArray(value)) return [];
  const out: FhirContextItem[] = [];
  for (const item of value.slice(0, MAX_CONTEXT_ITEMS)) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    const entry: FhirContextItem = {};
    const reference = str(r['reference']);
    const canonical = str(r['canonical']);
    const type = str(r['type']);
    const role = str(r['role']);
    if (reference !== undefined) entry.reference = reference;
    if (canonical !== undefined) entry.canonical = canonical;
    if (type !== undefined) entry.type = type;
    if (role !== undefined) entry.role = role;
    if (entry.reference !== undefined || entry.canonical !== undefined) out.push(entry);
  }
  return out;
}

/** An https (or, for loopback development, http) URL, else undefined. */
function styleUrl(value: unknown): string | undefined {
  const raw = str(value);
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A patient/encounter id: a bare id, or `Patient/<id>` as a few servers send it. */
function contextId(value: unknown, type: string): string | undefined {
  const raw = str(value);
  const id = raw?.startsWith(`${type}/`) ? raw.slice(type.length + 1) : raw;
  return id !== undefined && FHIR_ID.test(id) ? id : undefined;
}

/** Reads a token response; fails (with a reason a clinician can act on) only when it cannot be used. */
export function grantedTokenFrom(body: Readonly<Record<string, unknown>>): Result<GrantedToken, string> {
  const accessToken = str(body['access_token']);
  if (accessToken === undefined) return err('the EHR did not issue an access token');
  const tokenType = str(body['token_type']);
  if (tokenType !== undefined && tokenType.toLowerCase() !== 'bearer') return err(`the EHR issued a ${tokenType} token; ChartBrief needs a bearer token`);
  const patient = contextId(body['patient'], 'Patient');
  if (patient === undefined) return err('the EHR did not say which patient is open (no patient in the launch context)');
  const context: LaunchContext = { patient, needPatientBanner: needPatientBanner(body['need_patient_banner']), fhirContext: fhirContextItems(body['fhirContext']) };
  const encounter = contextId(body['encounter'], 'Encounter');
  if (encounter !== undefined) context.encounter = encounter;
  const smartStyleUrl = styleUrl(body['smart_style_url']);
  if (smartStyleUrl !== undefined) context.smartStyleUrl = smartStyleUrl;
  const intent = str(body['intent']);
  if (intent !== undefined) context.intent = intent.slice(0, 200);
  const tenant = str(body['tenant']);
  if (tenant !== undefined) context.tenant = tenant;
  const granted: GrantedToken = { accessToken, scope: str(body['scope']) ?? '', context };
  const refreshToken = str(body['refresh_token']);
  if (refreshToken !== undefined) granted.refreshToken = refreshToken;
  const expiresIn = body['expires_in'];
  const seconds = typeof expiresIn === 'number' ? expiresIn : typeof expiresIn === 'string' ? Number(expiresIn) : NaN;
  if (Number.isFinite(seconds) && seconds > 0) granted.expiresIn = seconds;
  const idToken = str(body['id_token']);
  if (idToken !== undefined) granted.idToken = idToken;
  return ok(granted);
}

