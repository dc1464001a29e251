// Generates the RxNorm tables of src/knowledge/drugs from the shared knowledge copies. Run by a
// developer when the sources or the class/interaction tables change, never by tests or the service:
//
//   npx tsx scripts/generate-drug-tables.ts [path to shared/data, default ../shared/data]
//
// Keeps the tables focused: the ingredients the class, interaction, allergy, pregnancy, Beers and
// renal-dosing tables name, the ingredients of every RxNorm code in the fixtures and PDDI requests, and the products
// containing them (RxNorm snapshot, PDDI-CDS value sets, and the VSAC/IG value sets' SCD/SBD/pack
// members, so 2020s codes are known by code), not the whole 9,000-row snapshot. An ingredient the
// 2017 snapshot lacks takes its RxCUI from a value set that lists it by name (IN/PIN members).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASS_MEMBERSHIP } from '../src/knowledge/drugs/drug-classes';
import { HAND_INGREDIENTS, HAND_PRODUCTS, INGREDIENT_NAME_OVERRIDES } from '../src/knowledge/drugs/ingredient-supplement';
import { LOCAL_FORM_PATTERN } from '../src/knowledge/drugs/local-forms';
import { ALLERGEN_ROWS } from '../src/knowledge/drugs/allergens';
import * as allergenTables from '../src/knowledge/drugs/allergens';
import { ONC_HIGH_PRIORITY_ROWS } from '../src/knowledge/interactions/onc-high-priority';
import { DIGOXIN_CYCLOSPORINE } from '../src/knowledge/interactions/pddi-digoxin-cyclosporine';
import { WARFARIN_NSAIDS } from '../src/knowledge/interactions/pddi-warfarin-nsaids';
import { MECHANISM_ROWS } from '../src/knowledge/interactions/mechanisms/mechanism-rows';
import type { DrugSet } from '../src/knowledge/interactions/mechanisms/mechanism-row';
import { FETAL_RISK_DRUGS } from '../src/knowledge/pregnancy/fetal-risk-drugs';
import { BEERS_CRITERIA } from '../src/knowledge/beers/beers-criteria';
import { RENAL_DOSING } from '../src/knowledge/renal/renal-dosing';
import type { DrugSelector } from '../src/rules/clinical-state/drug-selector';
import { isIngredientMember, normalise, productIngredients, readValueSets } from './value-set-reader';
import type { ValueSetFile } from './value-set-reader';

/** Ingredient names in the rows of an exported table: string arrays named `members` or `ingredients`. */
function ingredientNamesOfRows(rows: unknown): string[] {
  const list = Array.isArray(rows) ? rows : [rows];
  return list.flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const r = row as Record<string, unknown>;
    return [r['members'], r['ingredients']].flatMap((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
  });
}

const SHARED = process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'data');
const REPO = join(__dirname, '..');
const OUT = join(REPO, 'src', 'knowledge', 'drugs');

interface Snapshot {
  cuiToName: Record<string, string>;
  genericToIngredients: Record<string, string>;
  brandToGeneric: Record<string, string>;
}
const snapshot = JSON.parse(readFileSync(join(SHARED, 'knowledge', 'rxnorm', 'rxnorm-prices.json'), 'utf8')) as Snapshot;

// The snapshot's precise ingredients (PINs) that stand for an ingredient of ours.
const CUI_ALIASES: Record<string, string> = { '1037042': '1546356' };
// ONC list names that are not RxNorm names (the rest are, case aside), and names not worth mapping
// (not marketed in the US: levomethadyl, sulpiride, domperidone…): reported, not guessed.
const ONC_NAME_ALIASES: Record<string, string> = { 'levomethadyl acetate': 'levomethadyl' };

const lower = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');
const canon = (cui: string): string => CUI_ALIASES[cui] ?? cui;

// --- ingredient names → RxCUI ----------------------------------------------------------------
const ingredientCuis = new Set(Object.values(snapshot.genericToIngredients));
const snapshotIngredients = new Map<string, string>(); // cui → name
const byName = new Map<string, string>(); // name or synonym → cui
for (const cui of ingredientCuis) {
  const name = snapshot.cuiToName[cui];
  if (name === undefined || name.includes(' / ')) continue;
  const override = INGREDIENT_NAME_OVERRIDES[cui];
  snapshotIngredients.set(canon(cui), override?.name ?? lower(name));
  byName.set(lower(name), canon(cui));
  if (override) for (const n of [override.name, ...override.synonyms]) byName.set(lower(n), cui);
}
for (const row of HAND_INGREDIENTS) for (const n of [row.name, ...(row.synonyms ?? [])]) byName.set(lower(n), row.rxcui);

