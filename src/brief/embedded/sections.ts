import type { Chart } from '../../chart/chart';
import type { Brief, BriefSection, BriefSectionName } from '../brief';

/**
 * The order of a brief's sections, after the HL7 International Patient Summary
 * (https://hl7.org/fhir/uv/ips/): problems, medications, allergies, results, vital signs, social
 * history; then care gaps (from the rules engine), history (encounters, procedures,
 * immunizations); last, what the chart could not provide. Earlier sections also win lines first in
 * a short view, after the statements marked with a priority (bounds.ts).
 */
export const SECTION_ORDER: readonly BriefSectionName[] = [
  'problems',
  'medications',
  'allergies',
  'labs',
  'vitals',
  'social',
  'care-gaps',
  'encounters',
  'procedures',
  'immunizations',
  'unavailable',
];

/**
 * Sections in {@link SECTION_ORDER}; two sections of one name become one (the first's title,
 * statements in the order given, `omitted` and `omittedPriority` added up).
 */
export function orderSections(sections: readonly (BriefSection | undefined)[]): BriefSection[] {
  const byName = new Map<BriefSectionName, BriefSection>();
  for (const s of sections) {
    if (!s) continue;
    const seen = byName.get(s.name);
    if (!seen) {
      byName.set(s.name, { ...s, statements: [...s.statements] });
      continue;
    }
    seen.statements.push(...s.statements);
    const omitted = (seen.omitted ?? 0) + (s.omitted ?? 0);
    if (omitted > 0) seen.omitted = omitted;
    const omittedPriority = (seen.omittedPriority ?? 0) + (s.omittedPriority ?? 0);
    if (omittedPriority > 0) seen.omittedPriority = omittedPriority;
  }
  return SECTION_ORDER.flatMap((name) => {
    const s = byName.get(name);
    return s ? [s] : [];
  });
}

/**
 * The extension point for sections the embedded summarizer does not write itself — the care gaps
 * the rules engine finds: `withSection(brief, { name: 'care-gaps', title: 'Care gaps', statements })`
 * places it in section order (merging with a section of the same name). The card fits the result
 * to its line budget; to have it bounded and checked against the chart as well, pass it to
 * `summarizeChart` as `extraSections` instead.
 */
export function withSection(brief: Brief, section: BriefSection): Brief {
  return { ...brief, sections: orderSections([...brief.sections, section]) };
}

/**
 * An outside section as the brief may state it: only statements whose every citation is a
 * resource this chart holds (and that cite at least one). Undefined when none is left.
 */
export function groundedSection(chart: Chart, section: BriefSection): BriefSection | undefined {
  const statements = section.statements.filter((s) => s.evidence.length > 0 && s.evidence.every((ref) => chart.has(ref)));
  return statements.length > 0 ? { ...section, statements } : undefined;
}
