import type { FhirResource, MedicationRequest } from 'fhir/r4';
import type { Finding, Rule, RuleInput, Severity } from '../../src/rules/rule';
import { ruleInputFor } from '../../src/rules/rule-input';
import { DEFAULT_MAX_INFO_FINDINGS, runRules } from '../../src/rules/run-rules';
import { ChartBuilder } from '../support/chart-builder';

// The engine between rules and cards: which rules run, and which findings a clinician sees.
// The rules here are test rules returning fixed findings, so each engine behaviour is pinned alone.

const chart = new ChartBuilder({ birthDate: '1950-01-01', gender: 'female' }).condition({ id: 'c1', display: 'Hypertension' }).build();
const draft: MedicationRequest = { resourceType: 'MedicationRequest', id: 'd1', status: 'draft', intent: 'order', subject: { reference: chart.patientRef }, medicationCodeableConcept: { text: 'Ibuprofen 400 MG Oral Tablet' } };

function input(hook: RuleInput['hook'] = 'order-sign', orders: FhirResource[] = [draft]): RuleInput {
  return ruleInputFor(hook, chart, orders, new Date('2026-01-01T00:00:00Z'));
}

function finding(ruleId: string, topic: string, severity: Severity, evidence = ['Condition/c1']): Finding {
  return { ruleId, topic, severity, summary: `${ruleId} ${topic}`, detail: 'why', evidence, source: { label: 'test source' }, knowledge: ['row-1'] };
}

function rule(id: string, findings: Finding[], hooks: Rule['hooks'] = ['patient-view', 'order-select', 'order-sign']): Rule {
  return { id, title: id, hooks, evaluate: () => findings };
}

it('resolves draft MedicationRequests into the rules input, leaving other orders as they are', () => {
  const service: FhirResource = { resourceType: 'ServiceRequest', id: 's1', status: 'draft', intent: 'order', subject: { reference: chart.patientRef } };
  const i = input('order-sign', [draft, service]);
  expect(i.drafts.map((d) => [d.ref, d.medication.display])).toEqual([['MedicationRequest/d1', 'Ibuprofen 400 MG Oral Tablet']]);
  expect(i.draftOrders).toHaveLength(2);
});

it('runs only enabled rules for the hook', () => {
  const rules = [rule('a', [finding('a', 't1', 'warning')]), rule('b', [finding('b', 't2', 'warning')]), rule('c', [finding('c', 't3', 'warning')], ['patient-view'])];
  const run = runRules(rules, input('order-sign'), { disabled: new Set(['b']) });
  expect(run.findings.map((f) => f.ruleId)).toEqual(['a']);
});

it('keeps answering when a rule throws, and names the rule', () => {
  const broken: Rule = { id: 'broken', title: 'broken', hooks: ['order-sign'], evaluate: () => { throw new Error('bug'); } };
  const run = runRules([broken, rule('ok', [finding('ok', 't', 'info')])], input());
  expect(run.failedRules).toEqual(['broken']);
  expect(run.findings.map((f) => f.ruleId)).toEqual(['ok']);
});

it('drops findings whose citations do not resolve to the chart or a draft order, or that cite nothing', () => {
  const run = runRules(
    [rule('r', [finding('r', 'chart', 'warning'), finding('r', 'draft', 'warning', ['MedicationRequest/d1', 'Condition/c1']), finding('r', 'invented', 'critical', ['Observation/nope']), finding('r', 'uncited', 'critical', [])])],
    input(),
  );
  expect(run.findings.map((f) => f.topic)).toEqual(['chart', 'draft']);
  expect(run.ungrounded).toBe(2);
});

it('never grounds a finding in a draft order that has no id', () => {
  const noId: FhirResource = { resourceType: 'ServiceRequest', status: 'draft', intent: 'order', subject: { reference: chart.patientRef } };
  const run = runRules([rule('r', [finding('r', 'x', 'warning', ['ServiceRequest/'])])], input('order-sign', [noId]));
  expect(run.findings).toEqual([]);
});

it('makes one finding per topic, the most severe, the first on ties', () => {
  const run = runRules([rule('x', [finding('x', 'same', 'info'), finding('x', 'same', 'critical'), finding('x', 'same', 'warning')]), rule('y', [finding('y', 'same', 'critical')])], input());
  expect(run.findings.map((f) => [f.ruleId, f.severity])).toEqual([['x', 'critical']]);
});

it('ranks critical before warning before info', () => {
  const run = runRules([rule('r', [finding('r', 'i', 'info'), finding('r', 'w', 'warning'), finding('r', 'c', 'critical')])], input());
  expect(run.findings.map((f) => f.severity)).toEqual(['critical', 'warning', 'info']);
});

it('caps info findings, never warnings or critical ones', () => {
  const many = Array.from({ length: 6 }, (_, n) => finding('r', `i${n}`, 'info'));
  const warnings = Array.from({ length: 5 }, (_, n) => finding('r', `w${n}`, 'warning'));
  const byDefault = runRules([rule('r', [...many, ...warnings])], input());
  expect(byDefault.findings.filter((f) => f.severity === 'info')).toHaveLength(DEFAULT_MAX_INFO_FINDINGS);
  expect(byDefault.findings.filter((f) => f.severity === 'warning')).toHaveLength(5);
  expect(runRules([rule('r', many)], input(), { maxInfoFindings: 1 }).findings).toHaveLength(1);
});
