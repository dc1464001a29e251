import { err, ok } from '../result';
import type { SectionName } from './chart-sections';
import type { ChartSource, SectionResult } from './chart-source';
import { isOperationOutcome, nextLink } from './bundle-entries';
import { isRecord } from './json-shape';

/**
 * The CDS request's `prefetch` as a chart source, one key per section (the keys of
 * SECTION_QUERIES, which discovery advertises). The CDS Hooks 2.0 spec gives three cases:
 * - key missing: the EHR did not fetch it → `not-provided`, the loader asks the FHIR server;
 * - `null`: the EHR found no data → the section is complete and empty;
 * - an `OperationOutcome`: the EHR's fetch failed → `prefetch-error`, the loader asks the FHIR server.
 * https://cds-hooks.hl7.org/2.0/#prefetch-template
 *
 * A Bundle with a `next` link is the first page of a paged prefetch: it is used, and the link is
 * passed on for the FHIR source to continue (only if it stays on the FHIR server).
 */
export class PrefetchSource implements ChartSource {
  readonly source = 'prefetch' as const;

  constructor(private readonly prefetch: Readonly<Record<string, unknown>>) {}

  /** True when the EHR sent this key at all (even as `null`). */
  has(section: SectionName): boolean {
    return Object.hasOwn(this.prefetch, section);
  }

  fetchSection(section: SectionName, _patientId: string): Promise<SectionResult> {
    return Promise.resolve(this.readSection(section));
  }

  /** The same as `fetchSection`, synchronously: prefetch is already in memory. */
  readSection(section: SectionName): SectionResult {
    if (!this.has(section)) return err({ kind: 'not-provided', reason: 'not prefetched' });
    const value = this.prefetch[section];
    if (value === null) return ok({ documents: [], truncated: false });
    if (isOperationOutcome(value)) return err({ kind: 'prefetch-error', reason: 'prefetch held an OperationOutcome' });
    if (!isRecord(value) || typeof value['resourceType'] !== 'string') {
      return err({ kind: 'prefetch-error', reason: 'prefetch value is not a FHIR resource' });
    }
    const next = nextLink(value);
    if (next === undefined) return ok({ documents: [value], truncated: false });
    return ok({ documents: [value], truncated: true, reason: 'prefetch is paged; later pages not read', next });
  }
}
