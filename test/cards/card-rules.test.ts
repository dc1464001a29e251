import { cardProblems } from '../support/card-rules';

// The validator is only worth trusting if it accepts what the spec allows and names what it forbids.

function validCard(): Record<string, unknown> {
  return {
    uuid: '4e0a3a1e-3283-4575-ab82-028d55fe2719',
    summary: 'Ibuprofen + warfarin: major bleeding risk. Consider acetaminophen.',
    indicator: 'warning',
    detail: 'Warfarin `MedicationRequest/mr-1` and ibuprofen.',
    source: { label: 'ONC high-priority DDI list', url: 'https://example.org/ddi', topic: { system: 'http://example.org/topics', code: 'ddi' } },
    suggestions: [
      {
        label: 'Remove ibuprofen order',
        uuid: 's-1',
        isRecommended: true,
        actions: [{ type: 'delete', description: 'Remove the draft order', resourceId: 'MedicationRequest/draft-1' }],
      },
      {
        label: 'Order acetaminophen instead',
        actions: [{ type: 'create', description: 'Create acetaminophen order', resource: { resourceType: 'MedicationRequest', status: 'draft' } }],
      },
    ],
    selectionBehavior: 'at-most-one',
    overrideReasons: [{ system: 'http://example.org/override', code: 'monitor', display: 'Will monitor' }],
    links: [
      { label: 'Open app', url: 'https://app.example.org/launch', type: 'smart', appContext: '{"x":1}' },
      { label: 'Guideline', url: 'https://example.org/guideline', type: 'absolute' },
    ],
  };
}

function withCard(change: (card: Record<string, unknown>) => void): unknown {
  const card = validCard();
  change(card);
  return { cards: [card] };
}

describe('cardProblems accepts responses the spec allows', () => {
  it('accepts a full card with suggestions, override reasons and links', () => {
    expect(cardProblems({ cards: [validCard()] })).toEqual([]);
  });

  it('accepts a card whose citation markers match its extension', () => {
    const card = { ...validCard(), detail: 'Warfarin [1] and ibuprofen [2].', extension: { 'chartbrief.citations': { '1': ['MedicationRequest/mr-1'], '2': ['MedicationRequest/draft-1'] } } };
    expect(cardProblems({ cards: [card] })).toEqual([]);
  });

  it('accepts "no decision support": an empty cards array', () => {
    expect(cardProblems({ cards: [] })).toEqual([]);
  });

  it('accepts a minimal card without uuid, and valid systemActions', () => {
    const response = {
      cards: [{ summary: 'Brief', indicator: 'info', source: { label: 'ChartBrief' } }],
      systemActions: [{ type: 'update', description: 'Record score', resource: { resourceType: 'ServiceRequest', id: 'sr-1' } }],
    };
    expect(cardProblems(response)).toEqual([]);
  });
});

