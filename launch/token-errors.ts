/**
 * Why a token endpoint refused: its HTTP status and the OAuth `error` code of its answer
 * (`invalid_client`, `invalid_grant`…; RFC 6749 §5.2), for the log and the error page. Only the
 * code is kept: never the `error_description` (free text the EHR may fill with anything), the
 * authorization code, a token or our secret.
 * https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */

export interface TokenRefusal {
  status: number;
  oauthError?: string;
}

// RFC 6749 error codes are printable ASCII without quotes or backslash; the registered ones are snake_case.
const ERROR_CODE = /^[A-Za-z0-9_.-]{1,64}$/;

/** The `error` member of a token endpoint's JSON answer, when it is a well-formed code. */
export function oauthErrorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const code = (body as Record<string, unknown>)['error'];
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : undefined;
}

/**
 * The refusal behind a failed fhirclient code exchange. fhirclient 2.6.3 throws an `HttpError`
 * whose body it has already read into the message: "400 Bad Request\nURL: …\n<error>: <description>"
 * (lib/HttpError.js `parse()`); the code is the third line up to its first ": ". Undefined when
 * the exchange failed otherwise (network, no access token).
 */
export function tokenRefusal(e: unknown): TokenRefusal | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const { name, status, message } = e as { name?: unknown; status?: unknown; message?: unknown };
  if (name !== 'HttpError' || typeof status !== 'number') return undefined;
  const lines = typeof message === 'string' ? message.split('\n') : [];
  const code = lines[1]?.startsWith('URL: ') === true ? lines[2]?.split(': ')[0] : undefined;
  return code !== undefined && ERROR_CODE.test(code) ? { status, oauthError: code } : { status };
}
