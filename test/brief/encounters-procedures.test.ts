import type { Encounter, Procedure } from 'fhir/r4';
import type { Brief, Statement } from '../../src/brief/brief';
import { FULL_LIMITS } from '../../src/brief/embedded/bounds';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { ChartBuilder } from '../support/chart-builder';

const AS_OF = new Date('2021-06-01T00:00:00Z');
const SNOMED = 'http://snomed.info/sct';

function section(brief: Brief, name: 'encounters' | 'procedures'): Statement[] | undefined {
  return brief.sections.find((s) => s.name === name)?.statements;
}

interface EncounterSpec extends Partial<Omit<Encounter, 'type'>> {
  type?: string;
  cls?: string;
}

function encounter(id: string, start: string, spec: EncounterSpec = {}): Encounter {
  const { type, cls, ...rest } = spec;
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: cls ?? 'AMB' },
    ...(type !== undefined && { type: [{ coding: [{ system: SNOMED, code: '185349003', display: type }], text: type }] }),
    subject: { reference: 'Patient/p1' },
    period: { start, end: start },
    ...rest,
  };
}

function procedure(id: string, date: string, code: string, display: string, rest: Partial<Procedure> = {}): Procedure {
  return {
    resourceType: 'Procedure',
    id,
    status: 'completed',
    code: { coding: [{ system: SNOMED, code, display }], text: display },
    subject: { reference: 'Patient/p1' },
    performedPeriod: { start: date, end: date },
    ...rest,
  };
}

describe('recent encounters (full brief)', () => {
  it('lists the last encounters newest first with date, type, class and reason, citing the Encounter and its reason Condition', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .condition({ id: 'bronchitis', snomed: '10509002', display: 'Acute bronchitis (disorder)', onset: '2021-03-10' })
      .resource(encounter('e-old', '2020-01-15T09:00:00Z', { type: 'Encounter for check up (procedure)' }))
      .resource(encounter('e-sick', '2021-03-10T09:00:00Z', { type: 'Encounter for symptom', reasonReference: [{ reference: 'Condition/bronchitis' }] }))
      .resource(
        encounter('e-er', '2021-04-02T22:00:00Z', {
          type: 'Emergency room admission (procedure)',
          cls: 'EMER',
          reasonCode: [{ coding: [{ system: SNOMED, code: '29857009', display: 'Chest pain (finding)' }] }],
        }),
      )
      .resource(encounter('e-stay', '2021-05-01T10:00:00Z', { type: 'Encounter Inpatient', cls: 'IMP', period: { start: '2021-05-01T10:00:00Z', end: '2021-05-04T12:00:00Z' } }))
      .build();
    expect(section(summarizeChart(chart, AS_OF, FULL_LIMITS), 'encounters')).toEqual([
      { text: '2021-05-01 to 2021-05-04: Encounter Inpatient', evidence: ['Encounter/e-stay'] },
      { text: '2021-04-02: Emergency room admission, for Chest pain', evidence: ['Encounter/e-er'] },
      { text: '2021-03-10: Encounter for symptom (ambulatory), for Acute bronchitis', evidence: ['Encounter/e-sick', 'Condition/bronchitis'] },
      { text: '2020-01-15: Encounter for check up (ambulatory)', evidence: ['Encounter/e-old'] },
    ]);
  });

  it('leaves out planned, cancelled, entered-in-error and future encounters, and says an ongoing one is ongoing', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .resource(encounter('planned', '2021-05-20', { status: 'planned', type: 'Follow-up encounter' }))
      .resource(encounter('cancelled', '2021-05-10', { status: 'cancelled', type: 'Follow-up encounter' }))
      .resource(encounter('error', '2021-05-11', { status: 'entered-in-error', type: 'Follow-up encounter' }))
      .resource(encounter('future', '2021-07-01', { type: 'Follow-up encounter' }))
      .resource(encounter('now', '2021-05-31T08:00:00Z', { status: 'in-progress', type: 'Encounter Inpatient', cls: 'IMP', period: { start: '2021-05-31T08:00:00Z' } }))
      .build();
    expect(section(summarizeChart(chart, AS_OF, FULL_LIMITS), 'encounters')).toEqual([
      { text: '2021-05-31: Encounter Inpatient, ongoing', evidence: ['Encounter/now'] },
    ]);
  });

  it('keeps the last five and counts the rest; says "No past encounters recorded" only from a list read in full', () => {
    const builder = new ChartBuilder({ id: 'p1' });
    for (let i = 1; i <= 9; i++) builder.resource(encounter(`e${i}`, `2021-0${i < 6 ? i : 5}-0${i}`, { type: 'Follow-up encounter' }));
    const full = summarizeChart(builder.build(), AS_OF, FULL_LIMITS);
    expect(section(full, 'encounters')).toHaveLength(FULL_LIMITS.encounters);
    expect(full.sections.find((s) => s.name === 'encounters')?.omitted).toBe(9 - FULL_LIMITS.encounters);

    const none = new ChartBuilder({ id: 'p1' }).build();
    expect(section(summarizeChart(none, AS_OF, FULL_LIMITS), 'encounters')).toEqual([{ text: 'No past encounters recorded', evidence: ['Patient/p1'] }]);
    const failed = new ChartBuilder({ id: 'p1' }).section('encounters', { state: 'failed', source: 'fhir', reason: 'FHIR server answered 503' }).build();
    const brief = summarizeChart(failed, AS_OF, FULL_LIMITS);
    expect(section(brief, 'encounters')).toBeUndefined();
    expect(section(brief, 'procedures')).toEqual([{ text: 'No procedures recorded', evidence: ['Patient/p1'] }]);
    expect(brief.sections.find((s) => s.name === 'unavailable')?.statements.map((s) => s.text)).toEqual(['Encounters unavailable: FHIR server answered 503']);
  });
});