describe('cardProblems names what the spec forbids', () => {
  it.each<[string, unknown, string]>([
    ['a response that is not an object', [], 'response: must be a JSON object'],
    ['a response without cards', {}, 'cards: is required'],
    ['cards that are not an array', { cards: {} }, 'cards: must be an array'],
  ])('rejects %s', (_name, response, problem) => {
    expect(cardProblems(response)).toContain(problem);
  });

  it.each<[string, (c: Record<string, unknown>) => void, string]>([
    ['a summary of 140 characters', (c) => (c['summary'] = 'x'.repeat(140)), 'cards[0].summary: must be under 140 characters (has 140)'],
    ['a missing summary', (c) => delete c['summary'], 'cards[0].summary: is required'],
    ['an unknown indicator', (c) => (c['indicator'] = 'hard-stop'), 'cards[0].indicator: must be one of info, warning, critical'],
    ['a missing source', (c) => delete c['source'], 'cards[0].source: is required'],
    ['a source without label', (c) => (c['source'] = { url: 'https://example.org' }), 'cards[0].source.label: is required'],
    ['a relative source url', (c) => (c['source'] = { label: 'x', url: '/about' }), 'cards[0].source.url: must be an absolute http(s) URL'],
    ['a non-string uuid', (c) => (c['uuid'] = 42), 'cards[0].uuid: must be a string'],
    ['suggestions without selectionBehavior', (c) => delete c['selectionBehavior'], 'cards[0].selectionBehavior: is required when suggestions are present'],
    ['an unknown selectionBehavior', (c) => (c['selectionBehavior'] = 'exactly-one'), 'cards[0].selectionBehavior: must be one of at-most-one, any'],
    [
      'two recommended suggestions under at-most-one',
      (c) => ((c['suggestions'] as Record<string, unknown>[])[1]!['isRecommended'] = true),
      'cards[0].suggestions: only one suggestion may be recommended when selectionBehavior is at-most-one',
    ],
    ['a suggestion without label', (c) => delete (c['suggestions'] as Record<string, unknown>[])[0]!['label'], 'cards[0].suggestions[0].label: is required'],
    [
      'a delete without resourceId',
      (c) => ((c['suggestions'] as Record<string, unknown>[])[0]!['actions'] = [{ type: 'delete', description: 'Remove' }]),
      'cards[0].suggestions[0].actions[0].resourceId: is required',
    ],
    [
      'a create without resource',
      (c) => ((c['suggestions'] as Record<string, unknown>[])[0]!['actions'] = [{ type: 'create', description: 'Add' }]),
      'cards[0].suggestions[0].actions[0].resource: is required for create and must be a FHIR resource',
    ],
    [
      'an action of unknown type',
      (c) => ((c['suggestions'] as Record<string, unknown>[])[0]!['actions'] = [{ type: 'replace', description: 'x' }]),
      'cards[0].suggestions[0].actions[0].type: must be one of create, update, delete',
    ],
    [
      'an action without description',
      (c) => ((c['suggestions'] as Record<string, unknown>[])[0]!['actions'] = [{ type: 'delete', resourceId: 'MedicationRequest/1' }]),
      'cards[0].suggestions[0].actions[0].description: is required',
    ],
    ['an override reason without display', (c) => (c['overrideReasons'] = [{ system: 'http://x', code: 'a' }]), 'cards[0].overrideReasons[0].display: is required'],
    ['an override reason without system', (c) => (c['overrideReasons'] = [{ code: 'a', display: 'A' }]), 'cards[0].overrideReasons[0].system: is required'],
    ['a link of unknown type', (c) => (c['links'] = [{ label: 'x', url: 'https://x.org', type: 'app' }]), 'cards[0].links[0].type: must be one of absolute, smart'],
    [
      'appContext on an absolute link',
      (c) => (c['links'] = [{ label: 'x', url: 'https://x.org', type: 'absolute', appContext: 'a' }]),
      'cards[0].links[0].appContext: is only allowed on smart links',
    ],
    ['a link without url', (c) => (c['links'] = [{ label: 'x', type: 'smart' }]), 'cards[0].links[0].url: is required'],
    ['a link with a relative url', (c) => (c['links'] = [{ label: 'x', url: 'launch', type: 'smart' }]), 'cards[0].links[0].url: must be an absolute http(s) URL'],
    ['a null detail', (c) => (c['detail'] = null), 'cards[0].detail: is null'],
    ['an empty detail', (c) => (c['detail'] = ''), 'cards[0].detail: is an empty string'],
    ['empty suggestions', (c) => (c['suggestions'] = []), 'cards[0].suggestions: is an empty array'],
    ['an empty links array', (c) => (c['links'] = []), 'cards[0].links: is an empty array'],
    ['an extension that is not an object', (c) => (c['extension'] = 'x'), 'cards[0].extension: must be an object'],
    ['a citation marker without its entry', (c) => (c['detail'] = 'Warfarin [1] and ibuprofen.'), 'cards[0].detail: marker [1] has no entry in extension.chartbrief.citations'],
    [
      'a citation entry without its marker',
      (c) => (c['extension'] = { 'chartbrief.citations': { '1': ['MedicationRequest/mr-1'] } }),
      'cards[0].extension.chartbrief.citations: present on a card without markers',
    ],
    ['an empty object deep inside', (c) => (c['source'] = { label: 'x', topic: {} }), 'cards[0].source.topic: is an empty object'],
  ])('rejects %s', (_name, change, problem) => {
    expect(cardProblems(withCard(change))).toContain(problem);
  });

  it('applies the action rules to systemActions', () => {
    const problems = cardProblems({ cards: [], systemActions: [{ type: 'delete', description: 'Remove' }] });
    expect(problems).toEqual(['systemActions[0].resourceId: is required']);
  });

  it('rejects empty systemActions but not empty cards', () => {
    expect(cardProblems({ cards: [], systemActions: [] })).toEqual(['systemActions: is an empty array']);
  });
});
