import type { Condition, Observation, Procedure } from 'fhir/r4';
import { currentPregnancy, isPregnancyCondition } from '../../../src/chart/facts/pregnancy';
import { ChartBuilder } from '../../support/chart-builder';
import { AS_OF, daysAgo, obs } from '../../rules/clinical-state/clinical-state-support';
import { pregnancyStatusObservation } from '../../support/pregnancy-status';

// The one decision "is she pregnant now?", from dates: what the pregnancy-risk rule and the brief's
// headline both rest on.

function woman(): ChartBuilder {
  return new ChartBuilder({ birthDate: '1995-02-01', gender: 'female' });
}

const day = (days: number): string => daysAgo(days).slice(0, 10);

const pregnant = (days: number, id = 'preg-1'): Parameters<ChartBuilder['condition']>[0] => ({ id, snomed: '77386006', display: 'Pregnant (finding)', onset: daysAgo(days) });

function icdCondition(id: string, code: string, extra: Partial<Condition> = {}): Condition {
  return {
    resourceType: 'Condition',
    id,
    subject: { reference: 'Patient/pat-1' },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }] },
    ...extra,
  };
}

function procedure(id: string, snomed: string, performed: Partial<Procedure>, status: Procedure['status'] = 'completed'): Procedure {
  return { resourceType: 'Procedure', id, status, subject: { reference: 'Patient/pat-1' }, code: { coding: [{ system: 'http://snomed.info/sct', code: snomed }] }, ...performed };
}

const hcg = (id: string, days: number, value: { code?: string; text?: string } | string): Observation =>
  obs(typeof value === 'string' ? { id, loinc: '2106-3', date: daysAgo(days), valueString: value } : { id, loinc: '2106-3', date: daysAgo(days), valueConcept: value });

/** A US Core pregnancy status (LOINC 82810-3, category social-history). */
function status(id: string, days: number | undefined, snomed: string, display: string, extra: Partial<Observation> = {}): Observation {
  return pregnancyStatusObservation({ id, patientId: 'pat-1', ...(days !== undefined && { date: daysAgo(days) }), snomed, display, extra });
}

/**
 * An estimated delivery date (LOINC 11778-8) recorded `recorded` days ago (undefined: undated), due
 * in `dueIn` days; filed under social-history, one of the categories the prefetch queries read.
 */
function edd(id: string, recorded: number | undefined, dueIn: number, extra: Partial<Observation> = {}): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'social-history' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '11778-8', display: 'Delivery date Estimated' }] },
    subject: { reference: 'Patient/pat-1' },
    ...(recorded !== undefined && { effectiveDateTime: daysAgo(recorded) }),
    valueDateTime: day(-dueIn),
    ...extra,
  };
}

const PREGNANT = ['77386006', 'Pregnant'] as const;
const NOT_PREGNANT = ['60001007', 'Not pregnant'] as const;

