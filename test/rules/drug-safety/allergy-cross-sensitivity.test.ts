import type { AllergyIntolerance, CodeableConcept } from 'fhir/r4';
import { drugAllergyRule } from '../../../src/rules/drug-safety/drug-allergy';
import type { AllergyOptions } from './drug-safety-test-kit';
import { allergy, chartOf, draft, run, SNOMED } from './drug-safety-test-kit';

// drug-allergy, read as allergists do (AAAAI/ACAAI 2022): beta-lactams sharing a side chain,
// opioids of one structural class and the sulfonamide antibiotics reach each other by the
// reaction history; dissimilar side chains, other opioid classes, carbapenems and non-antibiotic
// sulfonamides stay quiet; a side effect (nausea) is an intolerance, never an interruptive card.

const snomed = (code: string, display: string): CodeableConcept => ({ coding: [{ system: SNOMED, code, display }], text: display });
const ANAPHYLAXIS = snomed('39579001', 'Anaphylaxis');
const HIVES = snomed('126485001', 'Urticaria');
const NAUSEA = snomed('422587007', 'Nausea');

interface Recorded extends AllergyOptions {
  manifestations?: CodeableConcept[];
  severity?: 'mild' | 'moderate' | 'severe';
  type?: 'allergy' | 'intolerance';
}

/** An allergy with coded reactions, a reaction severity and a type, beyond what the kit's `allergy()` sets. */
function recorded(o: Recorded): AllergyIntolerance {
  const base = allergy(o);
  return {
    ...base,
    ...(o.type !== undefined && { type: o.type }),
    ...(o.manifestations !== undefined && { reaction: [{ manifestation: o.manifestations, ...(o.severity !== undefined && { severity: o.severity }) }] }),
  };
}

const amoxicillin = (o: Omit<Recorded, 'rxnorm' | 'text'> = {}): AllergyIntolerance => recorded({ id: 'amox', rxnorm: '723', text: 'Amoxicillin', ...o });
const codeine = (o: Omit<Recorded, 'rxnorm' | 'text'> = {}): AllergyIntolerance => recorded({ id: 'cod', rxnorm: '2670', text: 'Codeine', ...o });

const CEPHALEXIN = draft('ceph', '309114', 'cephalexin 500 MG Oral Capsule');
const CEFAZOLIN = draft('cefaz', '1665050', 'cefazolin 1000 MG Injection');
const CEFTRIAXONE = draft('cro', '1665021', 'ceftriaxone 1000 MG Injection');
const MORPHINE = draft('mor', '892582', 'morphine sulfate 15 MG Oral Tablet');
const FENTANYL = draft('fen', '1053647', 'fentanyl 0.1 MG Sublingual Tablet');
const SULFADIAZINE = draft('sdz', '198228', 'sulfadiazine 500 MG Oral Tablet');

function findings(recordedAllergy: AllergyIntolerance, order = CEPHALEXIN): ReturnType<typeof run> {
  return run(drugAllergyRule, 'order-sign', chartOf([recordedAllergy]), [order]);
}