// --- value sets: ingredient members by name (for names the snapshot lacks) ------------------------
const valueSets = readValueSets(join(SHARED, 'knowledge', 'valuesets'));
const vsIngredientCandidates = new Map<string, Map<string, ValueSetFile>>(); // name → code → first set listing it
for (const set of valueSets) {
  for (const m of set.members.filter((x) => isIngredientMember(x.display))) {
    const codes = vsIngredientCandidates.get(lower(m.display)) ?? new Map<string, ValueSetFile>();
    if (!codes.has(m.code)) codes.set(m.code, set);
    vsIngredientCandidates.set(lower(m.display), codes);
  }
}
const vsIngredients = new Map<string, { name: string; set: ValueSetFile }>(); // cui → name, source set
// One KnowledgeSource constant per value set cited, named after its title ("VS_BETA_BLOCKER_THERAPY_INGREDIENT").
const vsConstNames = new Map<ValueSetFile, string>();
function valueSetConst(set: ValueSetFile): string {
  const known = vsConstNames.get(set);
  if (known !== undefined) return known;
  const words = set.title.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w.length > 0);
  const fits = words.findIndex((_, i) => i > 0 && words.slice(0, i + 1).join('_').length > 40);
  const base = `VS_${words.slice(0, fits === -1 ? words.length : fits).join('_')}`;
  const taken = new Set(vsConstNames.values());
  const name = taken.has(base) ? `${base}_${(set.oid ?? set.file).split(/[./]/).filter((p) => /^\d+$/.test(p)).pop() ?? vsConstNames.size}` : base;
  vsConstNames.set(set, name);
  return name;
}
/** The RxCUI a value set gives a name the snapshot lacks: one code only, else none (reported). */
function fromValueSets(name: string): string | undefined {
  const codes = vsIngredientCandidates.get(name);
  const [only, ...more] = [...(codes ?? [])];
  if (only === undefined || more.length > 0) return undefined;
  const [code, set] = only;
  vsIngredients.set(code, { name, set });
  byName.set(name, code);
  return code;
}

