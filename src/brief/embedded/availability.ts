import type { Chart } from '../../chart/chart';
import type { SectionName, SectionStatus } from '../../chart/chart-sections';
import type { BriefSection, Statement } from '../brief';

/** How each chart section is named in a sentence. */
export const SECTION_LABELS: Record<SectionName, string> = {
  patient: 'Demographics',
  conditions: 'Problems',
  medications: 'Medications',
  allergies: 'Allergies',
  labs: 'Labs',
  vitals: 'Vital signs',
  immunizations: 'Immunizations',
  procedures: 'Procedures',
  encounters: 'Encounters',
  socialHistory: 'Social history',
  surveys: 'Surveys',
};

/**
 * Sections read mainly for the rules (pregnancy and smoking status): the brief states from them
 * only what they hold (a current pregnancy, current smoking) and does not list them, so their
 * absence is not "missing from this brief".
 */
const NOT_IN_BRIEF: ReadonlySet<SectionName> = new Set(['socialHistory', 'surveys']);

/** Read in full: complete, and not cut short while paging. */
function isWhole(status: SectionStatus): boolean {
  return status.state === 'complete' && status.truncated !== true;
}

/**
 * True only when the chart says the section was read in full. A brief states an absence ("No known
 * allergies recorded") only then: a section nobody fetched, one whose fetch failed, or one whose
 * paging stopped early says nothing about what the patient lacks.
 */
export function isComplete(chart: Chart, section: SectionName): boolean {
  const status = chart.section(section);
  return status !== undefined && isWhole(status);
}

/** True when the section could not be read at all (missing or failed), not merely cut short. */
export function isUnavailable(chart: Chart, section: SectionName): boolean {
  return chart.section(section)?.state !== 'complete';
}

/**
 * "Medications unavailable: FHIR server answered 500", or "Labs incomplete: …" for a truncated
 * section, citing the Patient it is about.
 */
export function unavailableStatement(chart: Chart, status: SectionStatus): Statement {
  const label = SECTION_LABELS[status.section];
  if (status.state === 'complete') {
    const why = status.reason?.trim() || 'not every page could be read';
    return { text: `${label} incomplete: ${why}`, evidence: [chart.patientRef] };
  }
  const why = status.reason?.trim() || (status.state === 'missing' ? 'not provided' : 'could not be read');
  return { text: `${label} unavailable: ${why}`, evidence: [chart.patientRef] };
}

/** Every section not read in full, in the chart's section order, so the brief says what is missing. */
export function unavailableSection(chart: Chart): BriefSection | undefined {
  const statements = chart.sections.filter((s) => !isWhole(s) && !NOT_IN_BRIEF.has(s.section)).map((s) => unavailableStatement(chart, s));
  return statements.length > 0 ? { name: 'unavailable', title: 'Missing from this brief', statements } : undefined;
}