describe('drug-allergy: beta-lactam side chains', () => {
  it('is critical for cephalexin after amoxicillin anaphylaxis (same R1 side chain), citing the side-chain table', () => {
    const [f] = findings(amoxicillin({ manifestations: [ANAPHYLAXIS], severity: 'severe' }));
    expect(f).toMatchObject({
      severity: 'critical',
      summary: 'Cephalexin: same R1 side chain as recorded allergy "Amoxicillin" (anaphylaxis).',
      knowledge: ['cross-sensitivity:r1-aminobenzyl'],
      source: { label: 'AAAAI/ACAAI drug allergy practice parameter 2022 (beta-lactam side chains)' },
    });
    expect(f?.detail).toContain('(reaction: Anaphylaxis (severe); AllergyIntolerance/amox): Amoxicillin, ampicillin, cephalexin, cefaclor, cefadroxil and cefprozil share');
    expect(f?.detail).toContain('After anaphylaxis, avoid it unless an allergist clears it (testing or a graded challenge); use a beta-lactam with a dissimilar side chain');
    expect(f?.suggestions).toEqual([expect.objectContaining({ label: 'Remove cephalexin order', isRecommended: true })]);
  });

  it.each([
    ['a reaction recorded as severe', amoxicillin({ manifestations: [HIVES], severity: 'severe' }), 'a severe reaction'],
    ['criticality high', amoxicillin({ criticality: 'high' }), 'criticality high'],
    ['angioedema by text', amoxicillin({ reaction: 'Angioedema of the lips' }), 'angioedema'],
  ])('is critical after %s', (_name, a, fact) => {
    expect(findings(a)[0]).toMatchObject({ severity: 'critical', summary: `Cephalexin: same R1 side chain as recorded allergy "Amoxicillin" (${fact}).` });
  });

  it('warns after hives (not anaphylaxis), and says to prefer a dissimilar side chain or a graded challenge', () => {
    const [f] = findings(amoxicillin({ manifestations: [HIVES], severity: 'moderate' }));
    expect(f).toMatchObject({ severity: 'warning', summary: 'Cephalexin: same R1 side chain as recorded allergy "Amoxicillin" (urticaria).' });
    expect(f?.detail).toContain('The recorded reaction (urticaria) was not anaphylaxis: prefer a beta-lactam with a dissimilar side chain');
  });

  it('warns when no reaction is recorded, asking what happened', () => {
    const [f] = findings(amoxicillin());
    expect(f).toMatchObject({ severity: 'warning', summary: 'Cephalexin: same R1 side chain as recorded allergy "Amoxicillin".' });
    expect(f?.detail).toContain('No reaction is recorded to judge the risk: ask what happened');
  });

  it.each([
    ['a mild reaction', amoxicillin({ manifestations: [snomed('271807003', 'Eruption of skin')], severity: 'mild' }), 'After a mild reaction it may be given without testing'],
    ['criticality low', amoxicillin({ criticality: 'low', reaction: 'Rash' }), 'After criticality low it may be given without testing'],
  ])('is only info after %s', (_name, a, advice) => {
    const [f] = findings(a);
    expect(f).toMatchObject({ severity: 'info', summary: 'Cephalexin: same R1 side chain as recorded allergy "Amoxicillin".' });
    expect(f?.detail).toContain(advice);
    expect(f?.suggestions).toEqual([expect.objectContaining({ isRecommended: false })]);
  });

  it('warns rather than interrupts after an unconfirmed anaphylaxis', () => {
    expect(findings(amoxicillin({ manifestations: [ANAPHYLAXIS], verification: 'unconfirmed' }))[0]?.severity).toBe('warning');
  });

  it.each([
    ['cefazolin', CEFAZOLIN],
    ['ceftriaxone', CEFTRIAXONE],
  ])('is only info for %s after amoxicillin anaphylaxis (dissimilar side chain)', (_name, order) => {
    const [f, ...rest] = findings(amoxicillin({ manifestations: [ANAPHYLAXIS] }), order);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', knowledge: ['allergen:aminopenicillins'], source: { label: 'AAAAI/ACAAI drug allergy practice parameter 2022' } });
    expect(f?.detail).toContain('it may be given without testing, even after anaphylaxis.');
  });

  it('warns for a dissimilar cephalosporin after Stevens-Johnson syndrome to amoxicillin (related drugs are avoided)', () => {
    const [f] = findings(amoxicillin({ manifestations: [snomed('73442001', 'Stevens-Johnson syndrome')] }), CEFAZOLIN);
    expect(f).toMatchObject({ severity: 'warning', summary: 'Cefazolin: possible cross-reactivity with recorded allergy "Amoxicillin".' });
    expect(f?.detail).toContain('a severe cutaneous reaction, related drugs are generally avoided.');
  });

  it('says nothing about a carbapenem in penicillin anaphylaxis (negligible cross-reactivity)', () => {
    const penicillin = recorded({ snomed: '91936005', text: 'Allergy to penicillin', manifestations: [ANAPHYLAXIS] });
    expect(findings(penicillin, draft('mero', '29561', 'meropenem'))).toEqual([]);
    expect(findings(penicillin, draft('erta', undefined, 'Ertapenem 1 GM Injection'))).toEqual([]);
  });

  it('reads a penicillin label as penicillin G: cefoxitin shares its side chain, cephalexin does not', () => {
    const penicillin = recorded({ id: 'pcn', snomed: '91936005', text: 'Allergy to penicillin', manifestations: [ANAPHYLAXIS] });
    const [f] = findings(penicillin, draft('fox', '1665102', 'cefoxitin 1000 MG Injection'));
    expect(f).toMatchObject({ severity: 'critical', summary: 'Cefoxitin: similar R1 side chain as recorded allergy "Allergy to penicillin" (anaphylaxis).' });
    expect(f?.source.label).toBe('Konvinse et al. 2016, Table 4 (beta-lactams sharing R1 side chains)');
    const [g] = findings(penicillin);
    expect(g).toMatchObject({ severity: 'info' });
    expect(g?.detail).toContain('if that was amoxicillin or ampicillin, cephalexin, cefaclor, cefadroxil and cefprozil share it.');
  });

  it('reaches a penicillin with the same side chain from a cephalosporin allergy (cephalexin → amoxicillin)', () => {
    const cephalexin = recorded({ id: 'lex', rxnorm: '2231', text: 'Cephalexin', manifestations: [ANAPHYLAXIS] });
    expect(findings(cephalexin, draft('amox', '308191', 'Amoxicillin 500 MG Oral Capsule'))[0]).toMatchObject({ severity: 'critical' });
    expect(findings(cephalexin, draft('pen', '834102', 'Penicillin V Potassium 500 MG Oral Tablet'))).toEqual([]);
  });

  it('ranks the identical side chain first when several groups match (ceftriaxone → cefepime)', () => {
    const ceftriaxone = recorded({ id: 'cro-a', text: 'Ceftriaxone', manifestations: [HIVES] });
    const [f] = findings(ceftriaxone, draft('fep', '1665093', 'cefepime 1000 MG Injection'));
    expect(f).toMatchObject({ severity: 'warning', knowledge: ['cross-sensitivity:r1-aminothiazolyl-methoxyimino'] });
  });

  it('matches aztreonam to a ceftazidime allergy (identical R1 side chain)', () => {
    const ceftazidime = recorded({ id: 'caz', text: 'Ceftazidime', manifestations: [ANAPHYLAXIS] });
    expect(findings(ceftazidime, draft('azt', '1664981', 'aztreonam 1000 MG Injection'))[0]).toMatchObject({ severity: 'critical', knowledge: ['cross-sensitivity:r1-ceftazidime-aztreonam'] });
  });

  it('notes a shared R2 side chain (cefuroxime → cefoxitin) as info only, even after anaphylaxis', () => {
    const cefuroxime = recorded({ id: 'cxm', text: 'Cefuroxime', manifestations: [ANAPHYLAXIS] });
    const [f] = findings(cefuroxime, draft('fox', '1665102', 'cefoxitin 1000 MG Injection'));
    expect(f).toMatchObject({ severity: 'info', summary: 'Cefoxitin: same R2 side chain as recorded allergy "Cefuroxime".' });
    expect(f?.detail).toContain('which rarely causes cross-reactions (their R1 side chains differ), so it may be given.');
  });
});