const wanted = new Set<string>(); // ingredient cuis in the tables
// Ingredients whose products get RxNorm codes (class, allergen, PDDI and fixture drugs); the other
// drugs of the ONC lists are found by name (every RxNorm product name carries its ingredients').
const core = new Set<string>();
const unresolved = new Set<string>();
function want(name: string, why: string, isCore = false): void {
  const key = ONC_NAME_ALIASES[lower(name)] ?? lower(name);
  const cui = byName.get(key) ?? fromValueSets(key);
  if (cui === undefined) unresolved.add(`${name} (${why}${(vsIngredientCandidates.get(key)?.size ?? 0) > 1 ? ': several codes in the value sets' : ''})`);
  else {
    wanted.add(cui);
    if (isCore) core.add(cui);
  }
}
for (const row of CLASS_MEMBERSHIP) for (const n of row.ingredients) want(n, `class ${row.drugClass}`, true);
for (const row of ALLERGEN_ROWS) for (const n of row.ingredients) want(n, `allergen ${row.id}`, true);
// Every other table the allergen module exports (cross-sensitivity groups…): its rows' `members` and `ingredients`.
for (const [table, rows] of Object.entries(allergenTables)) if (table !== 'ALLERGEN_ROWS') for (const n of ingredientNamesOfRows(rows)) want(n, `allergen table ${table}`, true);
const pddiNames = [
  ...WARFARIN_NSAIDS.warfarin, ...WARFARIN_NSAIDS.protectiveIngredients, ...WARFARIN_NSAIDS.aldosteroneAntagonists, WARFARIN_NSAIDS.alternative.ingredient,
  ...DIGOXIN_CYCLOSPORINE.digoxin, ...DIGOXIN_CYCLOSPORINE.cyclosporine, ...DIGOXIN_CYCLOSPORINE.diureticIngredients,
];
for (const n of pddiNames) want(n, 'PDDI-CDS', true);
// Mechanism-based interaction rows and fetal-risk rows name ingredients (and exceptions) directly.
const drugSetNames = (set: DrugSet | undefined): string[] => [...(set?.ingredients ?? []), ...(set?.except ?? [])];
for (const row of MECHANISM_ROWS) for (const n of [...drugSetNames(row.precipitant), ...drugSetNames(row.object), ...drugSetNames(row.also)]) want(n, `mechanism ${row.id}`, true);
// Rows that select drugs (fetal risk, Beers 2023, renal dosing): ingredients, exceptions, gastroprotection.
const selectorNames = (sel: DrugSelector): string[] => [...(sel.ingredients ?? []), ...(sel.exceptIngredients ?? [])];
for (const row of FETAL_RISK_DRUGS) for (const n of selectorNames(row.selector)) want(n, `fetal risk ${row.id}`, true);
for (const row of RENAL_DOSING) for (const n of selectorNames(row.selector)) want(n, `renal dosing ${row.id}`, true);
for (const row of BEERS_CRITERIA) {
  for (const n of [...selectorNames(row.selector), ...(row.condition.kind === 'without-gastroprotection' ? row.condition.ingredients : [])]) want(n, `Beers ${row.id}`, true);
}
// Every drug of the ONC high-priority and non-interruptive lists (the interaction tables name them).
const oncDir = join(SHARED, 'knowledge', 'onc-ddi');
for (const line of readFileSync(join(oncDir, 'ONC_High_Priority_Mapped.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
  const [a, , b] = line.split('$');
  if (a && b) for (const n of [a, b]) want(n, 'ONC high-priority');
}
for (const line of readFileSync(join(oncDir, 'ONC_Non_Interuptive_List_Mapped_Formatted.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
  const cells = line.split(',');
  if (cells.length > 7) for (const n of [cells[2] ?? '', cells[7] ?? '']) want(n, 'ONC non-interruptive');
}
for (const row of HAND_INGREDIENTS) wanted.add(row.rxcui);

/** Ingredient cuis of a snapshot ingredient or multi-ingredient cui (components by name). */
function components(cui: string): string[] | undefined {
  const name = snapshot.cuiToName[cui];
  if (name === undefined) return undefined;
  const parts = name.split(' / ').map((p) => byName.get(lower(p)));
  return parts.every((p): p is string => p !== undefined) ? parts.map(canon) : undefined;
}

/** Word-bounded, longest-first matching of known names in a display (same rule as the runtime). */
function namesIn(display: string): string[] {
  const text = ` ${lower(display).replace(/[^a-z0-9]+/g, ' ')} `;
  const found = new Set<string>();
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  let rest = text;
  for (const n of names) {
    const needle = ` ${n.replace(/[^a-z0-9]+/g, ' ')} `;
    if (rest.includes(needle)) {
      found.add(byName.get(n) ?? '');
      rest = rest.split(needle).join(' ');
    }
  }
  return [...found];
}

// --- fixture codes ---------------------------------------------------------------------------
const fixtureCodings = new Map<string, string>(); // code → display
function collectCodings(value: unknown): void {
  if (Array.isArray(value)) return value.forEach(collectCodings);
  if (typeof value !== 'object' || value === null) return;
  const v = value as Record<string, unknown>;
  if (typeof v['system'] === 'string' && v['system'].includes('rxnorm') && (typeof v['code'] === 'string' || typeof v['code'] === 'number')) {
    fixtureCodings.set(String(v['code']), typeof v['display'] === 'string' ? v['display'] : '');
  }
  Object.values(v).forEach(collectCodings);
}
const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
for (const f of [
  ...jsonFiles(join(REPO, 'fixtures', 'synthea')),
  ...jsonFiles(join(SHARED, 'cds-hooks', 'pddi-cds-requests')),
  ...jsonFiles(join(SHARED, 'cds-hooks', 'pddi-cds-test-resources')),
]) collectCodings(JSON.parse(readFileSync(f, 'utf8')));

const scdOf = (code: string): string | undefined => (snapshot.genericToIngredients[code] !== undefined ? code : snapshot.brandToGeneric[code]);
for (const code of fixtureCodings.keys()) {
  const scd = scdOf(code);
  const comps = scd === undefined ? undefined : components(snapshot.genericToIngredients[scd] ?? '');
  for (const c of comps ?? []) {
    wanted.add(c);
    core.add(c);
  }
}

// --- products --------------------------------------------------------------------------------
interface Group { ingredients: string[]; products: Set<string>; local: Set<string> }
const groups = new Map<string, Group>(); // `${source}|${ingredients}` → group
const placed = new Set<string>();
function place(source: string, ingredients: string[], product: string, local: boolean): void {
  if (placed.has(product) || ingredients.length === 0) return;
  const sorted = [...new Set(ingredients)].sort((a, b) => Number(a) - Number(b));
  const key = `${source}|${sorted.join('+')}`;
  const group = groups.get(key) ?? { ingredients: sorted, products: new Set(), local: new Set() };
  group.products.add(product);
  if (local) group.local.add(product);
  groups.set(key, group);
  placed.add(product);
  for (const c of sorted) wanted.add(c);
}

const snapshotProducts: [string, string][] = [
  ...Object.keys(snapshot.genericToIngredients).map((scd): [string, string] => [scd, scd]),
  ...Object.entries(snapshot.brandToGeneric),
];
for (const [product, scd] of snapshotProducts) {
  const comps = components(snapshot.genericToIngredients[scd] ?? '');
  if (comps?.some((c) => core.has(c))) place('RXNORM_SNAPSHOT', comps, product, LOCAL_FORM_PATTERN.test(snapshot.cuiToName[product] ?? ''));
}
// Multi-ingredient concepts (MIN, "Sulfamethoxazole / Trimethoprim" 10831): allergies and orders may carry them.
for (const min of new Set(Object.values(snapshot.genericToIngredients))) {
  const comps = (snapshot.cuiToName[min] ?? '').includes(' / ') ? components(min) : undefined;
  if (comps?.some((c) => core.has(c))) place('RXNORM_SNAPSHOT', comps, min, false);
}

// PDDI-CDS per-ingredient value sets (valueset-<ingredient>.xml and -exclude: local forms) of the
// object and precipitant drugs and the PPI modifier. The systemic corticosteroid and aspirin sets
// (2,600 codes) are left to the snapshot and to names: their products name the ingredient.
const PDDI_RULE_VALUE_SETS = new Set([
  'warfarin', 'digoxin', 'cyclosporine', 'celecoxib', 'diclofenac', 'diflunisal', 'etodolac', 'fenoprofen', 'flurbiprofen',
  'ibuprofen', 'indomethacin', 'ketoprofen', 'ketorolac', 'mefenamate', 'meloxicam', 'nabumetone', 'naproxen', 'oxaprozin',
  'piroxicam', 'sulindac', 'tolmetin', 'misoprostol', 'dexlansoprazole', 'esomeprazole', 'lansoprazole', 'omeprazole', 'pantoprazole', 'rabeprazole',
]);
const vsDir = join(SHARED, 'knowledge', 'pddi-cds-valuesets');
for (const file of readdirSync(vsDir).sort()) {
  const m = /^valueset-([a-z]+)(-exclude)?\.xml$/.exec(file);
  if (!m || m[1] === undefined || !PDDI_RULE_VALUE_SETS.has(m[1])) continue;
  const ingredient = byName.get(m[1]);
  if (ingredient === undefined) {
    unresolved.add(`${m[1]} (value set ${file})`);
    continue;
  }
  const xml = readFileSync(join(vsDir, file), 'utf8');
  for (const c of xml.matchAll(/<code value="(\d+)"\/>\s*<display value="([^"]*)"\/>/g)) {
    const [, code = '', display = ''] = c;
    if (code === ingredient) continue;
    // The -exclude sets list the topical and ophthalmic forms the PDDI logic leaves out.
    place('PDDI_VALUE_SETS', [ingredient, ...namesIn(display)], code, m[2] !== undefined || LOCAL_FORM_PATTERN.test(display));
  }
}

// Value-set products (SCD, SBD, packs) of the ingredients the tables use, so that orders coded with
// RxNorm codes newer than the snapshot are known by code. Their ingredients are read from the
// RxNorm name; a product naming an ingredient the tables do not know is left out (not guessed).
const byNormalName = new Map<string, string>([...byName].map(([n, cui]) => [normalise(n), canon(cui)]));
// Parts naming an ingredient the snapshot lacks: the value sets' IN members (one code per name),
// but not salt forms (PINs such as "naloxone hydrochloride"), which would hide the ingredient.
const SALT_FORM = /\b(hydrochloride|hydrobromide|sodium|potassium|calcium|magnesium|sulfate|tartrate|bitartrate|citrate|maleate|acetate|succinate|fumarate|mesylate|besylate|phosphate|bromide|chloride|oxalate|lactate|gluconate|hyclate|monohydrate|anhydrous)$/;
const vsFallback = new Map<string, { name: string; set: ValueSetFile }>(); // cui → name, set
{
  const candidates = [...vsIngredientCandidates].map(([name, codes]) => ({ name, normal: normalise(name), codes }));
  const allNames = new Set([...byNormalName.keys(), ...candidates.map((c) => c.normal)]);
  for (const { name, normal, codes } of candidates) {
    const [only, ...more] = [...codes];
    if (only === undefined || more.length > 0 || byNormalName.has(normal) || SALT_FORM.test(normal)) continue;
    const words = normal.split(' ');
    if (words.some((_, i) => i > 0 && allNames.has(words.slice(0, i).join(' ')))) continue;
    byNormalName.set(normal, only[0]);
    vsFallback.set(only[0], { name, set: only[1] });
  }
}
const vsProductsSkipped = new Map<string, string>(); // code → display, products of table drugs left out
for (const set of valueSets) {
  for (const m of set.members.filter((x) => !isIngredientMember(x.display) && !placed.has(x.code))) {
    const comps = productIngredients(m.display, byNormalName);
    if (comps === undefined) {
      if (core.size > 0 && namesIn(m.display).some((c) => core.has(c))) vsProductsSkipped.set(m.code, m.display);
      continue;
    }
    if (!comps.some((c) => core.has(c))) continue;
    for (const c of comps) {
      const fallback = vsFallback.get(c);
      if (fallback && !vsIngredients.has(c)) vsIngredients.set(c, fallback);
    }
    place(valueSetConst(set), comps, m.code, LOCAL_FORM_PATTERN.test(m.display));
  }
}

// Fixture codes the snapshot lacks: the ingredients their RxNorm name names.
const unknownFixtureCodes: string[] = [];
for (const [code, display] of [...fixtureCodings].sort()) {
  if (placed.has(code) || byName.get(lower(display)) === code || HAND_PRODUCTS.some((h) => h.products.includes(code))) continue;
  const found = namesIn(display);
  if (found.length > 0) place('RXNORM_FIXTURE_NAME', found, code, LOCAL_FORM_PATTERN.test(display));
  else unknownFixtureCodes.push(`${code} ${display}`);
}

// --- brands ----------------------------------------------------------------------------------
// Brand names too generic to match in free text, or naming several different products.
const BRAND_DENYLIST = new Set(['today', 'plan b', 'my way', 'next choice', 'one step', 'take action', 'all day', 'equaline']);
const brands = new Map<string, Set<string>>();
for (const [product] of snapshotProducts) {
  const name = snapshot.cuiToName[product] ?? '';
  const brand = /\[([^\]]+)\]$/.exec(name)?.[1];
  const scd = scdOf(product);
  const comps = scd === undefined ? undefined : components(snapshot.genericToIngredients[scd] ?? '');
  if (brand === undefined || !comps || !comps.some((c) => core.has(c))) continue;
  const key = lower(brand);
  // Short, multi-word OTC combination and "reformulated" names are left out: they are not what orders say.
  if (key.length < 4 || key.split(' ').length > 2 || key.includes('reformulated') || BRAND_DENYLIST.has(key) || byName.has(key)) continue;
  const set = brands.get(key) ?? new Set<string>();
  set.add([...comps].sort().join('+'));
  brands.set(key, set);
}

// --- write -----------------------------------------------------------------------------------
const ingredientRows = [...wanted]
  .filter((cui) => snapshotIngredients.has(cui) && !HAND_INGREDIENTS.some((h) => h.rxcui === cui))
  .sort((a, b) => Number(a) - Number(b))
  .map((cui) => {
    const synonyms = INGREDIENT_NAME_OVERRIDES[cui]?.synonyms;
    return `  { rxcui: '${cui}', name: ${JSON.stringify(snapshotIngredients.get(cui))}${synonyms ? `, synonyms: ${JSON.stringify(synonyms)}` : ''}, source: RXNORM_SNAPSHOT },`;
  });
const vsIngredientRows = [...vsIngredients]
  .filter(([cui]) => wanted.has(cui) && !snapshotIngredients.has(cui) && !HAND_INGREDIENTS.some((h) => h.rxcui === cui))
  .sort(([a], [b]) => Number(a) - Number(b))
  .map(([cui, { name, set }]) => `  { rxcui: '${cui}', name: ${JSON.stringify(name)}, source: ${valueSetConst(set)} },`);
const missingIngredients = [...wanted].filter((cui) => !snapshotIngredients.has(cui) && !vsIngredients.has(cui) && !HAND_INGREDIENTS.some((h) => h.rxcui === cui));

const header = (what: string): string =>
  `// GENERATED by scripts/generate-drug-tables.ts from ../shared/data (${what}). Do not edit by hand:\n// change the class/interaction/allergen tables or the generator, and run it again.\n`;

/** `import { A, B } from './value-set-sources.generated';` for the constants a generated text uses. */
const vsImport = (text: string): string => {
  const used = [...vsConstNames.values()].filter((n) => new RegExp(`\\b${n}\\b`).test(text)).sort();
  return used.length > 0 ? `import { ${used.join(', ')} } from './value-set-sources.generated';\n` : '';
};
const ingredientText = `${ingredientRows.join('\n')}\n${vsIngredientRows.join('\n')}`;
writeFileSync(
  join(OUT, 'rxnorm-ingredients.generated.ts'),
  `${header('knowledge/rxnorm/rxnorm-prices.json; value sets: see value-set-sources.generated.ts')}import { RXNORM_SNAPSHOT } from './drug-sources';\nimport type { IngredientRow } from './drug-table-types';\n${vsImport(ingredientText)}\n` +
    `/**\n * RxNorm ingredients the tables need: from the snapshot, then those it lacks as a public value set\n * lists them (IN/PIN members by name). Hand-entered ones: ingredient-supplement.ts.\n */\nexport const SNAPSHOT_INGREDIENTS: readonly IngredientRow[] = [\n${ingredientText}\n];\n`,
);

const groupRows = [...groups.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([key, g]) => {
    const source = key.split('|')[0];
    const num = (s: Set<string>): string => JSON.stringify([...s].sort((a, b) => Number(a) - Number(b))).replaceAll('"', "'").replaceAll(',', ', ');
    const local = g.local.size > 0 ? `, local: ${num(g.local)}` : '';
    return `  { ingredients: ${JSON.stringify(g.ingredients).replaceAll('"', "'").replaceAll(',', ', ')}, products: ${num(g.products)}${local}, source: ${source} },`;
  });
const groupText = groupRows.join('\n');
writeFileSync(
  join(OUT, 'rxnorm-products.generated.ts'),
  `${header('rxnorm-prices.json, pddi-cds-valuesets/*.xml, valuesets/**/*.json, fixture codings')}import { PDDI_VALUE_SETS, RXNORM_FIXTURE_NAME, RXNORM_SNAPSHOT } from './drug-sources';\nimport type { ProductGroupRow } from './drug-table-types';\n${vsImport(groupText)}\n` +
    `/** RxNorm product codes by the ingredients they contain. */\nexport const PRODUCT_GROUPS: readonly ProductGroupRow[] = [\n${groupRows.join('\n')}\n];\n`,
);

const brandRows = [...brands.entries()]
  .filter(([, sets]) => sets.size === 1)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([brand, sets]) => `  { brand: ${JSON.stringify(brand)}, ingredients: ${JSON.stringify([...sets][0]?.split('+')).replaceAll('"', "'").replaceAll(',', ', ')}, source: RXNORM_SNAPSHOT },`);
writeFileSync(
  join(OUT, 'brand-names.generated.ts'),
  `${header('RxNorm SBD names in rxnorm-prices.json')}import { RXNORM_SNAPSHOT } from './drug-sources';\nimport type { BrandNameRow } from './drug-table-types';\n\n` +
    `/** Brand names (from SBD names, "[Lasix]") naming one ingredient set, for text matching. */\nexport const BRAND_NAMES: readonly BrandNameRow[] = [\n${brandRows.join('\n')}\n];\n`,
);

// Every value set cited, with where the copy came from (shared/data/SOURCES.md).
const FOLDER_PROVENANCE: Record<string, string> = {
  'dqm-cms-2026': 'GitHub cqframework/dqm-content-cms-2026 @ 40f95fb70af7f497c641b0d83016439a3eefa4cd, input/vocabulary/valueset/external/ (VSAC expansions 2025-08-28, RxNorm 2025-01)',
  'ecqm-cms-2025': 'GitHub cqframework/ecqm-content-cms-2025 @ d80fd0ae5cae13780a0132c10192e2613cebb559, input/vocabulary/valueset/external/',
  'opioid-cds': 'GitHub cqframework/opioid-cds-r4 @ b29bdcbf6db6f3de26486dbc3820572ee9a78b89, input/vocabulary/valueset/',
  'ecqm-r4-2021': 'GitHub cqframework/ecqm-content-r4-2021 @ 0be9c6864640478209add3b5c99178291986a0e0, input/vocabulary/valueset/external/',
  cds4cpm: 'GitHub cqframework/cds4cpm @ e73c2d2953aaad08f09428a6e70d5a07c5c7db31, input/vocabulary/valueset/',
};
const citedSets = [...vsConstNames].sort(([, a], [, b]) => a.localeCompare(b));
const vsRows = citedSets.map(([set, name]) => {
  const make = set.oid !== undefined ? `vsacValueSet(${JSON.stringify(set.title)}, '${set.oid}')` : `igValueSet(${JSON.stringify(set.title)}, '${set.url}')`;
  return `/** ${set.file} */\nexport const ${name}: KnowledgeSource = ${make};`;
});
const folders = [...new Set(citedSets.map(([set]) => set.file.split('/')[0] ?? ''))].sort();
writeFileSync(
  join(OUT, 'value-set-sources.generated.ts'),
  `${header('knowledge/valuesets/**/*.json')}//\n// The public value sets whose RxNorm members the drug tables copy (CC0 / Apache-2.0), by folder:\n${folders.map((f) => `//   ${f}: ${FOLDER_PROVENANCE[f] ?? 'see shared/data/SOURCES.md'}`).join('\n')}\n` +
    `import type { KnowledgeSource } from '../knowledge-source';\nimport { igValueSet, vsacValueSet } from './drug-sources';\n\n${vsRows.join('\n')}\n`,
);

// --- ONC lists ------------------------------------------------------------------------------
const nameOf = (cui: string): string | undefined => HAND_INGREDIENTS.find((h) => h.rxcui === cui)?.name ?? snapshotIngredients.get(cui) ?? vsIngredients.get(cui)?.name;
const canonicalName = (raw: string): string | undefined => {
  const cui = byName.get(ONC_NAME_ALIASES[lower(raw)] ?? lower(raw));
  return cui === undefined ? undefined : nameOf(cui);
};

// High-priority: every pair of the mapped list must fall in a hand-written row (and vice versa).
const listed = new Set<string>();
for (const line of readFileSync(join(oncDir, 'ONC_High_Priority_Mapped.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
  const [a, , b] = line.split('$');
  const [x, y] = [canonicalName(a ?? ''), canonicalName(b ?? '')];
  if (x !== undefined && y !== undefined) listed.add([x, y].sort().join(' + '));
}
const covered = new Set<string>();
for (const row of ONC_HIGH_PRIORITY_ROWS) for (const x of row.a) for (const y of row.b) if (x !== y) covered.add([x, y].sort().join(' + '));
// Pairs kept as mechanism rows (graded by label and patient) count as covered too.
const setMembers = (set: DrugSet): string[] => {
  const except = new Set(set.except ?? []);
  const names = [...CLASS_MEMBERSHIP.filter((m) => (set.classes ?? []).includes(m.drugClass)).flatMap((m) => m.ingredients), ...(set.ingredients ?? [])];
  return names.filter((n) => !except.has(n));
};
const listedOnly = new Set(listed);
for (const row of MECHANISM_ROWS) {
  for (const x of setMembers(row.precipitant)) for (const y of setMembers(row.object)) if (x !== y && listedOnly.has([x, y].sort().join(' + '))) covered.add([x, y].sort().join(' + '));
}
const notCovered = [...listed].filter((p) => !covered.has(p));
const notListed = [...covered].filter((p) => !listed.has(p));
console.log(`ONC high-priority: ${listed.size} resolvable pairs; not in a row: ${notCovered.length} ${notCovered.slice(0, 10).join('; ')}; in a row but not listed: ${notListed.length} ${notListed.slice(0, 10).join('; ')}`);

// Non-interruptive: one row per numbered class pair of the formatted list.
interface NiRow { aLabel: string; bLabel: string; a: Set<string>; b: Set<string> }
const niRows = new Map<string, NiRow>();
for (const line of readFileSync(join(oncDir, 'ONC_Non_Interuptive_List_Mapped_Formatted.csv'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
  const cells = line.split(',');
  if (cells.length < 8) continue;
  const [id = '', aLabel = '', aDrug = ''] = cells;
  const [bLabel = '', bDrug = ''] = cells.slice(6);
  const row = niRows.get(id) ?? { aLabel: aLabel.replace(/\s+/g, ' ').trim(), bLabel: bLabel.replace(/\s+/g, ' ').trim(), a: new Set<string>(), b: new Set<string>() };
  const [x, y] = [canonicalName(aDrug), canonicalName(bDrug)];
  if (x !== undefined) row.a.add(x);
  if (y !== undefined) row.b.add(y);
  niRows.set(id, row);
}
const quoteList = (set: Set<string>): string => `[${[...set].sort().map((n) => `'${n}'`).join(', ')}]`;
const niText = [...niRows.entries()]
  .filter(([, r]) => r.a.size > 0 && r.b.size > 0)
  .map(([id, r]) => `  {\n    id: 'onc-ni:${id}',\n    aLabel: ${JSON.stringify(r.aLabel)},\n    bLabel: ${JSON.stringify(r.bLabel)},\n    a: ${quoteList(r.a)},\n    b: ${quoteList(r.b)},\n    severity: 'info',\n    effect: NON_INTERRUPTIVE_EFFECT,\n    management: NON_INTERRUPTIVE_MANAGEMENT,\n    source: ONC_NON_INTERRUPTIVE,\n  },`);
writeFileSync(
  join(REPO, 'src', 'knowledge', 'interactions', 'onc-non-interruptive.generated.ts'),
  `${header('knowledge/onc-ddi/ONC_Non_Interuptive_List_Mapped_Formatted.csv')}import { ONC_NON_INTERRUPTIVE } from '../drugs/drug-sources';\nimport type { InteractionRow } from './interaction-row';\n\n` +
    `// Phansalkar 2013: interactions the panel judged should NOT interrupt prescribers (info only).\nconst NON_INTERRUPTIVE_EFFECT = 'a known, usually manageable interaction';\nconst NON_INTERRUPTIVE_MANAGEMENT = 'No interruption is warranted; monitor as usual for this combination.';\n\n` +
    `export const ONC_NON_INTERRUPTIVE_ROWS: readonly InteractionRow[] = [\n${niText.join('\n')}\n];\n`,
);

console.log(`ingredients ${ingredientRows.length + HAND_INGREDIENTS.length}, product groups ${groupRows.length} (${placed.size} codes), brands ${brandRows.length}`);
if (missingIngredients.length > 0) console.log(`ingredients without a name: ${missingIngredients.join(', ')}`);
console.log(`names not resolved (left out, not guessed):\n  ${[...unresolved].sort().join('\n  ')}`);
console.log(`fixture codes left unknown:\n  ${unknownFixtureCodes.join('\n  ')}`);
console.log(`value-set ingredients: ${vsIngredientRows.length}; value sets cited: ${citedSets.length}`);
console.log(`value-set products of table drugs left out (a part names no known ingredient): ${vsProductsSkipped.size}\n  ${[...vsProductsSkipped].slice(0, 40).map(([c, d]) => `${c} ${d}`).join('\n  ')}`);
