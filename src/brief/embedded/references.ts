import type { FhirResource, Reference } from 'fhir/r4';
import type { Chart } from '../../chart/chart';

/**
 * The chart's resource a Reference points at, if the chart holds it: `Type/id`, an absolute
 * `{base}/Type/id`, or a transaction bundle's `urn:uuid:<id>` (Synthea: the resource id is the
 * uuid). `expectedType` names the type for a `urn:uuid` reference, which does not say it.
 */
export function resolveReference(chart: Chart, reference: Reference | undefined, expectedType: string): FhirResource | undefined {
  const raw: unknown = typeof reference === 'object' && reference !== null ? reference.reference : undefined;
  const value = typeof raw === 'string' ? raw.trim() : undefined;
  if (!value) return undefined;
  if (value.startsWith('urn:uuid:')) return chart.get(`${expectedType}/${value.slice('urn:uuid:'.length)}`);
  const m = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(value);
  if (!m || m[1] !== expectedType) return undefined;
  return chart.get(`${m[1]}/${m[2] ?? ''}`);
}