describe('pregnancy problems', () => {
  it('yes, with an active pregnancy problem from the last ~43 weeks, cited with its onset', () => {
    expect(currentPregnancy(woman().condition(pregnant(60)).build(), AS_OF)).toEqual({
      records: [{ text: `Active problem: Pregnant (finding) (since ${day(60)})`, ref: 'Condition/preg-1' }],
      evidence: ['Condition/preg-1'],
      fact: { code: '77386006', ref: 'Condition/preg-1', date: day(60) },
    });
  });

  it('yes, from ICD-10 supervision-of-pregnancy codes, an onset given only as recordedDate or as a period', () => {
    expect(currentPregnancy(woman().resource(icdCondition('z34', 'Z34.00', { recordedDate: daysAgo(30) })).build(), AS_OF)?.fact).toEqual({ code: 'Z34.00', ref: 'Condition/z34', date: day(30) });
    expect(currentPregnancy(woman().resource(icdCondition('o09', 'O09.511', { onsetPeriod: { start: daysAgo(100) } })).build(), AS_OF)?.records[0]?.text).toBe(`Active problem: O09.511 (since ${day(100)})`);
  });

  it('no, when resolved, refuted, entered in error, over 300 days old (a 2020 pregnancy in 2026) or dated after asOf', () => {
    expect(currentPregnancy(woman().condition({ ...pregnant(100), status: 'resolved' }).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition({ ...pregnant(100), verification: 'refuted' }).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition({ ...pregnant(100), verification: 'entered-in-error' }).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(400)).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition({ id: 'p2020', snomed: '72892002', display: 'Normal pregnancy', onset: '2020-03-02' }).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(-10)).build(), AS_OF)).toBeUndefined();
  });

  it('no, when a delivery, miscarriage or termination is recorded since its onset', () => {
    expect(currentPregnancy(woman().condition(pregnant(280)).resource(procedure('birth', '66348005', { performedDateTime: daysAgo(5) })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(280)).resource(procedure('cs', '11466000', { performedPeriod: { start: daysAgo(5) } })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(90)).condition({ snomed: '19169002', display: 'Miscarriage in first trimester', onset: daysAgo(20) }).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().condition(pregnant(90)).resource(icdCondition('o03', 'O03.9', { onsetDateTime: daysAgo(20) })).build(), AS_OF)).toBeUndefined();
  });

  it('yes, when the end event is older than this pregnancy, refuted, not completed, undated or after asOf', () => {
    const chart = woman()
      .condition(pregnant(60))
      .resource(procedure('earlier-birth', '66348005', { performedDateTime: daysAgo(700) }))
      .resource(procedure('planned', '11466000', { performedDateTime: daysAgo(5) }, 'preparation'))
      .resource(procedure('undated', '11466000', {}))
      .resource(procedure('future', '11466000', { performedDateTime: daysAgo(-30) }))
      .condition({ snomed: '19169002', display: 'Miscarriage', onset: daysAgo(10), verification: 'refuted' })
      .build();
    expect(currentPregnancy(chart, AS_OF)?.evidence).toEqual(['Condition/preg-1']);
  });

  it('takes an undated active pregnancy at its word unless something in the last ~43 weeks says it is over; dated records first', () => {
    const undated = (): ChartBuilder => woman().condition({ id: 'undated', snomed: '72892002', display: 'Normal pregnancy' });
    expect(currentPregnancy(undated().build(), AS_OF)).toEqual({
      records: [{ text: 'Active problem: Normal pregnancy', ref: 'Condition/undated' }],
      evidence: ['Condition/undated'],
      fact: { code: '72892002', ref: 'Condition/undated' },
    });
    expect(currentPregnancy(undated().condition(pregnant(30, 'dated')).build(), AS_OF)?.evidence).toEqual(['Condition/dated', 'Condition/undated']);
    const twice = woman().condition({ id: 'u2', snomed: '72892002', display: 'Normal pregnancy' }).condition(pregnant(30, 'b')).condition(pregnant(30, 'a')).condition({ id: 'u1', snomed: '72892002', display: 'Normal pregnancy' });
    expect(currentPregnancy(twice.build(), AS_OF)?.evidence).toEqual(['Condition/a', 'Condition/b', 'Condition/u1']);
    expect(currentPregnancy(undated().resource(procedure('old-birth', '66348005', { performedDateTime: daysAgo(700) })).build(), AS_OF)?.evidence).toEqual(['Condition/undated']);
    expect(currentPregnancy(undated().resource(procedure('birth', '66348005', { performedDateTime: daysAgo(20) })).build(), AS_OF)).toBeUndefined();
  });

  it('recognises pregnancy codes for the brief, whatever their dates', () => {
    const chart = woman().condition({ id: 'p2020', snomed: '72892002', display: 'Normal pregnancy', onset: '2020-03-02' }).condition({ id: 'htn', snomed: '38341003', display: 'Hypertension' }).build();
    expect(chart.conditions.filter(isPregnancyCondition).map((c) => c.id)).toEqual(['p2020']);
  });
});