describe('notable procedures (full brief)', () => {
  it('lists procedures newest first, merges repeats citing the last and the first, and leaves out routine documentation and screening', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .condition({ id: 'copd', snomed: '185086009', display: 'Chronic obstructive bronchitis (disorder)', onset: '2015-01-01' })
      .resource(procedure('spiro-1', '2017-03-05T10:00:00Z', '127783003', 'Spirometry (procedure)', { reasonReference: [{ reference: 'Condition/copd' }] }))
      .resource(procedure('spiro-2', '2019-03-05T10:00:00Z', '127783003', 'Spirometry (procedure)', { reasonReference: [{ reference: 'Condition/copd' }] }))
      .resource(procedure('spiro-3', '2021-03-13T10:00:00Z', '127783003', 'Spirometry (procedure)', { reasonReference: [{ reference: 'Condition/copd' }] }))
      .resource(procedure('colo', '2020-04-01T10:00:00Z', '73761001', 'Colonoscopy'))
      .resource(procedure('meds-doc', '2021-05-01T10:00:00Z', '428191000124101', 'Documentation of current medications'))
      .resource(procedure('phq', '2021-05-01T10:00:00Z', '171207006', 'Depression screening'))
      .build();
    expect(section(summarizeChart(chart, AS_OF, FULL_LIMITS), 'procedures')).toEqual([
      { text: 'Spirometry: last 2021-03-13, first 2017-03-05 (for Chronic obstructive bronchitis)', evidence: ['Procedure/spiro-3', 'Procedure/spiro-1', 'Condition/copd'] },
      { text: 'Colonoscopy, 2020-04-01', evidence: ['Procedure/colo'] },
    ]);
  });

  it('states nothing from procedures not done, entered in error or in the future', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .resource(procedure('not-done', '2021-01-01', '73761001', 'Colonoscopy', { status: 'not-done' }))
      .resource(procedure('error', '2021-01-02', '232717009', 'Coronary artery bypass grafting', { status: 'entered-in-error' }))
      .resource(procedure('future', '2021-08-01', '90470006', 'Prostatectomy', { status: 'preparation' }))
      .resource(procedure('cabg', '2021-02-01', '232717009', 'Coronary artery bypass grafting', { status: 'in-progress', performedPeriod: { start: '2021-02-01' } }))
      .build();
    expect(section(summarizeChart(chart, AS_OF, FULL_LIMITS), 'procedures')).toEqual([
      { text: 'Coronary artery bypass grafting, 2021-02-01, in progress', evidence: ['Procedure/cabg'] },
    ]);
  });
});

describe('the card and the full brief', () => {
  it('leaves encounters and procedures to the full brief: the card brief has neither', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .resource(encounter('e1', '2021-05-01', { type: 'Follow-up encounter' }))
      .resource(procedure('colo', '2020-04-01', '73761001', 'Colonoscopy'))
      .build();
    const card = summarizeChart(chart, AS_OF);
    expect(card.sections.map((s) => s.name)).not.toEqual(expect.arrayContaining(['encounters']));
    expect(card.sections.map((s) => s.name)).not.toEqual(expect.arrayContaining(['procedures']));
    expect(summarizeChart(chart, AS_OF, FULL_LIMITS).sections.map((s) => s.name)).toEqual(expect.arrayContaining(['encounters', 'procedures']));
  });
});
