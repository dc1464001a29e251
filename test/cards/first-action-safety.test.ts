import type { FhirResource } from 'fhir/r4';
import type { CdsAction, CdsCard } from '../../src/cds/cds-types';
import { cardsOfCase, draftOrdersOfCase } from '../support/case-cards';
import { loadRuleCases } from '../support/rule-cases';

// Some EHRs (the public CDS Hooks sandbox among them) apply only a suggestion's first action. A
// suggestion that replaces a draft must still leave no unsafe order then: its first action removes
// the draft (delete) or turns it into the alternative (update), never creates the alternative first.

const cases = loadRuleCases();

/** `Type/id` of the resource an action deletes or updates, or undefined for a create. */
function target(action: CdsAction): string | undefined {
  if (action.type === 'delete') return action.resourceId;
  if (action.type === 'update') return `${action.resource.resourceType}/${action.resource.id ?? ''}`;
  return undefined;
}

/** The draft orders after an EHR applies `actions` to them. */
function apply(drafts: ReadonlyMap<string, FhirResource>, actions: readonly CdsAction[]): Map<string, FhirResource> {
  const after = new Map(drafts);
  actions.forEach((action, i) => {
    if (action.type === 'delete') after.delete(action.resourceId);
    else if (action.type === 'update') after.set(target(action)!, action.resource);
    else after.set(`created/${i}`, action.resource);
  });
  return after;
}

/** Every way a card's suggestions leave an unsafe draft in place when only their first action is applied. */
function firstActionFaults(cards: readonly CdsCard[], drafts: ReadonlyMap<string, FhirResource>): string[] {
  const faults: string[] = [];
  for (const card of cards) {
    for (const s of card.suggestions ?? []) {
      const actions = s.actions ?? [];
      const replaced = actions.map(target).filter((ref): ref is string => ref !== undefined && drafts.has(ref));
      if (replaced.length === 0) continue;
      const first = actions[0]!;
      if (first.type === 'create') faults.push(`"${s.label}": first action creates before the draft is removed`);
      const afterFirst = apply(drafts, [first]);
      for (const ref of replaced) if (afterFirst.get(ref) === drafts.get(ref)) faults.push(`"${s.label}": ${ref} is still there after the first action`);
    }
  }
  return faults;
}

describe('the first-action check', () => {
  const draft: FhirResource = { resourceType: 'MedicationRequest', id: 'd1', status: 'draft', intent: 'order', subject: { reference: 'Patient/p' } };
  const drafts = new Map<string, FhirResource>([['MedicationRequest/d1', draft]]);
  const alternative: FhirResource = { resourceType: 'MedicationRequest', status: 'draft', intent: 'order', subject: { reference: 'Patient/p' } };
  const cardWith = (actions: CdsAction[]): CdsCard[] => [{ uuid: 'c', summary: 's', indicator: 'warning', source: { label: 'x' }, suggestions: [{ label: 'Replace', uuid: 's', actions }] }];

  it('flags a replacement that creates the alternative before deleting the draft', () => {
    const faults = firstActionFaults(cardWith([{ type: 'create', description: 'c', resource: alternative }, { type: 'delete', description: 'd', resourceId: 'MedicationRequest/d1' }]), drafts);
    expect(faults).toEqual(['"Replace": first action creates before the draft is removed', '"Replace": MedicationRequest/d1 is still there after the first action']);
  });

  it('accepts delete first, and a single update of the draft into the alternative', () => {
    expect(firstActionFaults(cardWith([{ type: 'delete', description: 'd', resourceId: 'MedicationRequest/d1' }, { type: 'create', description: 'c', resource: alternative }]), drafts)).toEqual([]);
    expect(firstActionFaults(cardWith([{ type: 'update', description: 'u', resource: { ...alternative, id: 'd1' } }]), drafts)).toEqual([]);
  });
});

describe.each(cases.map((c) => [c.name, c] as const))('the suggestions of case %s', (_name, c) => {
  it('remove the draft they replace with their first action alone', async () => {
    const cards = (await cardsOfCase(c)).map((x) => x.card);
    expect(firstActionFaults(cards, draftOrdersOfCase(c))).toEqual([]);
  });
});

it('the fixture cases include replacements (delete the draft, then create the alternative)', async () => {
  const replacements: string[] = [];
  for (const c of cases) {
    const drafts = draftOrdersOfCase(c);
    for (const { card } of await cardsOfCase(c)) {
      for (const s of card.suggestions ?? []) {
        const [first, ...rest] = s.actions ?? [];
        if (first?.type === 'delete' && drafts.has(first.resourceId) && rest.some((a) => a.type === 'create')) replacements.push(`${c.name}: ${s.label}`);
      }
    }
  }
  expect(replacements.length).toBeGreaterThan(0);
});
