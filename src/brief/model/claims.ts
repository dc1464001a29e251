/**
 * The checkable claims of a sentence (dates, quantities with units, bare numbers, dosing
 * frequencies), read the same way from a model's statement and from the chart lines it cites, so
 * "appears in a cited resource as rendered" is a set lookup. Units are normalised through one
 * table (UCUM codes, display forms and common spellings: "Cel" = "°C", "mcg" = "µg", "bpm" = "/min").
 */

export interface Quantity {
  value: string;
  unit: string;
}

export interface Claims {
  /** `YYYY-MM-DD`. */
  dates: string[];
  /** `YYYY-MM`. */
  months: string[];
  /** Dates written in a form that cannot be checked ("03/04/2021"): always a failure. */
  ambiguousDates: number;
  quantities: Quantity[];
  /** Numbers with no recognised unit (counts, scores, years), canonical (`Number` → `String`). */
  numbers: string[];
  /** Dosing frequencies, canonical ("twice daily", "every 8 hours", "as needed"). */
  frequencies: string[];
}

// Multi-part units that hold digits are replaced by digit-free tokens before numbers are read.
const UNIT_REWRITES: readonly [RegExp, string][] = [
  [/ml\/min\/(?:\{1\.73_m2\}|1\.73\s?m(?:2|²))/g, 'egfrunit'],
  [/(?:x\s?)?(?:10\s?(?:\*|\^|e)\s?3|10³|k)\s?\/\s?(?:u|µ|μ|mc)l/g, 'thousand/µl'],
  [/(?:x\s?)?(?:10\s?(?:\*|\^|e)\s?6|10⁶|m)\s?\/\s?(?:u|µ|μ|mc)l/g, 'million/µl'],
  [/(?:x\s?)?(?:10\s?(?:\*|\^|e)\s?9|10⁹)\s?\/\s?l\b/g, 'billion/l'],
  [/(?:x\s?)?(?:10\s?(?:\*|\^|e)\s?12|10¹²)\s?\/\s?l\b/g, 'trillion/l'],
  [/kg\/m(?:2|²)/g, 'kg/m²'],
  [/mm\s?\[?hg\]?/g, 'mmhg'],
];

/** Canonical unit for a spelled unit; undefined when the word is not a unit. */
const UNITS: Readonly<Record<string, string>> = {
  mg: 'mg', g: 'g', kg: 'kg', mcg: 'µg', ug: 'µg', 'µg': 'µg', 'μg': 'µg', ng: 'ng', pg: 'pg',
  'mg/dl': 'mg/dl', 'g/dl': 'g/dl', 'g/l': 'g/l', 'mg/l': 'mg/l', 'mg/ml': 'mg/ml', 'µg/ml': 'µg/ml', 'mcg/ml': 'µg/ml', 'ng/ml': 'ng/ml', 'pg/ml': 'pg/ml', 'ng/dl': 'ng/dl', 'µg/dl': 'µg/dl', 'mcg/dl': 'µg/dl', 'ug/dl': 'µg/dl',
  'mmol/l': 'mmol/l', 'umol/l': 'µmol/l', 'µmol/l': 'µmol/l', 'μmol/l': 'µmol/l', 'meq/l': 'meq/l', 'mosm/kg': 'mosm/kg', 'mg/g': 'mg/g', 'mg/mmol': 'mg/mmol',
  'u/l': 'u/l', 'iu/l': 'u/l', 'miu/l': 'miu/l', 'm[iu]/l': 'miu/l', 'miu/ml': 'miu/ml', 'uiu/ml': 'µiu/ml', 'µiu/ml': 'µiu/ml', 'u[iu]/ml': 'µiu/ml',
  '%': '%', mmhg: 'mmhg', '/min': '/min', bpm: '/min', 'beats/min': '/min', 'breaths/min': '/min', '{beats}/min': '/min', '{breaths}/min': '/min',
  '°c': '°c', cel: '°c', '°f': '°f', '[degf]': '°f', degf: '°f', degc: '°c',
  cm: 'cm', mm: 'mm', m: 'm', in: 'in', '[in_i]': 'in', lb: 'lb', lbs: 'lb', '[lb_av]': 'lb', 'kg/m²': 'kg/m²',
  ml: 'ml', l: 'l', dl: 'dl', fl: 'fl', 'ml/h': 'ml/h', 'mg/kg': 'mg/kg', 'mg/kg/day': 'mg/kg/d',
  egfrunit: 'ml/min/1.73m²', 'thousand/µl': '10³/µl', 'million/µl': '10⁶/µl', 'billion/l': '10⁹/l', 'trillion/l': '10¹²/l',
  unit: 'unit', units: 'unit', iu: 'unit', '[iu]': 'unit', '[iu]/ml': 'unit/ml', 'units/ml': 'unit/ml',
  tablet: 'tablet', tablets: 'tablet', tab: 'tablet', tabs: 'tablet', capsule: 'capsule', capsules: 'capsule', puff: 'puff', puffs: 'puff', drop: 'drop', drops: 'drop', patch: 'patch', spray: 'spray', sprays: 'spray',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', d: 'd', day: 'd', days: 'd', wk: 'wk', week: 'wk', weeks: 'wk', mo: 'mo', month: 'mo', months: 'mo', y: 'y', yr: 'y', yrs: 'y', year: 'y', years: 'y', min: 'min', minute: 'min', minutes: 'min',
};

