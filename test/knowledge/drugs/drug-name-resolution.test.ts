import type { ResolvedMedication } from '../../../src/chart/chart';
import { describeMedication, RXNORM } from '../../../src/chart/describe-medication';
import * as allergenTables from '../../../src/knowledge/drugs/allergens';
import { BEERS_CRITERIA } from '../../../src/knowledge/beers/beers-criteria';
import { ALLERGEN_ROWS } from '../../../src/knowledge/drugs/allergens';
import { CLASSES_WITHOUT_MEMBERS } from '../../../src/knowledge/drugs/cyp-transporter-classes';
import type { DrugClass } from '../../../src/knowledge/drugs/drug-class';
import { CLASS_MEMBERSHIP } from '../../../src/knowledge/drugs/drug-classes';
import { identifyDrug } from '../../../src/knowledge/drugs/drug-identity';
import { INGREDIENTS, ingredientRxcui, PRODUCTS } from '../../../src/knowledge/drugs/drug-index';
import { DUPLICATE_GROUPS } from '../../../src/knowledge/drugs/duplicate-groups';
import type { DrugSet } from '../../../src/knowledge/interactions/mechanisms/mechanism-row';
import { MECHANISM_ROWS } from '../../../src/knowledge/interactions/mechanisms/mechanism-rows';
import { FETAL_RISK_DRUGS } from '../../../src/knowledge/pregnancy/fetal-risk-drugs';
import { RENAL_DOSING } from '../../../src/knowledge/renal/renal-dosing';
import type { DrugSelector } from '../../../src/rules/clinical-state/drug-selector';

// Every drug the knowledge names can be recognised: each ingredient name is an RxNorm ingredient of
// the tables (exactly, as identifyDrug reports it), each class has members, each code points at a
// known ingredient. A name that does not resolve would silently never match.

