import type { DiagnosticReport, Encounter, FhirResource, Immunization, Procedure } from 'fhir/r4';
import type { Chart } from '../../chart/chart';
import { compareText, conceptText, instantOf, refOf, withoutSemanticTag } from '../embedded/fhir-values';
import type { LineCandidate, LineContext } from './line-context';
import { noteFields, TIER } from './line-context';
import { ENCOUNTER_CLASS_LABELS } from '../../clinical-codes/encounter-class';

// Lines for encounters, procedures, immunizations and reports: the most recent few early, the rest
// with the past, newest first.

/** How many of the newest encounters and procedures rank above older results. */
const RECENT_ENCOUNTERS = 3;
const RECENT_PROCEDURES = 10;

function named(concept: Parameters<typeof conceptText>[0]): string | undefined {
  const text = conceptText(concept);
  return text ? withoutSemanticTag(text) || text : undefined;
}

function reasonFields(codes: Encounter['reasonCode'], ctx: LineContext): string[] {
  return (codes ?? []).map(named).filter((t): t is string => t !== undefined).slice(0, 2).map((t) => `reason ${ctx.quote(t)}`);
}

function encounterFields(e: Encounter, ctx: LineContext): string[] {
  const classCode = typeof e.class?.code === 'string' ? e.class.code : undefined;
  const start = ctx.date(e.period?.start);
  const end = ctx.date(e.period?.end);
  const type = named(e.type?.[0]);
  return [
    'encounter',
    start ?? 'date unknown',
    ...(end && end !== start ? [`to ${end}`] : []),
    ...(classCode ? [ENCOUNTER_CLASS_LABELS[classCode] ?? classCode.toLowerCase()] : []),
    ...(type ? [ctx.quote(type)] : []),
    ...(e.status === 'finished' ? [] : [e.status]),
    ...reasonFields(e.reasonCode, ctx),
  ];
}

function procedureFields(p: Procedure, ctx: LineContext): string[] {
  const date = ctx.date(p.performedDateTime ?? p.performedPeriod?.start);
  return [
    'procedure',
    date ?? 'date unknown',
    ctx.quote(named(p.code) ?? 'unnamed procedure'),
    ...(p.status === 'completed' ? [] : [p.status]),
    ...reasonFields(p.reasonCode, ctx),
    ...(p.reasonReference ?? []).flatMap((r) => (typeof r.display === 'string' && r.display.trim() ? [`reason ${ctx.quote(r.display)}`] : [])).slice(0, 2),
    ...noteFields(p.note, ctx),
  ];
}

function immunizationFields(i: Immunization, ctx: LineContext): string[] {
  const date = ctx.date(i.occurrenceDateTime);
  return ['immunization', date ?? 'date unknown', ctx.quote(named(i.vaccineCode) ?? 'unnamed vaccine'), ...(i.status === 'completed' ? [] : [i.status]), ...noteFields(i.note, ctx)];
}

function reportFields(r: DiagnosticReport, ctx: LineContext): string[] {
  const date = ctx.date(r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued);
  const conclusion = typeof r.conclusion === 'string' && r.conclusion.trim() ? [`conclusion ${ctx.quote(r.conclusion, 280)}`] : [];
  return ['report', date ?? 'date unknown', ctx.quote(named(r.code) ?? 'unnamed report'), ...(r.status === 'final' ? [] : [r.status]), ...conclusion];
}

interface Dated<T> {
  resource: T;
  ref: string;
  time: number;
}

function newestFirst<T extends FhirResource>(items: readonly T[], when: (r: T) => string | undefined): Dated<T>[] {
  return items
    .filter((r) => r.id)
    .map((r) => ({ resource: r, ref: refOf(r), time: instantOf(when(r)) ?? 0 }))
    .sort((a, b) => b.time - a.time || compareText(a.ref, b.ref));
}

/** Encounters, procedures, immunizations (latest of each vaccine early) and diagnostic reports. */
export function eventLines(chart: Chart): LineCandidate[] {
  const encounters = newestFirst(chart.encounters, (e) => e.period?.start).map((d, i): LineCandidate => ({
    ref: d.ref, resourceType: 'Encounter', time: d.time, tier: i < RECENT_ENCOUNTERS ? TIER.recentEncounter : TIER.rest, fields: (ctx) => encounterFields(d.resource, ctx),
  }));
  const procedures = newestFirst(chart.procedures, (p) => p.performedDateTime ?? p.performedPeriod?.start).map((d, i): LineCandidate => ({
    ref: d.ref, resourceType: 'Procedure', time: d.time, tier: i < RECENT_PROCEDURES ? TIER.recentProcedure : TIER.rest, fields: (ctx) => procedureFields(d.resource, ctx),
  }));
  const vaccines = new Set<string>();
  const immunizations = newestFirst(chart.immunizations, (i) => i.occurrenceDateTime).map((d): LineCandidate => {
    const vaccine = named(d.resource.vaccineCode) ?? d.ref;
    const first = !vaccines.has(vaccine);
    vaccines.add(vaccine);
    return { ref: d.ref, resourceType: 'Immunization', time: d.time, tier: first ? TIER.recentProcedure : TIER.rest, fields: (ctx) => immunizationFields(d.resource, ctx) };
  });
  const reports = newestFirst(chart.diagnosticReports, (r) => r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued).map((d): LineCandidate => ({
    ref: d.ref, resourceType: 'DiagnosticReport', time: d.time, tier: TIER.rest, fields: (ctx) => reportFields(d.resource, ctx),
  }));
  return [...encounters, ...procedures, ...immunizations, ...reports];
}
