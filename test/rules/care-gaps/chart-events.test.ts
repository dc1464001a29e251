import { ChartEvents } from '../../../src/rules/care-gaps/chart-events';
import { AS_OF, directChart, labResult, LOINC, procedure, report, SNOMED } from './care-gap-kit';

// The dated events a care gap can be met by, as the checks ask for them: newest first, each once;
// among equally new events, procedures before results before reports, each in chart order.

const HBA1C = '4548-4';
const SAME_TIME = '2026-05-01T08:00:00Z';

function events(...resources: Parameters<typeof directChart>[1]): ChartEvents {
  return new ChartEvents(directChart({ birthDate: '1960-01-01' }, resources), AS_OF);
}

describe('chart events', () => {
  it('keeps final, dated results taken up to asOf, newest first, an observation with two of the codes once', () => {
    const e = events(
      labResult('old', HBA1C, '2025-01-01'),
      labResult('new', HBA1C, '2026-04-01', { code: { coding: [{ system: LOINC, code: HBA1C }, { system: LOINC, code: '17856-6' }] } }),
      labResult('future', HBA1C, '2026-07-01'),
      labResult('prelim', HBA1C, '2026-05-01', { status: 'preliminary' }),
      labResult('undated', HBA1C, 'spring'),
    );
    const codes = { loinc: [HBA1C, '17856-6'] };
    expect(e.matching(codes).map((x) => x.ref)).toEqual(['Observation/new', 'Observation/old']);
    expect(e.observations(codes)).toEqual(e.matching(codes));
    expect(e.latest(codes)?.ref).toBe('Observation/new');
    expect(e.latest({ loinc: ['0000-0'] })).toBeUndefined();
  });

  it('lists, among equally new events, procedures first, then results, then reports; latest agrees with matching', () => {
    const code = { system: LOINC, code: HBA1C };
    const e = events(report('r', HBA1C, SAME_TIME), labResult('o2', HBA1C, SAME_TIME), labResult('o1', HBA1C, SAME_TIME), procedure('p', code, SAME_TIME));
    expect(e.matching({ loinc: [HBA1C] }).map((x) => x.ref)).toEqual(['Procedure/p', 'Observation/o2', 'Observation/o1', 'DiagnosticReport/r']);
    expect(e.latest({ loinc: [HBA1C] })?.ref).toBe('Procedure/p');
    expect(e.observations({ loinc: [HBA1C] }).map((x) => x.ref)).toEqual(['Observation/o2', 'Observation/o1']);
    const later = events(labResult('o', HBA1C, SAME_TIME), report('r', HBA1C, '2026-05-02'));
    expect(later.latest({ loinc: [HBA1C] })?.ref).toBe('DiagnosticReport/r');
  });

  it('finds a result by any system a code set names, and the first code set listed wins a tie', () => {
    const snomedCoded = labResult('s', HBA1C, SAME_TIME, { code: { coding: [{ system: SNOMED, code: '43396009' }] } });
    const e = events(labResult('l', HBA1C, SAME_TIME), snomedCoded);
    expect(e.latest({ loinc: [HBA1C], snomed: ['43396009'] })?.ref).toBe('Observation/s');
    expect(e.matching({ loinc: [HBA1C], snomed: ['43396009'] }).map((x) => x.ref)).toEqual(['Observation/s', 'Observation/l']);
  });
});
