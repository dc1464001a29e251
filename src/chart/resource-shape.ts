import type {
  AllergyIntolerance,
  Condition,
  DiagnosticReport,
  Encounter,
  Immunization,
  Medication,
  MedicationRequest,
  Observation,
  Patient,
  Procedure,
} from 'fhir/r4';
import type { FieldChecks } from './json-shape';
import {
  arrayOf,
  fieldsCheck,
  isBoolean,
  isCodeableConcept,
  isCodeableConcepts,
  isCoding,
  isObject,
  isObjects,
  isPeriod,
  isQuantity,
  isRecord,
  isReference,
  isReferences,
  isString,
  isStrings,
  objectWith,
} from './json-shape';

/** The resource types a chart holds; everything else an EHR sends is skipped. */
export type ChartResource =
  | Patient
  | Condition
  | MedicationRequest
  | Medication
  | AllergyIntolerance
  | Observation
  | Immunization
  | Procedure
  | Encounter
  | DiagnosticReport;

const isHumanName = objectWith({ family: isString, given: isStrings, text: isString, use: isString, prefix: isStrings });

const isComponent = objectWith({ code: isCodeableConcept, valueQuantity: isQuantity, valueCodeableConcept: isCodeableConcept, valueString: isString });

const isDosage = objectWith({ text: isString, timing: isObject, route: isCodeableConcept, doseAndRate: isObjects, asNeededBoolean: isBoolean });

const isReaction = objectWith({ manifestation: isCodeableConcepts, severity: isString, description: isString });

const isIngredient = objectWith({ itemCodeableConcept: isCodeableConcept, itemReference: isReference, strength: isObject });

/**
 * For each type, the fields ChartBrief reads (rules, summarizer, app) and the JSON type each must
 * have when present. A field we never read is not checked: an EHR's extensions pass through.
 */
const FIELDS: Readonly<Record<ChartResource['resourceType'], FieldChecks>> = {
  Patient: {
    name: arrayOf(isHumanName), gender: isString, birthDate: isString, deceasedBoolean: isBoolean,
    deceasedDateTime: isString, identifier: isObjects, telecom: isObjects, address: isObjects, active: isBoolean,
  },
  Condition: {
    subject: isReference, code: isCodeableConcept, clinicalStatus: isCodeableConcept, verificationStatus: isCodeableConcept,
    category: isCodeableConcepts, onsetDateTime: isString, abatementDateTime: isString, recordedDate: isString, encounter: isReference,
  },
  MedicationRequest: {
    subject: isReference, status: isString, intent: isString, medicationCodeableConcept: isCodeableConcept,
    medicationReference: isReference, authoredOn: isString, dosageInstruction: arrayOf(isDosage), contained: isObjects,
    encounter: isReference, requester: isReference, reasonCode: isCodeableConcepts,
  },
  Medication: { code: isCodeableConcept, status: isString, form: isCodeableConcept, ingredient: arrayOf(isIngredient) },
  AllergyIntolerance: {
    patient: isReference, code: isCodeableConcept, clinicalStatus: isCodeableConcept, verificationStatus: isCodeableConcept,
    criticality: isString, category: isStrings, type: isString, reaction: arrayOf(isReaction), recordedDate: isString, onsetDateTime: isString,
  },
  Observation: {
    subject: isReference, status: isString, code: isCodeableConcept, category: isCodeableConcepts, effectiveDateTime: isString,
    effectivePeriod: isPeriod, issued: isString, valueQuantity: isQuantity, valueCodeableConcept: isCodeableConcept,
    valueString: isString, component: arrayOf(isComponent), interpretation: isCodeableConcepts, referenceRange: isObjects, encounter: isReference,
  },
  Immunization: { patient: isReference, status: isString, vaccineCode: isCodeableConcept, occurrenceDateTime: isString, encounter: isReference },
  Procedure: {
    subject: isReference, status: isString, code: isCodeableConcept, performedDateTime: isString, performedPeriod: isPeriod, encounter: isReference,
  },
  Encounter: {
    subject: isReference, status: isString, class: isCoding, type: isCodeableConcepts, period: isPeriod, reasonCode: isCodeableConcepts,
    serviceProvider: isReference,
  },
  DiagnosticReport: {
    subject: isReference, status: isString, code: isCodeableConcept, category: isCodeableConcepts, effectiveDateTime: isString,
    result: isReferences, issued: isString,
  },
};

/** FIELDS as ready checks, one per type (see fieldsCheck). */
const SHAPES = new Map(Object.entries(FIELDS).map(([type, fields]) => [type, fieldsCheck(fields)]));

/** A character that would make `Type/id` ambiguous (see isUsableId). */
const ID_BREAKER = /[\s/?#]/;

/** A FHIR resource type name, as the spec spells them (the chart's own types are known good). */
const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;

function isResourceTypeName(value: unknown): value is string {
  return typeof value === 'string' && (SHAPES.has(value) || RESOURCE_TYPE.test(value));
}

/**
 * A FHIR logical id we can index by (`Type/id`): non-empty, at most 256 characters, and free of
 * the characters that would make `Type/id` ambiguous. Looser than FHIR's `[A-Za-z0-9\-.]{1,64}`
 * on purpose: real EHRs and the spec's own examples send ids outside it, and dropping a resource
 * for its id spelling would hide data.
 */
export function isUsableId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 256 && !ID_BREAKER.test(value);
}

/** What a JSON value looks like before we trust it: enough to say why it was skipped. */
export type ResourceHead = { resourceType: string; id: string };

/** `resourceType` and `id` of a JSON value, when both are usable; undefined means malformed. */
export function resourceHead(value: unknown): ResourceHead | undefined {
  if (!isRecord(value)) return undefined;
  const { resourceType, id } = value;
  if (!isResourceTypeName(resourceType) || !isUsableId(id)) return undefined;
  return { resourceType, id };
}

/**
 * The second half of {@link isChartResource}, for a value whose head is already read: `head`'s type
 * is one of the chart's and every field we read has the right JSON type.
 */
export function hasChartShape(value: unknown, head: ResourceHead): value is ChartResource {
  const valid = SHAPES.get(head.resourceType);
  return valid !== undefined && isRecord(value) && valid(value);
}

/**
 * Validates a JSON value as one of the chart's resource types: `resourceType` and `id` usable, and
 * every field we read of the right JSON type. This is the one place untrusted JSON becomes typed.
 */
export function isChartResource(value: unknown): value is ChartResource {
  const head = resourceHead(value);
  return head !== undefined && hasChartShape(value, head);
}
