// Generates the RxNorm tables of src/knowledge/drugs from the shared knowledge copies. Run by a
// developer when the sources or the class/interaction tables change, never by tests or the service:
//
//   npx tsx scripts/generate-drug-tables.ts [path to shared/data, default ../shared/data]
//
// Keeps the tables focused: the ingredients the class, interaction and allergy tables name, the
// ingredients of every RxNorm code in the fixtures and PDDI requests, and the products containing
// them (RxNorm snapshot and PDDI-CDS value sets), not the whole 9,000-row snapshot.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLASS_MEMBERSHIP } from '../src/knowledge/drugs/drug-classes';
import { HAND_INGREDIENTS, HAND_PRODUCTS, INGREDIENT_NAME_OVERRIDES } from '../src/knowledge/drugs/ingredient-supplement';
import { LOCAL_FORM_PATTERN } from '../src/knowledge/drugs/local-forms';
import { ALLERGEN_ROWS } from '../src/knowledge/drugs/allergens';
import { ONC_HIGH_PRIORITY_ROWS } from '../src/knowledge/interactions/onc-high-priority';
import { DIGOXIN_CYCLOSPORINE } from '../src/knowledge/interactions/pddi-digoxin-cyclosporine';
import { WARFARIN_NSAIDS } from '../src/knowledge/interactions/pddi-warfarin-nsaids';

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

const wanted = new Set<string>(); // ingredient cuis in the tables
// Ingredients whose products get RxNorm codes (class, allergen, PDDI and fixture drugs); the other
// drugs of the ONC lists are found by name (every RxNorm product name carries its ingredients').
const core = new Set<string>();
const unresolved = new Set<string>();
function want(name: string, why: string, isCore = false): void {
  const key = ONC_NAME_ALIASES[lower(name)] ?? lower(name);
  const cui = byName.get(key);
  if (cui === undefined) unresolved.add(`${name} (${why})`);
  else {
    wanted.add(cui);
    if (isCore) core.add(cui);
  }
}
for (const row of CLASS_MEMBERSHIP) for (const n of row.ingredients) want(n, `class ${row.drugClass}`, true);
for (const row of ALLERGEN_ROWS) for (const n of row.ingredients) want(n, `allergen ${row.id}`, true);
const pddiNames = [
  ...WARFARIN_NSAIDS.warfarin, ...WARFARIN_NSAIDS.protectiveIngredients, ...WARFARIN_NSAIDS.aldosteroneAntagonists, WARFARIN_NSAIDS.alternative.ingredient,
  ...DIGOXIN_CYCLOSPORINE.digoxin, ...DIGOXIN_CYCLOSPORINE.cyclosporine, ...DIGOXIN_CYCLOSPORINE.diureticIngredients,
];
for (const n of pddiNames) want(n, 'PDDI-CDS', true);
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
const missingIngredients = [...wanted].filter((cui) => !snapshotIngredients.has(cui) && !HAND_INGREDIENTS.some((h) => h.rxcui === cui));

const header = (what: string): string =>
  `// GENERATED by scripts/generate-drug-tables.ts from ../shared/data (${what}). Do not edit by hand:\n// change the class/interaction/allergen tables or the generator, and run it again.\n`;

writeFileSync(
  join(OUT, 'rxnorm-ingredients.generated.ts'),
  `${header('knowledge/rxnorm/rxnorm-prices.json')}import { RXNORM_SNAPSHOT } from './drug-sources';\nimport type { IngredientRow } from './drug-table-types';\n\n` +
    `/** RxNorm ingredients from the snapshot that the tables need (hand-entered ones: ingredient-supplement.ts). */\nexport const SNAPSHOT_INGREDIENTS: readonly IngredientRow[] = [\n${ingredientRows.join('\n')}\n];\n`,
);

const groupRows = [...groups.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([key, g]) => {
    const source = key.split('|')[0];
    const num = (s: Set<string>): string => JSON.stringify([...s].sort((a, b) => Number(a) - Number(b))).replaceAll('"', "'").replaceAll(',', ', ');
    const local = g.local.size > 0 ? `, local: ${num(g.local)}` : '';
    return `  { ingredients: ${JSON.stringify(g.ingredients).replaceAll('"', "'").replaceAll(',', ', ')}, products: ${num(g.products)}${local}, source: ${source} },`;
  });
writeFileSync(
  join(OUT, 'rxnorm-products.generated.ts'),
  `${header('rxnorm-prices.json, pddi-cds-valuesets/*.xml, fixture codings')}import { PDDI_VALUE_SETS, RXNORM_FIXTURE_NAME, RXNORM_SNAPSHOT } from './drug-sources';\nimport type { ProductGroupRow } from './drug-table-types';\n\n` +
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

// --- ONC lists ------------------------------------------------------------------------------
const nameOf = (cui: string): string | undefined => HAND_INGREDIENTS.find((h) => h.rxcui === cui)?.name ?? snapshotIngredients.get(cui);
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
