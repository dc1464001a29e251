import type { BriefSectionName, Statement } from '../brief';
import type { ChartRendering, RenderedLine } from './chart-prompt';
import type { Claims } from './claims';
import { claimsOf, LOOSE_UNITS } from './claims';
import type { ModelAnswer, ModelStatement } from './model-answer';
import { MAX_STATEMENTS } from './model-answer';
import { MODEL_SECTIONS } from './prompts/chart-brief.v1';

/**
 * Verification of a model's statements against the chart lines it was shown, before anything is
 * shown: every evidence key must be a line of the prompt; every date, number with a unit, bare
 * number and dosing frequency in the text must appear in a cited line as rendered (units
 * normalised, ./claims.ts); a statement must cite a record of its section's kind and may not
 * claim an absence. What fails is dropped and counted by reason.
 */

export type DropReason = 'evidence' | 'section' | 'text' | 'date' | 'number' | 'dose' | 'absence' | 'excess';

export interface VerifiedStatement {
  section: BriefSectionName;
  statement: Statement;
}

export interface Verification {
  statements: VerifiedStatement[];
  verified: number;
  dropped: number;
  dropReasons: Partial<Record<DropReason, number>>;
}

type ModelSection = (typeof MODEL_SECTIONS)[number];

/** Record types a statement of each section must cite at least one of. */
const SECTION_TYPES: Readonly<Record<ModelSection, readonly string[]>> = {
  problems: ['Condition'],
  medications: ['MedicationRequest'],
  allergies: ['AllergyIntolerance'],
  labs: ['Observation', 'DiagnosticReport'],
  vitals: ['Observation'],
  immunizations: ['Immunization'],
  procedures: ['Procedure'],
  encounters: ['Encounter'],
};

const SECTION_SYNONYMS: Readonly<Record<string, ModelSection>> = {
  problem: 'problems', conditions: 'problems', 'active problems': 'problems', diagnoses: 'problems',
  medication: 'medications', meds: 'medications', 'active medications': 'medications',
  allergy: 'allergies', 'allergies and intolerances': 'allergies',
  lab: 'labs', 'key labs': 'labs', results: 'labs', 'lab results': 'labs', laboratory: 'labs',
  vital: 'vitals', 'vital signs': 'vitals',
  immunization: 'immunizations', vaccines: 'immunizations', vaccinations: 'immunizations',
  procedure: 'procedures', encounter: 'encounters', visits: 'encounters', 'recent encounters': 'encounters',
};

const MAX_TEXT_CHARS = 300;

// Absence is the embedded summarizer's to state: it knows which sections were read in full.
const ABSENCE = /^\s*(?:no|none|nil|denies|negative for)\b|\bno (?:known|current|active|documented|recorded)\b/i;

// A citation written into the text ("(Condition/3)"): removed, the evidence list carries it.
const INLINE_KEY = /\s*[([]?\b[A-Z][A-Za-z]+\/(?:\d+|self)\b[)\]]?/g;

function sectionOf(name: string): ModelSection | undefined {
  const n = name.trim().toLowerCase();
  return (MODEL_SECTIONS as readonly string[]).includes(n) ? (n as ModelSection) : SECTION_SYNONYMS[n];
}

/** Facts of the cited lines: the same reading as the claims, with dates' months and years as numbers too. */
function factsOf(lines: readonly RenderedLine[]): { claims: Claims; numbers: Set<string>; quantities: Set<string>; months: Set<string> } {
  const claims = lines.map((l) => claimsOf(l.text.slice(l.key.length)));
  const all: Claims = { dates: [], months: [], ambiguousDates: 0, quantities: [], numbers: [], frequencies: [] };
  for (const c of claims) {
    all.dates.push(...c.dates);
    all.months.push(...c.months);
    all.quantities.push(...c.quantities);
    all.numbers.push(...c.numbers);
    all.frequencies.push(...c.frequencies);
  }
  const months = new Set([...all.months, ...all.dates.map((d) => d.slice(0, 7))]);
  const years = [...months].map((m) => m.slice(0, 4)).map((y) => String(Number(y)));
  const numbers = new Set([...all.numbers, ...all.quantities.map((q) => q.value), ...years]);
  return { claims: all, numbers, quantities: new Set(all.quantities.map((q) => `${q.value} ${q.unit}`)), months };
}

/** The `dose "…"` field of a medication line, unquoted ('' when there is none). */
function doseTextOf(line: string): string {
  const quoted = /\| dose ("(?:[^"\\]|\\.)*")/.exec(line)?.[1];
  if (quoted === undefined) return '';
  try {
    const text: unknown = JSON.parse(quoted);
    return typeof text === 'string' ? text : '';
  } catch {
    return '';
  }
}