/** Ingredient names in the rows of an exported table (string arrays named `members` or `ingredients`). */
function ingredientNamesOfRows(rows: unknown): string[] {
  return (Array.isArray(rows) ? rows : [rows]).flatMap((row: unknown) => {
    if (typeof row !== 'object' || row === null) return [];
    const r = row as Record<string, unknown>;
    return [r['members'], r['ingredients']].flatMap((v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
  });
}

const drugSets = (): { where: string; set: DrugSet }[] =>
  MECHANISM_ROWS.flatMap((row) => [
    { where: `${row.id} precipitant`, set: row.precipitant },
    { where: `${row.id} object`, set: row.object },
    ...(row.also ? [{ where: `${row.id} also`, set: row.also }] : []),
  ]);

const selectorNames = (selector: DrugSelector): readonly string[] => [...(selector.ingredients ?? []), ...(selector.exceptIngredients ?? [])];

// Names with no RxNorm ingredient code in the public data the tables are built from (see
// scripts/generate-drug-tables.ts): rows naming them cannot fire until a source gives the code.
const NAMES_NOT_IN_DATA = ['clidinium'];

/** Where each ingredient name is used, for failure messages. */
function namedIngredients(): { where: string; name: string }[] {
  return [
    ...CLASS_MEMBERSHIP.flatMap((r) => r.ingredients.map((name) => ({ where: `class ${r.drugClass}`, name }))),
    ...drugSets().flatMap(({ where, set }) => [...(set.ingredients ?? []), ...(set.except ?? [])].map((name) => ({ where, name }))),
    ...[...FETAL_RISK_DRUGS, ...BEERS_CRITERIA, ...RENAL_DOSING].flatMap((r) => selectorNames(r.selector).map((name) => ({ where: r.id, name }))),
    ...BEERS_CRITERIA.flatMap((r) => (r.condition.kind === 'without-gastroprotection' ? r.condition.ingredients : []).map((name) => ({ where: r.id, name }))),
    ...Object.entries(allergenTables).flatMap(([table, rows]) => ingredientNamesOfRows(rows).map((name) => ({ where: `allergens ${table}`, name }))),
  ];
}

/** Where each class is named, for failure messages. */
function namedClasses(): { where: string; drugClass: DrugClass }[] {
  return [
    ...drugSets().flatMap(({ where, set }) => (set.classes ?? []).map((drugClass) => ({ where, drugClass }))),
    ...[...FETAL_RISK_DRUGS, ...BEERS_CRITERIA, ...RENAL_DOSING].flatMap((r) => (r.selector.classes ?? []).map((drugClass) => ({ where: r.id, drugClass }))),
    ...ALLERGEN_ROWS.flatMap((r) => [...r.classes, ...r.crossReactive.map((c) => c.drugClass)].map((drugClass) => ({ where: `allergen ${r.id}`, drugClass }))),
    ...DUPLICATE_GROUPS.flatMap((g) => g.classes.map((drugClass) => ({ where: `duplicate ${g.id}`, drugClass }))),
  ];
}

const membersOf = (drugClass: DrugClass): string[] =>
  CLASS_MEMBERSHIP.filter((r) => r.drugClass === drugClass).flatMap((r) => r.ingredients.filter((n) => ingredientRxcui(n) !== undefined));

describe('drug names in the knowledge', () => {
  it('resolves every ingredient name of every table to an RxNorm ingredient, spelt as identifyDrug reports it', () => {
    const unresolved = namedIngredients().filter(({ name }) => ingredientRxcui(name) === undefined);
    expect(unresolved.filter(({ name }) => !NAMES_NOT_IN_DATA.includes(name))).toEqual([]);
  });

  it('gives every class a table names at least one resolved member (or lists it as empty on purpose)', () => {
    const empty = namedClasses().filter(({ drugClass }) => membersOf(drugClass).length === 0);
    expect(empty).toEqual([]);
  });

  it('keeps the classes listed as empty on purpose without members', () => {
    expect(CLASSES_WITHOUT_MEMBERS.filter((c) => CLASS_MEMBERSHIP.some((r) => r.drugClass === c))).toEqual([]);
  });

  it('gives every drug set of the interaction rows at least one drug', () => {
    const empty = drugSets().filter(({ set }) => [...(set.classes ?? []).flatMap(membersOf), ...(set.ingredients ?? [])].length === 0);
    expect(empty.map((e) => e.where)).toEqual([]);
  });

  // Codes no public data here lists (penicillin 70618, a class-level ingredient): an allergy coded so
  // still matches its allergen row by code, but the drug tables cannot confirm it. Shrinks as sourced.
  const ALLERGEN_CODES_NOT_IN_DATA = ['70618'];

  it('points every RxNorm code an allergen row lists at an ingredient or product the tables know', () => {
    const codes = ALLERGEN_ROWS.flatMap((r) => r.rxnorm);
    expect(codes.filter((code) => !INGREDIENTS.has(code) && !PRODUCTS.has(code))).toEqual(ALLERGEN_CODES_NOT_IN_DATA);
  });

  it('cites a source on every class membership row and lists at least one ingredient in it', () => {
    expect(CLASS_MEMBERSHIP.filter((r) => r.ingredients.length === 0 || r.source.label.length === 0)).toEqual([]);
  });
});

describe('orders coded with RxNorm codes newer than the 2017 snapshot', () => {
  const codedOnly = (code: string): ResolvedMedication =>
    describeMedication({ resourceType: 'MedicationRequest', status: 'draft', intent: 'order', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { coding: [{ system: RXNORM, code }] } }, undefined);

  it('identifies sacubitril/valsartan by its SCD code alone (1656340, VSAC Antihypertensives): an ARNI and an ARB', () => {
    const id = identifyDrug(codedOnly('1656340'));
    expect(id).toMatchObject({ known: true, matchedBy: 'rxnorm' });
    expect(id.ingredients.map((i) => i.name).sort()).toEqual(['sacubitril', 'valsartan']);
    expect(id.classes).toEqual(expect.arrayContaining(['arni', 'arb']));
  });

  it('identifies a biosimilar insulin pen by its SCD code alone (2563971 insulin glargine-yfgn): an insulin', () => {
    expect(identifyDrug(codedOnly('2563971'))).toMatchObject({ known: true, matchedBy: 'rxnorm', classes: ['insulin'] });
  });

  it('identifies an ingredient the snapshot lacks by its value-set code (sacubitril 1656328)', () => {
    expect(identifyDrug(codedOnly('1656328'))).toMatchObject({ known: true, ingredients: [{ rxcui: '1656328', name: 'sacubitril' }], classes: ['arni'] });
  });
});
