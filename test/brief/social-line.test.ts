import type { Condition } from 'fhir/r4';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { FULL_LIMITS } from '../../src/brief/embedded/bounds';
import { buildBriefCard } from '../../src/cards/brief-card';
import { SDOH_CATEGORY, SOCIAL_FINDINGS, US_CORE_CATEGORY } from '../../src/clinical-codes/social-findings';
import { ChartBuilder, chartFromBundle } from '../support/chart-builder';
import { bulkPatients } from '../support/synthea-bulk';

// Social and administrative findings are not problems: classified by an explicit SNOMED CT table
// and the US Core `sdoh` category (never by the "(finding)" tag); what changes care is stated on
// a Social line of its own, never in the headline.

const AS_OF = new Date('2024-06-01T12:00:00Z');

function sdohCondition(id: string, text: string): Condition {
  return {
    resourceType: 'Condition',
    id,
    subject: { reference: 'Patient/p1' },
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    category: [{ coding: [{ system: US_CORE_CATEGORY, code: SDOH_CATEGORY }] }],
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'Z59.41', display: text }], text },
    onsetDateTime: '2024-01-10',
  };
}

function chart(): ChartBuilder {
  return new ChartBuilder({ id: 'p1', birthDate: '1990-01-01', gender: 'male' })
    .condition({ id: 'job', snomed: '160903007', display: 'Full-time employment (finding)', onset: '2020-01-01' })
    .condition({ id: 'edu', snomed: '224299000', display: 'Received higher education (finding)', onset: '2012-01-01' })
    .condition({ id: 'ipv', snomed: '706893006', display: 'Victim of intimate partner abuse (finding)', onset: '2022-02-18' })
    .condition({ id: 'ipv2', snomed: '706893006', display: 'Victim of intimate partner abuse (finding)', onset: '2023-02-18' })
    .condition({ id: 'obese', snomed: '162864005', display: 'Body mass index 30+ - obesity (finding)', onset: '2019-01-01' })
    .condition({ id: 'htn', snomed: '38341003', display: 'Hypertension (disorder)', onset: '2018-01-01' });
}

describe('social findings', () => {
  it('are not problems and stay out of the headline; a real finding such as obesity stays a problem', () => {
    const brief = summarizeChart(chart().resource(sdohCondition('food', 'Food insecurity')).build(), AS_OF, FULL_LIMITS);
    const problems = brief.sections.find((s) => s.name === 'problems')?.statements ?? [];
    expect(problems.flatMap((s) => s.evidence).sort()).toEqual(['Condition/htn', 'Condition/obese']);
    expect(brief.headline.text).toBe('34 M · HTN · obesity');
    expect(brief.headline.evidence).toEqual(['Patient/p1', 'Condition/htn', 'Condition/obese']);
  });

  it('that change care are one Social line, marked, merged per concept and dated from the first record; other sdoh concerns follow; administrative ones are not stated', () => {
    const brief = summarizeChart(chart().resource(sdohCondition('food', 'Food insecurity')).build(), AS_OF, FULL_LIMITS);
    expect(brief.sections.find((s) => s.name === 'social')?.statements).toEqual([
      { text: 'Victim of intimate partner abuse (since 2022-02-18)', evidence: ['Condition/ipv', 'Condition/ipv2'], priority: 'high' },
      { text: 'Food insecurity (since 2024-01-10)', evidence: ['Condition/food'] },
    ]);
    const all = brief.sections.flatMap((s) => s.statements.flatMap((x) => x.evidence));
    expect(all).not.toContain('Condition/job');
    expect(all).not.toContain('Condition/edu');
  });

  it('state current smoking from the latest smoking status, and not a former smoker', () => {
    const smoking = (id: string, date: string, code: string, display: string): ChartBuilder =>
      chart().resource({
        resourceType: 'Observation',
        id,
        status: 'final',
        subject: { reference: 'Patient/p1' },
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'social-history' }] }],
        code: { coding: [{ system: 'http://loinc.org', code: '72166-2', display: 'Tobacco smoking status' }] },
        valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code, display }] },
        effectiveDateTime: date,
      });
    const current = summarizeChart(smoking('s1', '2024-03-01', '449868002', 'Smokes tobacco daily (finding)').build(), AS_OF);
    expect(current.sections.find((s) => s.name === 'social')?.statements).toEqual([
      {
        text: 'Victim of intimate partner abuse (since 2022-02-18); Current smoker: Smokes tobacco daily (2024-03-01)',
        evidence: ['Condition/ipv', 'Condition/ipv2', 'Observation/s1'],
        priority: 'high',
      },
    ]);
    const former = summarizeChart(smoking('s2', '2024-03-01', '8517006', 'Ex-smoker (finding)').build(), AS_OF);
    expect(former.sections.find((s) => s.name === 'social')?.statements.map((s) => s.text)).toEqual(['Victim of intimate partner abuse (since 2022-02-18)']);
  });

  it('of the Synthea bulk patient: drug misuse and intimate partner abuse on the Social line of the card, employment and education nowhere', () => {
    const augustus = bulkPatients().find((p) => p.patientId.startsWith('cbc86e51'));
    if (!augustus) throw new Error('fixture missing');
    const brief = summarizeChart(chartFromBundle(augustus.bundle), new Date('2021-03-10T00:00:00Z'));
    expect(brief.headline.text).toBe('25 M');
    const card = buildBriefCard(brief, { appLaunchUrl: 'https://x.example/launch', uuid: () => 'u' });
    expect(card.detail).toMatch(/\*\*Social\*\*\n\n- Misuses drugs \(since \d{4}-\d{2}-\d{2}\); Victim of intimate partner abuse \(since \d{4}-\d{2}-\d{2}\) \[\d+\]/);
    expect(card.detail).not.toMatch(/employment|education|social contact|isolation/i);
  });

  it('come from an explicit table: one row per SNOMED CT code, each with its Synthea display and source', () => {
    const codes = SOCIAL_FINDINGS.map((r) => r.snomed);
    expect(new Set(codes).size).toBe(codes.length);
    for (const row of SOCIAL_FINDINGS) {
      expect(row.snomed).toMatch(/^\d{6,18}$/);
      expect(row.display).toMatch(/\((finding|person)\)$/);
      expect(row.source.url).toMatch(/^https:\/\/github\.com\/synthetichealth\/synthea\/blob\/[0-9a-f]{40}\//);
    }
    expect(SOCIAL_FINDINGS.filter((r) => r.use === 'social-risk').map((r) => r.snomed)).toEqual(['706893006', '32911000', '361055000', '10939881000119105']);
  });
});