describe('drug-allergy: opioid structural classes', () => {
  it('is critical for morphine after codeine anaphylaxis (both phenanthrenes)', () => {
    const [f] = findings(codeine({ manifestations: [ANAPHYLAXIS] }), MORPHINE);
    expect(f).toMatchObject({
      severity: 'critical',
      summary: 'Morphine: same opioid class (phenanthrenes) as recorded allergy "Codeine" (anaphylaxis).',
      source: { label: 'US Pharmacist 2006: Opioids, allergy vs pseudoallergy (opioid chemical classes)' },
    });
    expect(f?.detail).toContain('use an opioid of another structural class (fentanyl, a phenylpiperidine; methadone, a diphenylheptane)');
  });

  it('warns for morphine after codeine hives', () => {
    expect(findings(codeine({ reaction: 'Hives' }), MORPHINE)[0]?.severity).toBe('warning');
  });

  it.each([
    ['fentanyl (a phenylpiperidine)', FENTANYL],
    ['tramadol (no shared class)', draft('tram', undefined, 'tramadol hydrochloride 50 MG Oral Tablet')],
    ['methadone (a diphenylheptane)', draft('mtd', undefined, 'methadone hydrochloride 10 MG Oral Tablet')],
  ])('says nothing about %s after codeine anaphylaxis', (_name, order) => {
    expect(findings(codeine({ manifestations: [ANAPHYLAXIS] }), order)).toEqual([]);
  });

  it.each([
    ['coded nausea', codeine({ manifestations: [NAUSEA] })],
    ['constipation and drowsiness in words', codeine({ manifestations: [{ text: 'Constipation' }, { text: 'Drowsy' }] })],
    ['type intolerance', codeine({ type: 'intolerance', reaction: 'Itching' })],
  ])('treats %s as an intolerance: nothing for morphine', (_name, a) => {
    expect(findings(a, MORPHINE)).toEqual([]);
  });

  it('is only info for the same drug after an intolerance, saying it is not an allergy', () => {
    const [f] = findings(codeine({ manifestations: [NAUSEA] }), draft('cod', '997287', 'codeine sulfate 30 MG Oral Tablet'));
    expect(f).toMatchObject({ severity: 'info', summary: 'Codeine: recorded intolerance "Codeine" (nausea), not an allergy.' });
    expect(f?.detail).toContain('same ingredient. Recorded as an intolerance (nausea), a side effect rather than an allergy: it may be given if needed.');
    const [g] = findings(codeine({ type: 'intolerance' }), draft('cod', '997287', 'codeine sulfate 30 MG Oral Tablet'));
    expect(g?.summary).toBe('Codeine: recorded intolerance "Codeine" (an intolerance), not an allergy.');
  });

  it('still reads anaphylaxis recorded on an intolerance as severe', () => {
    expect(findings(codeine({ type: 'intolerance', manifestations: [ANAPHYLAXIS, NAUSEA] }), MORPHINE)[0]?.severity).toBe('critical');
  });

  it('keeps a long summary under 140 characters by shortening the allergy name', () => {
    const long = recorded({ id: 'long', text: 'Codeine (reported by patient at the pre-operative visit)', manifestations: [snomed('73442001', 'Stevens-Johnson syndrome')] });
    const [f] = findings(long, draft('apap-hc', undefined, 'Acetaminophen 325 MG / Hydrocodone Bitartrate 5 MG Oral Tablet'));
    expect(f?.summary).toBe('Acetaminophen/hydrocodone: same opioid class (phenanthrenes) as recorded allergy "Codeine (reported by…" (Stevens–Johnson syndrome / to…).');
    expect(f?.summary.length).toBeLessThan(140);
  });
});