/** Why a text's claims are not all in the cited lines, or undefined when they are. */
function claimFailure(text: string, cited: readonly RenderedLine[]): DropReason | undefined {
  const said = claimsOf(text);
  const facts = factsOf(cited);
  const dates = new Set(facts.claims.dates);
  if (said.ambiguousDates > 0 || said.dates.some((d) => !dates.has(d)) || said.months.some((m) => !facts.months.has(m))) return 'date';
  const frequencies = new Set(facts.claims.frequencies);
  if (said.frequencies.some((f) => !frequencies.has(f))) return 'dose';
  // A regimen ("5 mg once daily") takes its amounts from the order's dose, never from the product
  // strength in the drug's name ("Warfarin 5 MG Oral Tablet" taken as 1.5 tablets).
  const medications = cited.filter((l) => l.resourceType === 'MedicationRequest');
  if (said.frequencies.length > 0 && medications.length > 0) {
    const dose = factsOf(medications.map((l) => ({ ...l, key: '', text: doseTextOf(l.text) })));
    const outside = said.quantities.some((q) => (LOOSE_UNITS.has(q.unit) ? !dose.numbers.has(q.value) : !dose.quantities.has(`${q.value} ${q.unit}`)));
    if (outside) return 'dose';
  }
  for (const q of said.quantities) {
    const found = LOOSE_UNITS.has(q.unit) ? facts.numbers.has(q.value) : facts.quantities.has(`${q.value} ${q.unit}`);
    if (!found) return 'number';
  }
  return said.numbers.every((n) => facts.numbers.has(n)) ? undefined : 'number';
}

/** The text a clinician reads: inline keys out, dates back to the recorded ones when they were shifted. */
function displayText(text: string, cited: readonly RenderedLine[], rendering: ChartRendering): string {
  let out = text.replace(INLINE_KEY, '').replace(/\(\s*[,;]?\s*\)/g, '').replace(/\s+([,.;])/g, '$1').replace(/\s+/g, ' ').trim();
  if (rendering.dateShiftDays === 0) return out;
  out = out.replace(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g, (d) => rendering.realDates.get(d) ?? d);
  // A month alone maps back only if the cited lines' dates in that month all lie in one real month.
  return out.replace(/(?<![\d-])\d{4}-\d{2}(?![\d-])/g, (m) => {
    const real = new Set(cited.flatMap((l) => claimsOf(l.text).dates.filter((d) => d.startsWith(m)).map((d) => (rendering.realDates.get(d) ?? d).slice(0, 7))));
    return real.size === 1 ? [...real][0] ?? m : m;
  });
}

function check(s: ModelStatement, rendering: ChartRendering): { reason: DropReason } | VerifiedStatement {
  const text = s.text.trim();
  if (text === '' || text.length > MAX_TEXT_CHARS) return { reason: 'text' };
  const keys = [...new Set(s.evidence.map((e) => e.trim()))];
  const cited = keys.map((k) => rendering.byKey.get(k));
  if (keys.length === 0 || cited.some((l) => l === undefined)) return { reason: 'evidence' };
  const lines = cited.filter((l): l is RenderedLine => l !== undefined);
  const section = sectionOf(s.section);
  if (section === undefined || !lines.some((l) => SECTION_TYPES[section].includes(l.resourceType))) return { reason: 'section' };
  if (ABSENCE.test(text)) return { reason: 'absence' };
  const bare = text.replace(INLINE_KEY, ' ');
  const failure = claimFailure(bare, lines);
  if (failure) return { reason: failure };
  // Shifted dates: a bare year cannot be mapped back safely, so it is not accepted.
  if (rendering.dateShiftDays !== 0 && /(?<![\d.,-])(?:19|20)\d{2}(?![\d.,-])/.test(bare.replace(/\d{4}-\d{2}(?:-\d{2})?/g, ''))) return { reason: 'date' };
  const evidence = [...new Set(lines.map((l) => l.ref))];
  return { section, statement: { text: displayText(text, lines, rendering), evidence } };
}

/** Checks every statement of an answer against the rendering the model was given. */
export function verifyAnswer(answer: ModelAnswer, rendering: ChartRendering): Verification {
  const statements: VerifiedStatement[] = [];
  const dropReasons: Partial<Record<DropReason, number>> = {};
  const drop = (reason: DropReason): void => {
    dropReasons[reason] = (dropReasons[reason] ?? 0) + 1;
  };
  const seen = new Set<string>();
  answer.statements.forEach((s, i) => {
    if (i >= MAX_STATEMENTS) return drop('excess');
    const result = check(s, rendering);
    if ('reason' in result) return drop(result.reason);
    const id = `${result.section}\u0000${result.statement.text.toLowerCase()}`;
    if (seen.has(id)) return;
    seen.add(id);
    statements.push(result);
  });
  const dropped = Object.values(dropReasons).reduce((n, c) => n + c, 0);
  return { statements, verified: statements.length, dropped, dropReasons };
}
