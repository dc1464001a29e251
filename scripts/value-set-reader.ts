// Reads the public FHIR ValueSets with RxNorm members (VSAC / IG JSON, shared/data/knowledge/
// valuesets) for the drug-table generator: which sets there are, their ingredient-level members
// (a bare name: IN/PIN) and the ingredients of their other members (SCD, SBD, packs, MIN, forms).
// RxNorm term types are not in the files, so they are read from the display as INDEX.md does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ValueSetMember {
  code: string;
  display: string;
}

export interface ValueSetFile {
  /** Folder/file under valuesets/, e.g. "dqm-cms-2026/ValueSet-….json". */
  file: string;
  title: string;
  /** VSAC OID, when the set has one. */
  oid?: string;
  /** Canonical URL (IG value sets without an OID are cited by it). */
  url: string;
  members: ValueSetMember[];
}

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

// Folders newest first: a code listed by several sets is credited to the first.
const FOLDERS = ['dqm-cms-2026', 'ecqm-cms-2025', 'opioid-cds', 'ecqm-r4-2021', 'cds4cpm'];

interface RawValueSet {
  title?: string;
  name?: string;
  url?: string;
  identifier?: { value?: string }[];
  compose?: { include?: { system?: string; concept?: { code: string; display?: string }[] }[] };
  expansion?: { contains?: { system?: string; code: string; display?: string }[] };
}

/** Every value set of the folders, with its RxNorm members (expansion, else compose concepts). */
export function readValueSets(dir: string): ValueSetFile[] {
  const sets: ValueSetFile[] = [];
  for (const folder of FOLDERS) {
    const path = join(dir, folder);
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const name of readdirSync(path).filter((f) => f.endsWith('.json')).sort()) {
      const raw = JSON.parse(readFileSync(join(path, name), 'utf8')) as RawValueSet;
      const expanded = (raw.expansion?.contains ?? []).filter((c) => c.system === RXNORM);
      const composed = (raw.compose?.include ?? []).filter((i) => i.system === RXNORM).flatMap((i) => i.concept ?? []);
      const members = (expanded.length > 0 ? expanded : composed).map((c) => ({ code: c.code, display: c.display ?? '' }));
      if (members.length === 0) continue;
      const oid = raw.identifier?.map((i) => /^urn:oid:([\d.]+)$/.exec(i.value ?? '')?.[1]).find((o) => o !== undefined);
      sets.push({ file: `${folder}/${name}`, title: raw.title ?? raw.name ?? name, ...(oid !== undefined && { oid }), url: raw.url ?? '', members });
    }
  }
  return sets;
}

// Words of RxNorm dose forms and groups: a display with one is a product or form group, not an ingredient.
const DOSE_FORM_WORDS =
  /\b(oral|injectable|injection|product|pill|tablet|capsule|solution|suspension|pen|injector|cartridge|inhalant|inhalation|powder|topical|ophthalmic|nasal|transdermal|patch|cream|ointment|gel|spray|syringe|kit|pack|system|implant|rectal|vaginal|otic|lozenge|film|granules|chewable|buccal|sublingual|metered|prefilled|auto-injector|liquid|drug|medicated)\b/i;

/** True for a member named like an RxNorm ingredient (IN/PIN): a single bare name, no strength, form or brand. */
export function isIngredientMember(display: string): boolean {
  return display.length > 0 && !/[\d[\]{}]/.test(display) && !display.includes(' / ') && !DOSE_FORM_WORDS.test(display);
}

// RxNorm qualifiers that may precede the ingredient in an SCD name ("Abuse-Deterrent 12 HR oxycodone…",
// "Sensor 3 ML insulin glargine…", "0.5 UNT Doses 3 ML insulin lispro…": the number goes first).
const QUALIFIER = /^(abuse deterrent|matrix delivery|modified|osmotic|sensor|once daily|sprinkle|micronized|pmdd|smoking cessation|unt doses) /;

/** Lower-case words joined by single spaces, punctuation dropped ("insulin, regular, human" → "insulin regular human"). */
export const normalise = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The ingredient RxCUIs of a product display: each " / " part must start with a known ingredient
 * name (longest first), after any leading quantity ("24 HR", "0.4 ML", a pack count); inert pack
 * parts are skipped. Undefined when a part names no known ingredient: such products are left out
 * rather than given a partial ingredient list.
 */
export function productIngredients(display: string, byNormalName: ReadonlyMap<string, string>): string[] | undefined {
  const text = display.replace(/\[[^\]]*\]/g, ' ').replace(/[{}()]/g, ' ').replace(/\bPack\b/g, ' ');
  const found = new Set<string>();
  for (const part of text.split(' / ')) {
    let words = normalise(part);
    for (let prev = ''; prev !== words; ) {
      prev = words;
      words = words.replace(/^\d+( \d+)?( (hr|ml|actuat|day))? /, '').replace(QUALIFIER, '');
    }
    if (/^(inert|placebo)\b/.test(words)) continue;
    const cui = longestPrefixName(words.split(' '), byNormalName);
    if (cui === undefined) return undefined;
    found.add(cui);
  }
  return found.size > 0 ? [...found] : undefined;
}

function longestPrefixName(words: readonly string[], byNormalName: ReadonlyMap<string, string>): string | undefined {
  for (let n = words.length; n > 0; n -= 1) {
    const cui = byNormalName.get(words.slice(0, n).join(' '));
    if (cui !== undefined) return cui;
  }
  return undefined;
}
