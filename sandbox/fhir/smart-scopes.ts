// SMART App Launch scopes, as far as a read-only FHIR server needs them.
// https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html

/** What a request does to a resource type. */
export type FhirInteraction = 'read' | 'search';

// v1: `patient/Observation.read`, `user/*.*`; v2: `patient/Observation.rs`, optionally with a `?query` constraint.
const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|[cruds]+)(\?.*)?$/;

/** Whether one scope grants `interaction` on `type` (v2 query constraints are not enforced: the sandbox is lenient there). */
function grants(scope: string, type: string, interaction: FhirInteraction): boolean {
  const match = RESOURCE_SCOPE.exec(scope);
  if (!match) return false;
  const [, , scopeType, permission = ''] = match;
  if (scopeType !== '*' && scopeType !== type) return false;
  if (permission === 'read' || permission === '*') return true;
  if (permission === 'write') return false;
  return permission.includes(interaction === 'read' ? 'r' : 's');
}

/** Whether any of the space-separated `scope` grants `interaction` on `type`. */
export function scopesAllow(scope: string, type: string, interaction: FhirInteraction): boolean {
  return scope.split(/\s+/).some((s) => grants(s, type, interaction));
}

/** Whether the scopes are all patient-level (`patient/…`): the token is then bound to its `patient`. */
export function isPatientScoped(scope: string): boolean {
  const resourceScopes = scope.split(/\s+/).filter((s) => RESOURCE_SCOPE.test(s));
  return resourceScopes.length > 0 && resourceScopes.every((s) => s.startsWith('patient/'));
}
