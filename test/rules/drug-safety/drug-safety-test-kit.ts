import type { AllergyIntolerance, FhirResource, MedicationRequest } from 'fhir/r4';
import { findingCard } from '../../../src/cards/finding-card';
import type { Chart } from '../../../src/chart/chart';
import { KNOWLEDGE_VERSION } from '../../../src/knowledge/knowledge-version';
import type { Finding, HookName, Rule } from '../../../src/rules/rule';
import { ruleInputFor } from '../../../src/rules/rule-input';
import { cardProblems } from '../../support/card-rules';
import { ChartBuilder } from '../../support/chart-builder';

// Small builders for drug-safety rule tests: RxNorm-coded orders and drafts, allergies, and a
// runner that also checks every finding makes a spec-valid card.

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const SNOMED = 'http://snomed.info/sct';
export const AS_OF = new Date('2026-06-01T00:00:00Z');

/** A draft MedicationRequest coded in RxNorm (or text only when `code` is undefined). */
export function draft(id: string, code: string | undefined, display: string, patientId = 'pat-1'): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    medicationCodeableConcept: code === undefined ? { text: display } : { coding: [{ system: RXNORM, code, display }], text: display },
  };
}

/** An active chart order: `draft()` made active, authored on `authoredOn`. */
export function active(id: string, code: string, display: string, extra: Partial<MedicationRequest> = {}): MedicationRequest {
  return { ...draft(id, code, display), status: 'active', authoredOn: '2025-11-02', ...extra };
}

export interface AllergyOptions {
  id?: string;
  snomed?: string;
  rxnorm?: string;
  text?: string;
  clinical?: string;
  verification?: string;
  criticality?: AllergyIntolerance['criticality'];
  reaction?: string;
  substance?: string;
}

export function allergy(o: AllergyOptions): AllergyIntolerance {
  const coding = [
    ...(o.snomed === undefined ? [] : [{ system: SNOMED, code: o.snomed, display: o.text }]),
    ...(o.rxnorm === undefined ? [] : [{ system: RXNORM, code: o.rxnorm, display: o.text }]),
  ];
  return {
    resourceType: 'AllergyIntolerance',
    id: o.id ?? 'alg-1',
    patient: { reference: 'Patient/pat-1' },
    ...(o.clinical !== 'omit' && { clinicalStatus: { coding: [{ code: o.clinical ?? 'active' }] } }),
    ...(o.verification !== undefined && { verificationStatus: { coding: [{ code: o.verification }] } }),
    ...(o.criticality !== undefined && { criticality: o.criticality }),
    ...((coding.length > 0 || o.text !== undefined) && { code: { ...(coding.length > 0 && { coding }), ...(o.text !== undefined && { text: o.text }) } }),
    ...((o.reaction !== undefined || o.substance !== undefined) && {
      reaction: [{ ...(o.substance !== undefined && { substance: { text: o.substance } }), manifestation: o.reaction === undefined ? [] : [{ text: o.reaction }] }],
    }),
  };
}

/** A chart of `resources` for a patient born on `birthDate`. */
export function chartOf(resources: readonly FhirResource[], birthDate = '1980-03-01'): Chart {
  const builder = new ChartBuilder({ birthDate });
  for (const r of resources) builder.resource(r);
  return builder.build();
}

/** Runs one rule on a hook call; asserts each finding is a valid card citing the chart or the drafts. */
export function run(rule: Rule, hook: HookName, chart: Chart, drafts: readonly FhirResource[] = [], asOf = AS_OF): Finding[] {
  const input = ruleInputFor(hook, chart, drafts, asOf);
  const findings = rule.evaluate(input);
  const draftRefs = new Set(drafts.map((d) => `${d.resourceType}/${d.id ?? ''}`));
  let n = 0;
  for (const f of findings) {
    expect(f.evidence.filter((ref) => !chart.has(ref) && !draftRefs.has(ref))).toEqual([]);
    expect(f.summary.length).toBeLessThan(140);
    expect(cardProblems({ cards: [findingCard(f, { uuid: () => `u-${++n}`, knowledgeVersion: KNOWLEDGE_VERSION })] })).toEqual([]);
  }
  return findings;
}