describe('drug-allergy: sulfonamides', () => {
  const sulfamethoxazole = (o: Omit<Recorded, 'rxnorm' | 'text'> = {}): AllergyIntolerance => recorded({ id: 'smx', rxnorm: '10180', text: 'Sulfamethoxazole', ...o });

  it('is critical for sulfadiazine after sulfamethoxazole anaphylaxis (both sulfonamide antibiotics)', () => {
    const [f] = findings(sulfamethoxazole({ manifestations: [ANAPHYLAXIS] }), SULFADIAZINE);
    expect(f).toMatchObject({
      severity: 'critical',
      summary: 'Sulfadiazine: a sulfonamide antibiotic, like recorded allergy "Sulfamethoxazole". Remove the order.',
      knowledge: ['cross-sensitivity:sulfonamide-antibiotics'],
    });
    expect(f?.detail).toContain('same class. Sulfamethoxazole, sulfadiazine and sulfisoxazole are sulfonamide antibiotics');
  });

  it('treats a "sulfa" label as the sulfonamide antibiotics, a warning when unconfirmed', () => {
    const sulfa = recorded({ id: 'sulfa', snomed: '387406002', text: 'Sulfa (Sulfonamide Antibiotics)', verification: 'unconfirmed' });
    expect(findings(sulfa, draft('bactrim', '198335', 'sulfamethoxazole 800 MG / trimethoprim 160 MG Oral Tablet'))[0]?.severity).toBe('warning');
  });

  it.each([
    ['furosemide', draft('furo', '313988', 'Furosemide 40 MG Oral Tablet')],
    ['hydrochlorothiazide', draft('hctz', undefined, 'Hydrochlorothiazide 25 MG Oral Tablet')],
    ['celecoxib', draft('cele', undefined, 'Celecoxib 200 MG Oral Capsule')],
    ['glipizide', draft('glip', undefined, 'Glipizide 5 MG Oral Tablet')],
    ['trimethoprim alone', draft('tmp', undefined, 'Trimethoprim 100 MG Oral Tablet')],
  ])('says nothing about %s in a sulfonamide antibiotic allergy (not cross-reactive)', (_name, order) => {
    expect(findings(sulfamethoxazole({ manifestations: [ANAPHYLAXIS] }), order)).toEqual([]);
    expect(findings(recorded({ text: 'Sulfa drugs', manifestations: [ANAPHYLAXIS] }), order)).toEqual([]);
  });
});
