import type { Brief, BriefSection, BriefSectionName, StatementPriority } from '../../src/brief/brief';
import { CARD_DETAIL_LINES, CARD_LIMITS, detailLineCount, fitToLineBudget, sectionLimit } from '../../src/brief/embedded/bounds';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { briefMarkdown, buildBriefCard } from '../../src/cards/brief-card';
import { ChartBuilder } from '../support/chart-builder';

// What the card shows first: lines go by clinical importance (critical and abnormal results,
// severe allergies, high-alert and interacting drugs) before section order.

const AS_OF = new Date('2024-06-01T12:00:00Z');
const cardQuota = (name: BriefSectionName): number => sectionLimit(CARD_LIMITS, name);

/** `marked` statements with `priority` first, then `plain` ones. */
function section(name: BriefSectionName, marked: number, plain: number, priority: StatementPriority = 'high'): BriefSection {
  const statements = [
    ...Array.from({ length: marked }, (_, i) => ({ text: `${name} marked ${i + 1}`, evidence: [`Observation/${name}-m${i + 1}`], priority })),
    ...Array.from({ length: plain }, (_, i) => ({ text: `${name} ${i + 1}`, evidence: [`Observation/${name}-${i + 1}`] })),
  ];
  return { name, title: name, statements };
}

function brief(...sections: BriefSection[]): Brief {
  return { headline: { text: '70 F', evidence: ['Patient/p1'] }, sections, provenance: { provider: 'embedded' } };
}

function kept(b: Brief): Record<string, [number, number, number]> {
  return Object.fromEntries(b.sections.map((s) => [s.name, [s.statements.length, s.omitted ?? 0, s.omittedPriority ?? 0]]));
}

describe('the card line budget by clinical importance', () => {
  it('keeps every abnormal result beyond the section quota, up to 6 across labs and vitals, then counts the rest as abnormal', () => {
    const fitted = fitToLineBudget(
      brief(section('problems', 0, 10), section('medications', 2, 8), section('labs', 7, 4), section('vitals', 1, 4)),
      CARD_DETAIL_LINES,
      cardQuota,
    );
    // 4 titles + 2 drugs + 6 results (round-robin: labs 5, vitals 1); then ordinary lines round-robin
    // while sections are under their quotas (labs and vitals are already over theirs).
    expect(kept(fitted)).toEqual({ problems: [3, 7, 0], medications: [4, 6, 0], labs: [5, 6, 2], vitals: [1, 4, 0] });
    expect(detailLineCount(fitted)).toBe(CARD_DETAIL_LINES);
    expect(briefMarkdown(fitted)).toContain('**labs** (+2 more abnormal, +4 more)');
  });

  it('never shows an ordinary line while a marked one of another section is cut', () => {
    const fitted = fitToLineBudget(brief(section('problems', 0, 6), section('medications', 5, 0), section('allergies', 2, 3)), 12, cardQuota);
    // 3 titles + 7 marked = 11 lines; one ordinary line left, for the first section in order.
    expect(kept(fitted)).toEqual({ problems: [1, 5, 0], medications: [5, 0, 0], allergies: [2, 3, 0] });
  });

  it('gives critical statements their lines before the high ones when the budget is tight', () => {
    const fitted = fitToLineBudget(brief(section('medications', 4, 0), section('allergies', 1, 0, 'critical'), section('labs', 4, 0)), 7, cardQuota);
    // 3 titles; the anaphylaxis first; then high ones round-robin: a drug, a lab.
    expect(kept(fitted)).toEqual({ medications: [1, 3, 3], allergies: [1, 0, 0], labs: [1, 3, 3] });
    expect(briefMarkdown(fitted)).toContain('**medications** (+3 more high-alert or interacting)');
    expect(briefMarkdown(fitted)).toContain('**labs** (+3 more abnormal)');
  });

  it('changes nothing in a brief that fits, marked or not', () => {
    const small = brief(section('problems', 0, 2), section('labs', 2, 1), section('allergies', 1, 0, 'critical'));
    expect(fitToLineBudget(small, CARD_DETAIL_LINES, cardQuota)).toEqual(small);
  });
});