describe('pregnancy tests (hCG)', () => {
  it('yes, with a positive test in the last 60 days, coded, written or as text', () => {
    expect(currentPregnancy(woman().resource(hcg('t1', 10, { code: '10828004' })).build(), AS_OF)).toEqual({
      records: [{ text: `Positive pregnancy test on ${day(10)}`, ref: 'Observation/t1' }],
      evidence: ['Observation/t1'],
      fact: { code: '2106-3', ref: 'Observation/t1', date: day(10) },
    });
    expect(currentPregnancy(woman().resource(hcg('t1', 10, 'Positive')).build(), AS_OF)?.evidence).toEqual(['Observation/t1']);
    expect(currentPregnancy(woman().resource(hcg('t1', 10, { text: 'hCG detected' })).build(), AS_OF)?.evidence).toEqual(['Observation/t1']);
  });

  it('no, when a later test is negative, the positive one is old, or the pregnancy ended since (a delivery after the test)', () => {
    expect(currentPregnancy(woman().resource(hcg('t1', 20, 'Positive')).resource(hcg('t2', 5, { code: '260385009' })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(hcg('t1', 20, 'Positive')).resource(hcg('t2', 5, { text: 'Not detected' })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(hcg('t1', 90, 'Positive')).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(hcg('t1', 30, 'Positive')).resource(procedure('term', '714812005', { performedDateTime: daysAgo(10) })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(hcg('t1', 50, 'Positive')).resource(procedure('birth', '66348005', { performedDateTime: daysAgo(3) })).build(), AS_OF)).toBeUndefined();
  });

  it('skips unreadable, undated and cancelled tests; an unparsed date is said to be unreadable', () => {
    const unreadable = woman()
      .resource(hcg('t1', 20, 'Positive'))
      .resource(hcg('t2', 5, 'see comment'))
      .resource(obs({ id: 't4', loinc: '2106-3', date: daysAgo(4) }))
      .resource(obs({ id: 't3', loinc: '2106-3', date: daysAgo(3), valueString: 'Negative', status: 'cancelled' }))
      .resource(obs({ id: 't5', loinc: '2106-3', valueString: 'Negative' }));
    expect(currentPregnancy(unreadable.build(), AS_OF)?.evidence).toEqual(['Observation/t1']);
    expect(currentPregnancy(woman().resource(obs({ id: 't1', loinc: '2106-3', valueString: 'Positive' })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(obs({ id: 't1', loinc: '2106-3', date: 'May 20, 2026', valueString: 'Positive' })).build(), AS_OF)?.records[0]?.text).toBe('Positive pregnancy test on an unreadable date');
  });

  it('a new positive test after a delivery is a new pregnancy', () => {
    const chart = woman().condition(pregnant(290)).resource(procedure('birth', '66348005', { performedDateTime: daysAgo(200) })).resource(hcg('t1', 7, 'Positive')).build();
    expect(currentPregnancy(chart, AS_OF)?.evidence).toEqual(['Observation/t1']);
  });
});

describe('pregnancy status (LOINC 82810-3)', () => {
  it('yes, "Pregnant" within ~43 weeks, with its date', () => {
    const p = currentPregnancy(woman().resource(status('ps1', 40, ...PREGNANT)).build(), AS_OF);
    expect(p?.records).toEqual([{ text: `Pregnancy status: Pregnant on ${day(40)}`, ref: 'Observation/ps1' }]);
    expect(p?.fact).toEqual({ code: '82810-3', ref: 'Observation/ps1', date: day(40) });
  });

  it('no, when "Pregnant" is over 300 days old, undated, not final, or valued "unknown"', () => {
    expect(currentPregnancy(woman().resource(status('ps1', 320, ...PREGNANT)).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(status('ps1', undefined, ...PREGNANT)).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(status('ps1', 10, ...PREGNANT, { status: 'preliminary' })).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(status('ps1', 10, '261665006', 'Unknown')).build(), AS_OF)).toBeUndefined();
  });

  it('"Not pregnant" ends an earlier problem, test or status; an earlier "Not pregnant" does not end a later one', () => {
    expect(currentPregnancy(woman().condition(pregnant(60)).resource(status('ps1', 5, ...NOT_PREGNANT)).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(hcg('t1', 20, 'Positive')).resource(status('ps1', 5, ...NOT_PREGNANT)).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(status('ps0', 50, ...PREGNANT)).resource(status('ps1', 5, ...NOT_PREGNANT)).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(status('ps0', 50, ...NOT_PREGNANT)).resource(status('ps1', 5, ...PREGNANT)).build(), AS_OF)?.evidence).toEqual(['Observation/ps1']);
  });

  it('decides by the SNOMED CT code only: a status valued by text alone decides nothing', () => {
    const uncoded = status('ps1', 5, 'x', 'Pregnant');
    uncoded.valueCodeableConcept = { text: 'Pregnant' };
    expect(currentPregnancy(woman().resource(uncoded).build(), AS_OF)).toBeUndefined();
    const undisplayed = status('ps1', 5, ...PREGNANT);
    undisplayed.valueCodeableConcept = { coding: [{ system: 'http://snomed.info/sct', code: '77386006' }] };
    expect(currentPregnancy(woman().resource(undisplayed).build(), AS_OF)?.records[0]?.text).toBe(`Pregnancy status: Pregnant on ${day(5)}`);
  });
});

describe('estimated delivery date (LOINC 11778-8)', () => {
  it('yes, with an EDD ahead, naming the date and the weeks of gestation it implies', () => {
    const p = currentPregnancy(woman().resource(edd('edd1', 30, 154)).build(), AS_OF);
    expect(p).toEqual({
      records: [{ text: `Estimated delivery date ${day(-154)} (recorded ${day(30)})`, ref: 'Observation/edd1' }],
      evidence: ['Observation/edd1'],
      fact: { code: '11778-8', ref: 'Observation/edd1', date: day(30) },
      edd: day(-154),
      weeks: 18,
    });
  });

  it('yes, up to 14 days past the EDD (post-term), no later; an EDD over 300 days ahead is not a current pregnancy', () => {
    expect(currentPregnancy(woman().resource(edd('edd1', 250, -10)).build(), AS_OF)?.weeks).toBe(41);
    expect(currentPregnancy(woman().resource(edd('edd1', 250, -20)).build(), AS_OF)).toBeUndefined();
    expect(currentPregnancy(woman().resource(edd('edd1', 1, 400)).build(), AS_OF)).toBeUndefined();
  });

  it('an undated EDD stands from 280 days before it; a date given as valueString is read; a partial date is not', () => {
    expect(currentPregnancy(woman().resource(edd('edd1', undefined, 100)).build(), AS_OF)?.records[0]?.text).toBe(`Estimated delivery date ${day(-100)}`);
    const asString = edd('edd1', 10, 100);
    delete asString.valueDateTime;
    asString.valueString = day(-100);
    expect(currentPregnancy(woman().resource(asString).build(), AS_OF)?.edd).toBe(day(-100));
    expect(currentPregnancy(woman().resource(edd('edd1', 10, 100, { valueDateTime: '2026-11' })).build(), AS_OF)).toBeUndefined();
  });

  it('a delivery after the EDD was recorded ends it', () => {
    expect(currentPregnancy(woman().resource(edd('edd1', 200, 60)).resource(procedure('birth', '66348005', { performedDateTime: daysAgo(2) })).build(), AS_OF)).toBeUndefined();
  });

  it('names at most three records, newest first, plus the EDD when it is older', () => {
    const chart = woman()
      .resource(edd('edd1', 120, 150))
      .condition(pregnant(100, 'p1'))
      .resource(status('ps1', 60, ...PREGNANT))
      .resource(status('ps2', 30, ...PREGNANT))
      .resource(hcg('t1', 110, 'Positive'))
      .resource(status('ps3', 10, ...PREGNANT))
      .build();
    const p = currentPregnancy(chart, AS_OF);
    expect(p?.evidence).toEqual(['Observation/ps3', 'Observation/ps2', 'Observation/ps1', 'Observation/edd1']);
    expect(p?.fact.ref).toBe('Observation/ps3');
    expect(p?.weeks).toBe(18);
  });
});