/** Units that only count or measure time: the number must be in the cited line, the unit need not be. */
export const LOOSE_UNITS: ReadonlySet<string> = new Set(['tablet', 'capsule', 'puff', 'drop', 'patch', 'spray', 'h', 'd', 'wk', 'mo', 'y', 'min']);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

function pad(n: string | number): string {
  return String(n).padStart(2, '0');
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3)) + 1;
}

/** A number as compared: "1.40" and "1.4" are the same value; "1,200" is 1200. */
export function canonicalNumber(text: string): string {
  return String(Number(text.replace(/,/g, '')));
}

/** A match and its capture groups (undefined where a group took no part). */
type Groups = readonly (string | undefined)[];

// Frequencies, longest and most specific first; each maps to its canonical phrase.
const FREQUENCIES: readonly [RegExp, (m: Groups) => string][] = [
  [/\b(?:twice (?:a |per )?day|twice daily|two times (?:a |per )?day|two times daily|b\.?i\.?d\.?)(?![a-z])/g, () => 'twice daily'],
  [/\b(?:three times (?:a |per )?day|three times daily|t\.?i\.?d\.?)(?![a-z])/g, () => 'three times daily'],
  [/\b(?:four times (?:a |per )?day|four times daily|q\.?i\.?d\.?)(?![a-z])/g, () => 'four times daily'],
  [/\bevery (\d+)(?:\s?[–-]\s?(\d+))? ?(?:hours|hrs?|h)\b/g, (m) => `every ${m[1] ?? ''}${m[2] ? `–${m[2]}` : ''} hours`],
  [/\bq ?(\d+) ?h\b/g, (m) => `every ${m[1] ?? ''} hours`],
  [/\b(?:once (?:a |per )?week|once weekly|every week|weekly)\b/g, () => 'once weekly'],
  [/\b(?:at bedtime|nightly|every night|q\.?h\.?s\.?)(?![a-z])/g, () => 'at bedtime'],
  [/\b(?:once (?:a |per )?day|once daily|every day|daily|q\.?d\.?)(?![a-z])/g, () => 'once daily'],
  [/\b(?:as needed|p\.?r\.?n\.?)(?![a-z])/g, () => 'as needed'],
];

/** Calls `each` for every match of `pattern` and blanks the match out, so later patterns skip it. */
function take(text: string, pattern: RegExp, each: (m: Groups) => void): string {
  return text.replace(pattern, (match: string, ...rest: unknown[]) => {
    const groups: (string | undefined)[] = [match];
    for (const r of rest) {
      if (typeof r === 'number') break; // the offset: the groups are over
      groups.push(typeof r === 'string' ? r : undefined);
    }
    each(groups);
    return ' ';
  });
}

function readDates(text: string, claims: Claims): string {
  let t = take(text, /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (m) => claims.dates.push(`${m[1]}-${m[2]}-${m[3]}`));
  t = take(t, new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'), (m) => claims.dates.push(`${m[3]}-${pad(monthNumber(m[1] ?? ''))}-${pad(m[2] ?? '')}`));
  t = take(t, new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'g'), (m) => claims.dates.push(`${m[3]}-${pad(monthNumber(m[2] ?? ''))}-${pad(m[1] ?? '')}`));
  t = take(t, new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'g'), (m) => claims.months.push(`${m[2]}-${pad(monthNumber(m[1] ?? ''))}`));
  t = take(t, /(?<![\d-])(\d{4})-(\d{2})(?![\d-])/g, (m) => claims.months.push(`${m[1]}-${m[2]}`));
  return take(t, /(?<!\d)\d{1,4}[/.]\d{1,2}[/.]\d{2,4}(?!\d)/g, () => (claims.ambiguousDates += 1));
}

function unitOf(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  return UNITS[token.replace(/[.]+$/, '')];
}

const NUMBER = '(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)';
// A number not inside a word ("HbA1c", "COVID-19", "B12"), optionally a pair ("132/84"), then maybe a unit.
const QUANTITY = new RegExp(`(?<![\\p{L}\\p{N}.])(?<!\\p{L}-)${NUMBER}(?:\\s?/\\s?${NUMBER})?(?:\\s?([^\\s,;:|()\\[\\]"'→]+))?`, 'gu');

function readQuantities(text: string, claims: Claims): void {
  for (const m of text.matchAll(QUANTITY)) {
    const values = [m[1], m[2]].filter((v): v is string => v !== undefined).map(canonicalNumber);
    const unit = unitOf(m[3]);
    for (const value of values) {
      if (unit !== undefined) claims.quantities.push({ value, unit });
      else claims.numbers.push(value);
    }
  }
}

/** Every checkable claim in a text. */
export function claimsOf(text: string): Claims {
  const claims: Claims = { dates: [], months: [], ambiguousDates: 0, quantities: [], numbers: [], frequencies: [] };
  let t = ` ${text.toLowerCase()} `;
  for (const [pattern, canonical] of UNIT_REWRITES) t = t.replace(pattern, canonical);
  t = readDates(t, claims);
  for (const [pattern, canonical] of FREQUENCIES) t = take(t, pattern, (m) => claims.frequencies.push(canonical(m)));
  readQuantities(t, claims);
  return claims;
}
