import type { SectionInput, SectionName } from './chart-sections';
import type { SkipCounts } from './chart-load-result';
import { emptySkipCounts } from './chart-load-result';
import { flattenDocuments } from './bundle-entries';
import { FullUrlIndex } from './reference';
import type { ChartResource } from './resource-shape';
import { isChartResource, resourceHead } from './resource-shape';
import { SECTION_TYPES } from './section-queries';

/**
 * First pass of building a chart: every section's documents flattened, each entry checked for
 * shape and for belonging in its section. What survives is a well-formed candidate; whether it is
 * about the open patient is the next pass's question (see patient-scope.ts).
 */

export interface Candidate {
  resource: ChartResource;
  section: SectionName;
}

export interface Candidates {
  list: Candidate[];
  /** Ids of every Patient in the patient section, well-formed or not: the wrong-patient check needs them all. */
  patientIds: string[];
  fullUrls: FullUrlIndex;
  skips: SkipCounts;
}

function collectSection(input: SectionInput, out: Candidates): void {
  const flat = flattenDocuments(input.documents);
  out.skips.outcomes += flat.outcomes;
  out.skips.malformed += flat.malformed;
  const allowed = SECTION_TYPES[input.section];
  for (const entry of flat.entries) {
    const head = resourceHead(entry.value);
    if (!head) {
      out.skips.malformed++;
      continue;
    }
    if (!allowed.includes(head.resourceType)) {
      out.skips.wrongType++;
      continue;
    }
    if (input.section === 'patient' && head.resourceType === 'Patient') out.patientIds.push(head.id);
    if (!isChartResource(entry.value)) {
      out.skips.malformed++;
      continue;
    }
    if (entry.fullUrl !== undefined) out.fullUrls.add(entry.fullUrl, `${head.resourceType}/${head.id}`);
    out.list.push({ resource: entry.value, section: input.section });
  }
}

/** Flattens and validates every section; counts what it leaves out. */
export function collectCandidates(sections: readonly SectionInput[]): Candidates {
  const out: Candidates = { list: [], patientIds: [], fullUrls: new FullUrlIndex(), skips: emptySkipCounts() };
  for (const input of sections) collectSection(input, out);
  return out;
}
