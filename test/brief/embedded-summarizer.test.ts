import type { Medication, MedicationRequest } from 'fhir/r4';
import type { Brief, BriefSectionName } from '../../src/brief/brief';
import { CARD_DETAIL_LINES, detailLineCount, FULL_LIMITS } from '../../src/brief/embedded/bounds';
import { EmbeddedSummarizer, summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import type { Chart } from '../../src/chart/chart';
import { ChartBuilder } from '../support/chart-builder';

const AS_OF = new Date('2024-06-01T12:00:00Z');

function texts(brief: Brief, section: BriefSectionName): string[] {
  return brief.sections.find((s) => s.name === section)?.statements.map((s) => s.text) ?? [];
}

function allStatements(brief: Brief): { text: string; evidence: string[] }[] {
  return [brief.headline, ...brief.sections.flatMap((s) => s.statements)];
}

/** A 78-year-old woman with AF on warfarin and CKD 4: the cards.md example. */
function afPatient(): ChartBuilder {
  return new ChartBuilder({ id: 'p1', birthDate: '1946-02-01', gender: 'female' })
    .condition({ id: 'af', snomed: '49436004', display: 'Atrial fibrillation (disorder)', onset: '2015-03-02' })
    .condition({ id: 'ckd4', snomed: '431857002', display: 'Chronic kidney disease stage 4 (disorder)', onset: '2021-09-10' })
    .condition({ id: 'sinus', snomed: '40055000', display: 'Chronic sinusitis (disorder)', onset: '2010-01-01' })
    .medication({ id: 'warf', name: 'Warfarin Sodium 5 MG Oral Tablet', dosage: '5 mg by mouth once daily', reasons: ['Condition/af'] })
    .medication({ id: 'amlo', name: 'Amlodipine 5 MG Oral Tablet' })
    .allergy({ id: 'pcn', display: 'Penicillin', criticality: 'high', reaction: 'Hives' })
    .observation({ id: 'cr-old', loinc: '2160-0', value: 1.8, unit: 'mg/dL', date: '2023-11-02T09:00:00Z' })
    .observation({ id: 'cr-new', loinc: '2160-0', value: 2.14, unit: 'mg/dL', date: '2024-05-20T09:00:00Z' })
    .observation({ id: 'k', loinc: '2823-3', value: 4.4, unit: 'mmol/L', date: '2024-05-20T09:00:00Z' })
    .observation({ id: 'hr', loinc: '8867-4', value: 72, unit: '/min', date: '2024-05-20T09:00:00Z', category: 'vital-signs' });
}

function summarize(chart: Chart): Brief {
  return summarizeChart(chart, AS_OF);
}

describe('the embedded summarizer', () => {
  it('leads with age, sex and the problems that matter most, pairing a high-alert drug with its indication', () => {
    const brief = summarize(afPatient().build());
    expect(brief.headline.text).toBe('78 F · AF on warfarin · CKD 4 · Chronic sinusitis');
    expect(brief.headline.evidence).toEqual(['Patient/p1', 'Condition/af', 'MedicationRequest/warf', 'Condition/ckd4', 'Condition/sinus']);
  });

  it('cites, in every statement, resources that exist in the chart', () => {
    const chart = afPatient().build();
    for (const s of allStatements(summarize(chart))) {
      expect(s.evidence.length).toBeGreaterThan(0);
      for (const ref of s.evidence) expect(chart.has(ref)).toBe(true);
    }
  });

  it('lists active problems most important first with onset, leaving out resolved, inactive, abated, refuted and status-less ones', () => {
    const chart = afPatient()
      .condition({ id: 'old-pna', display: 'Pneumonia (disorder)', status: 'resolved' })
      .condition({ id: 'inactive', display: 'Gout (disorder)', status: 'inactive' })
      .condition({ id: 'abated', display: 'Sprain of ankle (disorder)', abatement: '2020-01-01' })
      .condition({ id: 'refuted', display: 'Pulmonary embolism (disorder)', verification: 'refuted' })
      .resource({ resourceType: 'Condition', id: 'nostatus', subject: { reference: 'Patient/p1' }, code: { text: 'Lupus' } })
      .build();
    expect(texts(summarize(chart), 'problems')).toEqual([
      'Atrial fibrillation (since 2015-03-02)',
      'Chronic kidney disease stage 4 (since 2021-09-10)',
      'Chronic sinusitis (since 2010-01-01)',
    ]);
  });

  it('merges duplicate Conditions of one concept into one problem citing all of them', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .condition({ id: 'htn-a', snomed: '59621000', display: 'Essential hypertension (disorder)', onset: '2001-01-01' })
      .condition({ id: 'htn-b', snomed: '59621000', display: 'Essential hypertension (disorder)', onset: '2005-01-01' })
      .build();
    const problems = summarize(chart).sections.find((s) => s.name === 'problems')?.statements;
    expect(problems).toEqual([{ text: 'Essential hypertension (since 2001-01-01)', evidence: ['Condition/htn-a', 'Condition/htn-b'] }]);
  });

  it('lists active medications with the dose from dosageInstruction, excluding stopped, completed and do-not-perform orders', () => {
    const chart = afPatient()
      .medication({ id: 'stopped', name: 'Ibuprofen 400 MG Oral Tablet', status: 'stopped' })
      .medication({ id: 'done', name: 'Amoxicillin 500 MG Oral Capsule', status: 'completed' })
      .medication({ id: 'dnp', name: 'Aspirin 81 MG Oral Tablet', doNotPerform: true })
      .medication({
        id: 'metf',
        name: 'Metformin 500 MG Oral Tablet',
        dosage: {
          doseAndRate: [{ doseQuantity: { value: 500, unit: 'mg' } }],
          route: { text: 'oral' },
          timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
        },
      })
      .build();
    const brief = summarize(chart);
    expect(texts(brief, 'medications')).toEqual([
      'For Atrial fibrillation: Warfarin Sodium 5 MG Oral Tablet — 5 mg by mouth once daily',
      'Amlodipine 5 MG Oral Tablet — dose not recorded',
      'Metformin 500 MG Oral Tablet — 500 mg oral twice daily',
    ]);
    const warfarin = brief.sections.find((s) => s.name === 'medications')?.statements[0];
    expect(warfarin?.evidence).toEqual(['MedicationRequest/warf', 'Condition/af']);
  });

  it('cites the containing MedicationRequest, not a lifted contained Medication the EHR cannot open', () => {
    const apixaban: Medication = { resourceType: 'Medication', id: 'm', code: { text: 'apixaban 5 mg tablet' } };
    const request: MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: 'epic-1',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      contained: [apixaban],
      medicationReference: { reference: '#m' },
    };
    const chart = new ChartBuilder({ id: 'p1' }).resource(request).build();
    const meds = summarize(chart).sections.find((s) => s.name === 'medications')?.statements;
    expect(meds).toEqual([{ text: 'apixaban 5 mg tablet — dose not recorded', evidence: ['MedicationRequest/epic-1'], priority: 'high' }]);
  });

  it('states the latest value of each key lab with unit, flag, date and its trend from the previous value', () => {
    const brief = summarize(afPatient().build());
    expect(texts(brief, 'labs')).toEqual([
      'Creatinine 1.8 → 2.14 mg/dL over 6 months (H, 2024-05-20)',
      'Potassium 4.4 mmol/L (2024-05-20)',
    ]);
    expect(brief.sections.find((s) => s.name === 'labs')?.statements[0]?.evidence).toEqual(['Observation/cr-new', 'Observation/cr-old']);
    expect(texts(brief, 'vitals')).toEqual(['Heart rate 72/min (2024-05-20)']);
  });

  it("lets the EHR's own interpretation win over the reference table", () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .observation({ id: 'cr', loinc: '2160-0', value: 2.1, unit: 'mg/dL', date: '2024-05-20', interpretation: 'N' })
      .build();
    expect(texts(summarize(chart), 'labs')).toEqual(['Creatinine 2.1 mg/dL (2024-05-20)']);
  });

  it('says when there are no labs or vital signs in the last 12 months, citing the patient', () => {
    const chart = new ChartBuilder({ id: 'p1' })
      .observation({ id: 'k', loinc: '2823-3', value: 4.1, unit: 'mmol/L', date: '2022-01-05' })
      .build();
    const labs = summarize(chart).sections.find((s) => s.name === 'labs')?.statements;
    expect(labs?.[0]).toEqual({ text: 'No labs in the last 12 months', evidence: ['Patient/p1'] });
    expect(labs?.[1]?.text).toBe('Potassium 4.1 mmol/L (2022-01-05)');
    expect(texts(summarize(chart), 'vitals')).toEqual(['No vital signs recorded']);
  });

  it('counts any recent result in the category, key or not, and nothing outside it, against "no labs in the last 12 months"', () => {
    const old = (b: ChartBuilder): ChartBuilder => b.observation({ id: 'k', loinc: '2823-3', value: 4.1, unit: 'mmol/L', date: '2022-01-05' });
    // 2885-2 Protein [Mass/volume] in Serum or Plasma: no row of the brief, but a lab by its category.
    const protein = { id: 'prot', loinc: '2885-2', value: 7.1, unit: 'g/dL', date: '2024-03-01' } as const;
    const withRecentLab = old(new ChartBuilder({ id: 'p1' })).observation(protein).build();
    expect(texts(summarize(withRecentLab), 'labs')).toEqual(['Potassium 4.1 mmol/L (2022-01-05)']);
    const recentVital = old(new ChartBuilder({ id: 'p1' })).observation({ ...protein, category: 'vital-signs' }).build();
    expect(texts(summarize(recentVital), 'labs')).toEqual(['No labs in the last 12 months', 'Potassium 4.1 mmol/L (2022-01-05)']);
    const cancelled = old(new ChartBuilder({ id: 'p1' })).observation({ ...protein, status: 'cancelled' }).build();
    expect(texts(summarize(cancelled), 'labs')[0]).toBe('No labs in the last 12 months');
  });

  it('states unavailable sections and claims no absence from them', () => {
    const chart = afPatient()
      .section('medications', { state: 'failed', source: 'fhir', reason: 'FHIR server answered 500' })
      .section('allergies', { state: 'missing', source: 'none' })
      .section('labs', { state: 'complete', source: 'fhir', truncated: true, reason: 'page limit reached' })
      .build();
    const brief = summarize(chart);
    expect(brief.headline.text).toBe('78 F · medications unavailable · AF · CKD 4 · Chronic sinusitis');
    expect(texts(brief, 'unavailable')).toEqual([
      'Medications unavailable: FHIR server answered 500',
      'Allergies unavailable: not provided',
      'Labs incomplete: page limit reached',
    ]);
    expect(texts(brief, 'medications')).toEqual([]);
    expect(texts(brief, 'allergies')).toEqual([]);
    expect(texts(brief, 'labs').some((t) => t.startsWith('No '))).toBe(false);
  });

  it('cites a recorded "no known allergy" and tells it apart from an empty allergy list', () => {
    const nka = new ChartBuilder({ id: 'p1' })
      .allergy({ id: 'nka', snomed: '716186003', display: 'No known allergy', recordedDate: '2023-04-01' })
      .build();
    expect(summarize(nka).sections.find((s) => s.name === 'allergies')?.statements).toEqual([
      { text: 'No known allergy (recorded 2023-04-01)', evidence: ['AllergyIntolerance/nka'] },
    ]);
    const empty = new ChartBuilder({ id: 'p1' }).build();
    expect(texts(summarize(empty), 'allergies')).toEqual(['No allergy record: neither allergies nor "no known allergies" documented']);
  });

  it('lists allergies with reaction and criticality, leaving out refuted and resolved ones', () => {
    const chart = afPatient()
      .allergy({ id: 'refuted', display: 'Latex', verification: 'refuted' })
      .allergy({ id: 'gone', display: 'Eggs', status: 'resolved' })
      .build();
    expect(texts(summarize(chart), 'allergies')).toEqual(['Penicillin: Hives; high criticality']);
  });

  it('gives a deceased patient the age at death and no "last 12 months" claims', () => {
    const chart = new ChartBuilder({ id: 'p1', birthDate: '1930-05-10', gender: 'male', deceasedDateTime: '2007-04-22T03:44:08-04:00' })
      .observation({ id: 'k', loinc: '2823-3', value: 4.1, unit: 'mmol/L', date: '2007-04-01' })
      .build();
    const brief = summarize(chart);
    expect(brief.headline.text).toBe('76 M, died 2007-04-22');
    expect(texts(brief, 'labs')).toEqual(['Potassium 4.1 mmol/L (2007-04-01)']);
  });

  it('keeps a huge chart to a bounded full brief that counts what it left out, and a card within its line budget', () => {
    const builder = new ChartBuilder({ id: 'p1', birthDate: '1950-01-01' });
    for (let i = 0; i < 500; i++) builder.condition({ id: `c${i}`, snomed: String(1000000 + i), display: `Condition number ${i} (disorder)` });
    for (let i = 0; i < 300; i++) builder.medication({ id: `m${i}`, name: `Drug ${i} 10 MG Oral Tablet`, dosage: 'x'.repeat(1000) });
    for (let i = 0; i < 2000; i++) {
      builder.observation({ id: `o${i}`, loinc: '2823-3', value: 4 + (i % 10) / 10, unit: 'mmol/L', date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}` });
    }
    const chart = builder.build();
    const full = summarizeChart(chart, AS_OF, FULL_LIMITS);
    const problems = full.sections.find((s) => s.name === 'problems');
    expect(problems?.statements).toHaveLength(FULL_LIMITS.problems);
    expect(problems?.omitted).toBe(500 - FULL_LIMITS.problems);
    expect(full.sections.find((s) => s.name === 'medications')?.omitted).toBe(300 - FULL_LIMITS.medications);
    expect(texts(full, 'labs')).toHaveLength(1);
    for (const s of allStatements(full)) {
      expect(s.text.length).toBeLessThanOrEqual(FULL_LIMITS.statementChars);
      expect(s.evidence.length).toBeLessThanOrEqual(FULL_LIMITS.evidencePerStatement);
    }
    expect(JSON.stringify(full).length).toBeLessThan(20_000);

    const card = summarizeChart(chart, AS_OF);
    expect(detailLineCount(card)).toBeLessThanOrEqual(CARD_DETAIL_LINES);
    expect(card.sections.find((s) => s.name === 'problems')?.omitted).toBe(500 - texts(card, 'problems').length);
  });

  it('is deterministic: the same chart and asOf give the same brief, whatever the resource order', async () => {
    const a = await new EmbeddedSummarizer().summarize(afPatient().build(), { asOf: AS_OF });
    const b = await new EmbeddedSummarizer().summarize(afPatient().build(), { asOf: AS_OF });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const reversed = new ChartBuilder({ id: 'p1', birthDate: '1946-02-01', gender: 'female' });
    const forward = afPatient();
    for (const r of [...forward.added].reverse()) reversed.resource(r);
    expect(JSON.stringify(summarize(reversed.build()))).toBe(JSON.stringify(a));
    expect(a.provenance).toEqual({ provider: 'embedded', generatedAt: '2024-06-01T12:00:00.000Z' });
  });

  it('honours custom limits', async () => {
    const brief = await new EmbeddedSummarizer({ limits: { problems: 1 } }).summarize(afPatient().build(), { asOf: AS_OF });
    expect(texts(brief, 'problems')).toEqual(['Atrial fibrillation (since 2015-03-02)']);
    expect(brief.sections.find((s) => s.name === 'problems')?.omitted).toBe(2);
  });
});
