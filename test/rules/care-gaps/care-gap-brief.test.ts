import { careGapBriefSection } from '../../../src/rules/care-gaps/care-gap-brief';
import { assessCareGaps } from '../../../src/rules/care-gaps/care-gap-rule';
import { AS_OF, chartOf, immunization, labResult, patientAged, procedure, SNOMED } from './care-gap-kit';

// The same care-gap checks as a section of the brief: one statement per due gap, each cited.

it('states each due gap, citing the Patient when the gap rests on an absence', () => {
  const chart = chartOf(patientAged(55, 'male'), [labResult('hcv', '13955-0', '2010-01-01'), immunization('pcv', '216', '2022-01-01')]);
  const section = careGapBriefSection(chart, AS_OF);
  expect(section?.name).toBe('care-gaps');
  const texts = section?.statements.map((s) => s.text) ?? [];
  expect(texts.some((t) => t.startsWith('Colorectal cancer screening due:'))).toBe(true);
  expect(section?.statements.every((s) => s.evidence.length > 0 && s.evidence.every((ref) => chart.has(ref)))).toBe(true);
  expect(section?.statements.find((s) => s.text.startsWith('Colorectal'))?.evidence).toEqual(['Patient/pat-1']);
});

it('cites the last test when a gap rests on one that is out of date', () => {
  const chart = chartOf(patientAged(55, 'male'), [procedure('colo', { system: SNOMED, code: '73761001' }, '2010-01-01'), labResult('hcv', '13955-0', '2010-01-01'), immunization('flu', '140', '2025-10-01'), immunization('pcv', '216', '2022-01-01')]);
  const colorectal = careGapBriefSection(chart, AS_OF)?.statements.find((s) => s.text.startsWith('Colorectal'));
  expect(colorectal?.evidence).toContain('Procedure/colo');
});

it('has no section when nothing is due, or for the deceased', () => {
  const upToDate = chartOf(patientAged(55, 'male'), [procedure('colo', { system: SNOMED, code: '73761001' }, '2024-01-01'), labResult('hcv', '13955-0', '2010-01-01'), immunization('flu', '140', '2025-10-01'), immunization('pcv', '216', '2022-01-01')]);
  expect(careGapBriefSection(upToDate, AS_OF)).toBeUndefined();
  expect(careGapBriefSection(chartOf(patientAged(55, 'male', { deceasedBoolean: true })), AS_OF)).toBeUndefined();
});

it('assesses a chart once per point in time, for the card and the brief alike', () => {
  const chart = chartOf(patientAged(55, 'male'));
  const first = assessCareGaps(chart, AS_OF);
  expect(assessCareGaps(chart, new Date(AS_OF.getTime()))).toBe(first);
  const later = assessCareGaps(chart, new Date(AS_OF.getTime() + 86_400_000));
  expect(later).not.toBe(first);
  expect(later?.assessments.map((a) => a.id)).toEqual(first?.assessments.map((a) => a.id));
});