describe('the embedded card brief', () => {
  function busy(): ChartBuilder {
    const b = new ChartBuilder({ id: 'p1', birthDate: '1950-01-01', gender: 'male' });
    for (let i = 0; i < 8; i++) b.condition({ id: `c${i}`, snomed: String(2000000 + i), display: `Problem ${i} (disorder)`, onset: `2010-01-${10 + i}` });
    for (let i = 0; i < 6; i++) b.medication({ id: `m${i}`, name: `Drug ${i} 10 MG Oral Tablet`, dosage: '1 tablet daily' });
    return b;
  }

  it('states a high-alert and an interacting drug before drugs listed earlier, and keeps them on the card', () => {
    const chart = busy()
      .medication({ id: 'dig', name: 'Digoxin 0.125 MG Oral Tablet' })
      .medication({ id: 'ver', name: 'Verapamil Hydrochloride 40 MG Oral Tablet' })
      .medication({ id: 'war', name: 'Warfarin Sodium 5 MG Oral Tablet' })
      .build();
    const b = summarizeChart(chart, AS_OF, CARD_LIMITS, { interactingOrders: ['MedicationRequest/dig', 'MedicationRequest/ver'] });
    const meds = b.sections.find((s) => s.name === 'medications');
    expect(meds?.statements.slice(0, 3).map((s) => s.evidence[0])).toEqual(['MedicationRequest/war', 'MedicationRequest/dig', 'MedicationRequest/ver']);
    expect(meds?.statements.slice(0, 3).map((s) => s.priority)).toEqual(['high', 'high', 'high']);
    // Without the rules' word, digoxin and verapamil are ordinary drugs, listed by name.
    const plain = summarizeChart(chart, AS_OF).sections.find((s) => s.name === 'medications');
    expect(plain?.statements.filter((s) => s.priority).map((s) => s.evidence[0])).toEqual(['MedicationRequest/war']);
  });

  it('puts a severe allergy first even when it is recorded as low criticality, naming the anaphylaxis first', () => {
    const chart = busy()
      .allergy({ id: 'mold', display: 'Mold (organism)', criticality: 'low', reaction: 'Nose running' })
      .allergy({ id: 'pen', display: 'Penicillin V', criticality: 'low', reaction: 'Hives' })
      .resource({
        resourceType: 'AllergyIntolerance',
        id: 'nut',
        patient: { reference: 'Patient/p1' },
        criticality: 'low',
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
        code: { coding: [{ system: 'http://snomed.info/sct', code: '442571000124108', display: 'Tree nut (substance)' }], text: 'Tree nut (substance)' },
        reaction: [
          { manifestation: [{ coding: [{ system: 'http://snomed.info/sct', code: '247472004', display: 'Wheal (finding)' }] }] },
          { manifestation: [{ coding: [{ system: 'http://snomed.info/sct', code: '39579001', display: 'Anaphylaxis (disorder)' }] }] },
        ],
      })
      .build();
    const allergies = summarizeChart(chart, AS_OF).sections.find((s) => s.name === 'allergies');
    expect(allergies?.statements[0]).toEqual({ text: 'Tree nut: Anaphylaxis; Wheal; low criticality', evidence: ['AllergyIntolerance/nut'], priority: 'critical' });
    expect(allergies?.statements.slice(1).every((s) => s.priority === undefined)).toBe(true);
  });

  it('states an abnormal BP before "No vital signs in the last 12 months", and the card keeps it', () => {
    const chart = busy()
      .resource({
        resourceType: 'Observation',
        id: 'bp',
        status: 'final',
        subject: { reference: 'Patient/p1' },
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        effectiveDateTime: '2022-03-11',
        component: [
          { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 175, unit: 'mm[Hg]', code: 'mm[Hg]' } },
          { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 111, unit: 'mm[Hg]', code: 'mm[Hg]' } },
        ],
      })
      .observation({ id: 'hr', loinc: '8867-4', value: 72, unit: '/min', date: '2022-03-11', category: 'vital-signs' })
      .build();
    const vitals = summarizeChart(chart, AS_OF).sections.find((s) => s.name === 'vitals');
    expect(vitals?.statements.map((s) => s.text)).toEqual(['BP 175/111 mmHg (H, 2022-03-11)']);
    expect(vitals?.omitted).toBe(2);
    const detail = buildBriefCard(summarizeChart(chart, AS_OF), { appLaunchUrl: 'https://x.example/launch', uuid: () => 'u' }).detail ?? '';
    expect(detail).toContain('BP 175/111 mmHg (H, 2022-03-11)');
  });

  it('does not rank an abnormal value a year older than the newest results of its kind', () => {
    const chart = busy()
      .observation({ id: 't-old', loinc: '8310-5', value: 38.4, unit: 'Cel', date: '2014-03-22', category: 'vital-signs' })
      .observation({ id: 'hr', loinc: '8867-4', value: 72, unit: '/min', date: '2024-05-01', category: 'vital-signs' })
      .build();
    const vitals = summarizeChart(chart, AS_OF, { ...CARD_LIMITS, vitals: 5 }).sections.find((s) => s.name === 'vitals');
    expect(vitals?.statements.map((s) => [s.text, s.priority])).toEqual([
      ['Heart rate 72/min (2024-05-01)', undefined],
      ['Temperature 38.4 °C (H, 2014-03-22)', undefined],
    ]);
  });

  it('leaves out the sections another card of the response shows', () => {
    const chart = busy().build();
    const gaps: BriefSection = { name: 'care-gaps', title: 'Care gaps', statements: [{ text: 'Flu vaccine due', evidence: ['Patient/p1'] }] };
    expect(summarizeChart(chart, AS_OF, CARD_LIMITS, { extraSections: [gaps] }).sections.map((s) => s.name)).toContain('care-gaps');
    expect(summarizeChart(chart, AS_OF, CARD_LIMITS, { extraSections: [gaps], omitSections: ['care-gaps'] }).sections.map((s) => s.name)).not.toContain('care-gaps');
  });
});
