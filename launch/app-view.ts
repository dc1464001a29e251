import type { Patient } from 'fhir/r4';
import type { Brief, BriefProvenance, Statement } from '../src/brief/brief';
import type { Chart } from '../src/chart/chart';
import { deathDate, isDeceased } from '../src/chart/facts/patient';
import type { Finding } from '../src/rules/rule';
import type { Citation } from './resource-labels';
import { citationFor, humanName } from './resource-labels';

/**
 * What the page shows, as JSON the page renders (text only: the page never parses HTML from
 * here). Every statement and finding carries its citations with readable labels.
 */

export interface StatementView {
  text: string;
  citations: Citation[];
}

export interface SectionView {
  name: string;
  title: string;
  statements: StatementView[];
  omitted?: number;
}

export interface ProvenanceView {
  provider: BriefProvenance['provider'];
  /** One line: who wrote the brief, when, and how much of a model's answer was verified. */
  text: string;
}

export interface BriefView {
  headline: StatementView;
  sections: SectionView[];
  provenance: ProvenanceView;
}

export interface FindingView {
  ruleId: string;
  severity: Finding['severity'];
  summary: string;
  /** Markdown (bold, lists, code): the page renders it as text nodes. */
  detail: string;
  citations: Citation[];
  source: { label: string; url?: string };
}

export interface BannerView {
  name: string;
  gender?: string;
  birthDate?: string;
  age?: number;
  mrn?: string;
  /** Set when the chart says the patient has died (deceasedBoolean, or a deceasedDateTime by now), with the date when given. */
  deceased?: { date?: string };
}

const PROVIDER_NAMES: Record<BriefProvenance['provider'], string> = {
  embedded: 'the embedded summarizer (deterministic, no model)',
  'azure-openai': 'Azure OpenAI',
  'openai-compatible': 'an OpenAI-compatible model',
};

function statementView(s: Statement, chart: Chart): StatementView {
  return { text: s.text, citations: s.evidence.map((ref) => citationFor(ref, chart)) };
}

export function provenanceText(p: BriefProvenance): string {
  const who = p.provider === 'embedded' ? PROVIDER_NAMES.embedded : `${PROVIDER_NAMES[p.provider]}${p.model !== undefined ? ` (${p.model})` : ''}`;
  const parts = [`Brief written by ${who}`];
  if (p.generatedAt !== undefined) parts.push(`at ${p.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}`);
  if (p.provider !== 'embedded' && p.verified !== undefined) {
    const dropped = p.dropped ?? 0;
    parts.push(`· verified ${p.verified}/${p.verified + dropped} statements against the chart${dropped > 0 ? ` (${dropped} dropped)` : ''}`);
  }
  if (p.promptVersion !== undefined) parts.push(`· prompt ${p.promptVersion}`);
  return parts.join(' ');
}

export function briefView(brief: Brief, chart: Chart): BriefView {
  return {
    headline: statementView(brief.headline, chart),
    sections: brief.sections.map((s) => ({
      name: s.name,
      title: s.title,
      statements: s.statements.map((st) => statementView(st, chart)),
      ...(s.omitted !== undefined && s.omitted > 0 && { omitted: s.omitted }),
    })),
    provenance: { provider: brief.provenance.provider, text: provenanceText(brief.provenance) },
  };
}

export function findingView(f: Finding, chart: Chart): FindingView {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    summary: f.summary,
    detail: f.detail,
    citations: f.evidence.map((ref) => citationFor(ref, chart)),
    source: { label: f.source.label, ...(f.source.url !== undefined && { url: f.source.url }) },
  };
}

function ageAt(birthDate: string, at: Date): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < mo || (at.getUTCMonth() + 1 === mo && at.getUTCDate() < d)) age -= 1;
  return age >= 0 ? age : undefined;
}

const MRN = (p: Patient): string | undefined =>
  p.identifier?.find((i) => i.type?.coding?.some((c) => c.code === 'MR') === true && typeof i.value === 'string')?.value;

export function bannerView(patient: Patient, asOf: Date): BannerView {
  const banner: BannerView = { name: humanName(patient.name) ?? 'Unnamed patient' };
  if (patient.gender !== undefined) banner.gender = patient.gender;
  if (patient.birthDate !== undefined) {
    banner.birthDate = patient.birthDate;
    const age = ageAt(patient.birthDate, patient.deceasedDateTime !== undefined ? new Date(patient.deceasedDateTime) : asOf);
    if (age !== undefined) banner.age = age;
  }
  const mrn = MRN(patient);
  if (mrn !== undefined) banner.mrn = mrn;
  if (isDeceased(patient, asOf)) {
    const date = deathDate(patient);
    banner.deceased = date === undefined ? {} : { date };
  }
  return banner;
}

