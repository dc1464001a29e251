// What the FHIR server says about itself: `/metadata` and `/.well-known/smart-configuration`.

/**
 * The SMART configuration document an app reads from `{iss}/.well-known/smart-configuration`.
 * https://hl7.org/fhir/smart-app-launch/conformance.html#metadata
 */
export interface SmartConfiguration {
  issuer: string;
  jwks_uri: string;
  authorization_endpoint: string;
  token_endpoint: string;
  grant_types_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  scopes_supported: string[];
  response_types_supported: string[];
  code_challenge_methods_supported: string[];
  capabilities: string[];
  [extra: string]: unknown;
}

export const SEARCH_PARAMETERS = ['patient', 'subject', 'category', 'code', 'status', 'date', '_id', '_count', '_offset', '_sort', '_include'];
export const RESOURCE_TYPES = ['Patient', 'Condition', 'MedicationRequest', 'Medication', 'AllergyIntolerance', 'Observation', 'Immunization', 'Procedure', 'Encounter', 'Practitioner'];

const SEARCH_TYPES: Record<string, string> = { patient: 'reference', subject: 'reference', date: 'date', _count: 'number', _offset: 'number', _sort: 'string', _include: 'special' };

/** The SMART App Launch 1.0 way of naming the endpoints (fhirclient falls back to it). */
function oauthUris(smart: SmartConfiguration): object {
  return {
    service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
    extension: [
      {
        url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
        extension: [
          { url: 'authorize', valueUri: smart.authorization_endpoint },
          { url: 'token', valueUri: smart.token_endpoint },
        ],
      },
    ],
  };
}

/** `GET /metadata`: a CapabilityStatement naming the types, searches and (with SMART) the OAuth endpoints. */
export function capabilityStatement(smart: SmartConfiguration | undefined): object {
  const searchParam = SEARCH_PARAMETERS.map((name) => ({ name, type: SEARCH_TYPES[name] ?? 'token' }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2024-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        ...(smart !== undefined && { security: oauthUris(smart) }),
        resource: RESOURCE_TYPES.map((type) => ({ type, interaction: [{ code: 'read' }, { code: 'search-type' }], searchParam })),
      },
    ],
  };
}
