import type { SectionInput, SectionName } from './chart-sections';
import type { SkipCounts } from './chart-load-result';
import { visitEntries } from './bundle-entries';
import type { FullUrlIndex } from './reference';
import type { ChartResource } from './resource-shape';
import { hasChartShape, resourceHead } from './resource-shape';
import { SECTION_TYPES } from './section-queries';

/**
 * The reading half of building a chart: every section's documents walked once, each entry checked
 * for shape and for belonging in its section, its `fullUrl` indexed. Each well-formed candidate is
 * handed on as it is found (whether it is about the open patient is the receiver's question, see
 * patient-scope.ts): no list of a chart's thousands of entries is built.
 */

/** Receives each well-formed candidate, in document order. */
export type CandidateSink = (resource: ChartResource, section: SectionName) => void;

function collectSection(input: SectionInput, fullUrls: FullUrlIndex, skips: SkipCounts, accept: CandidateSink, patientIds: string[]): void {
  const allowed = SECTION_TYPES[input.section];
  visitEntries(
    input.documents,
    (value, fullUrl) => {
      const head = resourceHead(value);
      if (!head) {
        skips.malformed++;
        return;
      }
      if (!allowed.includes(head.resourceType)) {
        skips.wrongType++;
        return;
      }
      if (input.section === 'patient' && head.resourceType === 'Patient') patientIds.push(head.id);
      if (!hasChartShape(value, head)) {
        skips.malformed++;
        return;
      }
      if (fullUrl !== undefined) fullUrls.add(fullUrl, `${head.resourceType}/${head.id}`);
      accept(value, input.section);
    },
    skips,
  );
}

/**
 * Validates every section's entries, handing each well-formed one to `accept` and counting in
 * `skips` what it leaves out. Returns the ids of every Patient in the patient section, well-formed
 * or not: the wrong-patient check needs them all.
 */
export function collectCandidates(sections: readonly SectionInput[], fullUrls: FullUrlIndex, skips: SkipCounts, accept: CandidateSink): string[] {
  const patientIds: string[] = [];
  for (const input of sections) collectSection(input, fullUrls, skips, accept, patientIds);
  return patientIds;
}
