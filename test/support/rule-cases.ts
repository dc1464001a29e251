import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Bundle, FhirResource } from 'fhir/r4';
import { loadChart } from '../../src/chart/chart-loader';
import { ALL_RULES } from '../../src/rules/all-rules';
import type { Finding, HookName, Severity } from '../../src/rules/rule';
import { ruleInputFor } from '../../src/rules/rule-input';
import type { RuleRun } from '../../src/rules/run-rules';
import { runRules } from '../../src/rules/run-rules';
import { fixturePatient, loadFixtureBundle, prefetchFromBundle } from './synthea';

// Fixture cases for the clinical rules (fixtures/cases/**.json): a hook request and the findings
// it must and must not produce. Shared by the jest suite and `npm run eval`.

export const CASES_DIR = join(__dirname, '..', '..', 'fixtures', 'cases');

/** A finding a case expects (or forbids): a rule, optionally narrowed by topic (substring) and severity. */
export interface FindingPattern {
  rule: string;
  topic?: string;
  severity?: Severity;
}

export interface RuleCase {
  /** Path under fixtures/cases, without `.json`. */
  name: string;
  description: string;
  /** Where the case comes from: "hand-made", "Synthea <file prefix>", "HL7 PDDI-CDS <file>". */
  source: string;
  /** The clock the rules run at. */
  asOf: string;
  /** The mechanism group the case exercises (drug-interaction groups, allergy cross-sensitivity, teratogens…), for the eval table. */
  mechanism?: string;
  /** Start from a Synthea fixture patient's full prefetch (`prefetchFromBundle`); `request.prefetch` keys replace its sections. */
  synthea?: string;
  /** A CDS Hooks request: `hook`, `context` (patientId filled in from `synthea` when absent), `prefetch`. */
  request: { hook: HookName; context: Record<string, unknown>; prefetch?: Record<string, unknown> };
  expect: {
    present?: FindingPattern[];
    absent?: FindingPattern[];
    /** No finding more severe than this (e.g. "info" for a healthy patient). */
    maxSeverity?: Severity;
  };
}

function caseFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      if (statSync(path).isDirectory()) return caseFiles(path);
      return f.endsWith('.json') ? [path] : [];
    });
}

export function loadRuleCases(): RuleCase[] {
  return caseFiles(CASES_DIR).map((path) => ({ ...(JSON.parse(readFileSync(path, 'utf8')) as Omit<RuleCase, 'name'>), name: relative(CASES_DIR, path).replace(/\.json$/, '') }));
}

/** The full request the case stands for: Synthea prefetch merged in, patientId aligned. */
export function caseRequest(c: RuleCase): { hook: HookName; hookInstance: string; context: Record<string, unknown>; prefetch: Record<string, unknown> } {
  let prefetch: Record<string, unknown> = { ...(c.request.prefetch ?? {}) };
  const context = { ...c.request.context };
  if (c.synthea !== undefined) {
    const patient = fixturePatient(c.synthea);
    prefetch = { ...prefetchFromBundle(loadFixtureBundle(patient.file)), ...prefetch };
    context['patientId'] ??= patient.patientId;
  }
  return { hook: c.request.hook, hookInstance: `case-${c.name}`, context, prefetch };
}

export interface CaseRun {
  run: RuleRun;
  /** `Type/id` of every resource the request carried (prefetch and draft orders). */
  requestRefs: Set<string>;
}

function resourcesIn(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) resourcesIn(v, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const r = value as Record<string, unknown>;
  if (typeof r['resourceType'] === 'string' && typeof r['id'] === 'string') out.add(`${r['resourceType']}/${r['id']}`);
  for (const v of Object.values(r)) resourcesIn(v, out);
}

/** Runs every rule on the case's request, the way the service does (loadChart, then the rules). */
export async function runCase(c: RuleCase): Promise<CaseRun> {
  const request = caseRequest(c);
  const patientId = request.context['patientId'];
  if (typeof patientId !== 'string') throw new Error(`${c.name}: no context.patientId`);
  const loaded = await loadChart({ patientId, prefetch: request.prefetch });
  if (!loaded.ok) throw new Error(`${c.name}: chart did not load: ${loaded.error.reason}`);
  const drafts = request.context['draftOrders'] as Bundle<FhirResource> | undefined;
  const draftOrders = (drafts?.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const input = ruleInputFor(request.hook, loaded.value.chart, draftOrders, new Date(c.asOf));
  const requestRefs = new Set<string>();
  resourcesIn(request, requestRefs);
  return { run: runRules(ALL_RULES, input), requestRefs };
}

export function matches(f: Finding, p: FindingPattern): boolean {
  return f.ruleId === p.rule && (p.topic === undefined || f.topic.includes(p.topic)) && (p.severity === undefined || f.severity === p.severity);
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/** What a case got wrong: missing expected findings, forbidden ones produced, severities above the cap. */
export function caseProblems(c: RuleCase, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  for (const p of c.expect.present ?? []) if (!findings.some((f) => matches(f, p))) problems.push(`missing ${JSON.stringify(p)}`);
  for (const p of c.expect.absent ?? []) for (const f of findings.filter((x) => matches(x, p))) problems.push(`unexpected ${f.ruleId} ${f.topic} (${f.severity})`);
  const max = c.expect.maxSeverity;
  if (max !== undefined) for (const f of findings.filter((x) => RANK[x.severity] > RANK[max])) problems.push(`above ${max}: ${f.ruleId} ${f.topic} (${f.severity})`);
  return problems;
}
