import type { Condition } from 'fhir/r4';
import { drugInteractionRule } from '../../../src/rules/drug-safety/drug-interaction';
import { active, chartOf, draft, run, SNOMED } from './drug-safety-test-kit';

// drug-interaction, HL7 PDDI-CDS warfarin + NSAID: base warning; GI bleed history, age >= 65,
// corticosteroid, aldosterone antagonist or another NSAID raise it to critical; a PPI or
// misoprostol lowers it one step; topical NSAIDs are info.

const WARFARIN = active('warf', '855332', 'Warfarin Sodium 5 MG Oral Tablet');
const IBUPROFEN = draft('ibu', '197805', 'Ibuprofen 400 MG Oral Tablet');

function giBleed(verification?: string): Condition {
  return {
    resourceType: 'Condition',
    id: 'ugib',
    subject: { reference: 'Patient/pat-1' },
    clinicalStatus: { coding: [{ code: 'resolved' }] },
    ...(verification !== undefined && { verificationStatus: { coding: [{ code: verification }] } }),
    code: { coding: [{ system: SNOMED, code: '74474003', display: 'Gastrointestinal hemorrhage' }] },
    recordedDate: '2019-04-02',
  };
}

describe('drug-interaction: warfarin + NSAID (PDDI-CDS)', () => {
  it('order-sign with warfarin and ibuprofen at 80 is critical and offers acetaminophen or removal', () => {
    const [f, ...rest] = run(drugInteractionRule, 'order-sign', chartOf([WARFARIN], '1946-05-01'), [IBUPROFEN]);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ topic: 'ddi:11289+5640', severity: 'critical', summary: 'Ibuprofen + warfarin: major bleeding risk. Consider acetaminophen.', selectionBehavior: 'at-most-one' });
    expect(f?.evidence).toEqual(['MedicationRequest/ibu', 'MedicationRequest/warf']);
    expect(f?.knowledge).toEqual(['pddi:warfarin-nsaids', 'pddi:warfarin-nsaids:age']);
    expect(f?.detail).toContain('age 80 (65 or older)');
    const [replace, remove] = f?.suggestions ?? [];
    expect(replace?.isRecommended).toBe(true);
    expect(replace?.actions).toEqual([
      { type: 'delete', description: 'Remove the draft order for Ibuprofen 400 MG Oral Tablet.', resourceId: 'MedicationRequest/ibu' },
      {
        type: 'create',
        description: 'Order Acetaminophen 325 MG Oral Tablet instead.',
        resource: expect.objectContaining({ resourceType: 'MedicationRequest', status: 'draft', intent: 'order', subject: { reference: 'Patient/pat-1' } }) as unknown,
      },
    ]);
    expect(remove).toMatchObject({ label: 'Remove ibuprofen order', isRecommended: false });
  });

  it('is a warning for a 46-year-old with no risk factors', () => {
    const [f] = run(drugInteractionRule, 'order-select', chartOf([WARFARIN]), [IBUPROFEN]);
    expect(f).toMatchObject({ severity: 'warning', summary: 'Ibuprofen + warfarin: bleeding risk. Consider acetaminophen.' });
    expect(f?.detail).toContain('Raises the risk: none recorded');
  });

  it('is lowered to info by an active PPI', () => {
    const chart = chartOf([WARFARIN, active('ome', '198051', 'Omeprazole 20 MG Delayed Release Oral Capsule')]);
    const [f] = run(drugInteractionRule, 'order-sign', chart, [IBUPROFEN]);
    expect(f).toMatchObject({ severity: 'info', summary: 'Ibuprofen + warfarin: bleeding risk, lowered by gastroprotection. Consider acetaminophen.' });
    expect(f?.evidence).toContain('MedicationRequest/ome');
  });

  it('counts a history of GI bleeding (even resolved) and lowers it with a PPI drafted alongside', () => {
    const chart = chartOf([WARFARIN, giBleed()]);
    const [f] = run(drugInteractionRule, 'order-sign', chart, [IBUPROFEN, draft('ppi', '198051', 'Omeprazole 20 MG Delayed Release Oral Capsule')]);
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.evidence).toEqual(['MedicationRequest/ibu', 'MedicationRequest/warf', 'Condition/ugib', 'MedicationRequest/ppi']);
    expect(f?.detail).toContain('history of GI bleeding: Gastrointestinal hemorrhage, 2019-04-02 (Condition/ugib)');
  });

  it('ignores a refuted GI bleed', () => {
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([WARFARIN, giBleed('refuted')]), [IBUPROFEN]);
    expect(f?.severity).toBe('warning');
  });

  it('names an undated GI bleed without a date', () => {
    const { recordedDate: _omit, ...undated } = giBleed();
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([WARFARIN, undated]), [IBUPROFEN]);
    expect(f?.detail).toContain('history of GI bleeding: Gastrointestinal hemorrhage (Condition/ugib)');
  });

  it.each([
    ['a systemic corticosteroid', active('pred', '198145', 'Prednisone 10 MG Oral Tablet'), 'systemic corticosteroid: prednisone'],
    ['an aldosterone antagonist', active('spiro', '198222', 'Spironolactone 100 MG Oral Tablet'), 'aldosterone antagonist: spironolactone'],
    ['another NSAID', active('nap', '849574', 'Naproxen sodium 220 MG Oral Tablet'), 'another NSAID: naproxen'],
  ])('is critical with %s', (_name, comedication, text) => {
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([WARFARIN, comedication]), [IBUPROFEN]).filter((x) => x.topic === 'ddi:11289+5640');
    expect(f?.severity).toBe('critical');
    expect(f?.detail).toContain(text);
  });

  it('treats an NSAID combined with misoprostol (Arthrotec) as protected', () => {
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([WARFARIN]), [draft('arth', '1359107', 'Diclofenac Sodium 50 MG / Misoprostol 0.2 MG Delayed Release Oral Tablet [Arthrotec]')]);
    expect(f).toMatchObject({ topic: 'ddi:11289+3355', severity: 'info' });
    expect(f?.detail).toContain('diclofenac/misoprostol contains misoprostol');
  });

  it('rates a topical NSAID as info, without an alternative', () => {
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([WARFARIN], '1940-01-01'), [draft('gel', '855635', 'Diclofenac Sodium 0.01 MG/MG Topical Gel [Voltaren]')]);
    expect(f).toMatchObject({ severity: 'info', summary: 'Topical diclofenac + warfarin: little systemic NSAID effect. Watch for bleeding.' });
    expect(f?.suggestions).toEqual([expect.objectContaining({ label: 'Remove diclofenac order', isRecommended: false })]);
  });

  it('puts the NSAID first when warfarin is the draft, and offers to remove the warfarin order', () => {
    const chart = chartOf([active('nap', '849574', 'Naproxen sodium 220 MG Oral Tablet')]);
    const [f] = run(drugInteractionRule, 'order-sign', chart, [draft('w', '855332', 'Warfarin Sodium 5 MG Oral Tablet')]);
    expect(f?.summary).toBe('Naproxen + warfarin: bleeding risk. Consider acetaminophen.');
    expect(f?.suggestions).toEqual([expect.objectContaining({ label: 'Remove warfarin order', isRecommended: true })]);
  });

  it('checks drafts against each other', () => {
    const [f] = run(drugInteractionRule, 'order-sign', chartOf([]), [draft('w', '855332', 'Warfarin Sodium 5 MG Oral Tablet'), IBUPROFEN]);
    expect(f?.topic).toBe('ddi:11289+5640');
    expect(f?.suggestions?.map((s) => s.label)).toEqual(['Replace with acetaminophen', 'Remove ibuprofen order', 'Remove warfarin order']);
  });

  it('on patient-view, caps the active pair at warning and suggests nothing', () => {
    const chart = chartOf([WARFARIN, active('nap', '849574', 'Naproxen sodium 220 MG Oral Tablet')], '1940-01-01');
    const [f] = run(drugInteractionRule, 'patient-view', chart);
    expect(f).toMatchObject({ severity: 'warning', summary: 'Naproxen + warfarin: major bleeding risk. Consider acetaminophen.' });
    expect(f?.suggestions).toBeUndefined();
  });
});
