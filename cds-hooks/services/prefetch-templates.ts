import { SECTION_QUERIES } from '../../src/chart/section-queries';
import type { SectionName } from '../../src/chart/chart-sections';

/** The prefetch templates a service asks for: one key per chart section, named after it. */
export function prefetchFor(sections: readonly SectionName[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sections) out[s] = SECTION_QUERIES[s];
  return out;
}
