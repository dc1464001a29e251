import type { CdsCard } from '../../src/cds/cds-types';
import { CitationMarkers, citationsOfCard, escapeStrayMarkers, identifierShare, identifiersInText, markersIn } from '../../src/cards/citations';
import { escapeMarkdown } from '../../src/cards/markdown';

type Cited = Pick<CdsCard, 'summary' | 'detail' | 'extension'>;

describe('citation markers', () => {
  it('numbers lists of references from 1 in the order they are asked for, reusing the number of the same set', () => {
    const markers = new CitationMarkers();
    expect(markers.marker(['Condition/a'])).toBe('[1]');
    expect(markers.marker(['Observation/x', 'Observation/y', 'Observation/x'])).toBe('[2]');
    expect(markers.marker(['Observation/y', 'Observation/x'])).toBe('[2]');
    expect(markers.marker(['Condition/a'])).toBe('[1]');
    expect(markers.marker(['Condition/b'])).toBe('[3]');
    expect(markers.extension()).toEqual({
      'chartbrief.citations': { '1': ['Condition/a'], '2': ['Observation/x', 'Observation/y'], '3': ['Condition/b'] },
    });
  });

  it('gives no extension when nothing was cited, and refuses a marker for no reference', () => {
    const markers = new CitationMarkers();
    expect(markers.extension()).toBeUndefined();
    expect(() => markers.marker([])).toThrow(/at least one reference/);
  });

  it('reads markers in order, but not escaped brackets: chart text cannot forge one', () => {
    expect(markersIn('a [1] b [2] c [1]')).toEqual([1, 2, 1]);
    expect(markersIn('\\[1\\] and \\\\[2]')).toEqual([2]);
    expect(escapeMarkdown('Dose [1] per label')).toBe('Dose \\[1\\] per label');
    expect(markersIn(escapeMarkdown('Dose [1] per label, \\[2] too'))).toEqual([]);
    expect(markersIn('[link](https://example.org) [x] [1a]')).toEqual([]);
  });

  it('escapes brackets that would read as markers, and only those', () => {
    expect(escapeStrayMarkers('see [1] and [label](https://x.org) and \\[2\\]')).toBe('see \\[1\\] and [label](https://x.org) and \\[2\\]');
    expect(escapeStrayMarkers('an escaped backslash \\\\[3]')).toBe('an escaped backslash \\\\\\[3\\]');
    expect(markersIn(escapeStrayMarkers('x [1] \\\\[3]'))).toEqual([]);
  });
});

describe('citationsOfCard', () => {
  const card = (detail: string, entries?: Record<string, unknown>): Cited =>
    ({ summary: 'Summary', detail, ...(entries !== undefined && { extension: { 'chartbrief.citations': entries } }) }) as Cited;

  it('returns every cited reference once, in marker order, when text and extension agree', () => {
    const c = card('- A [1]\n- B [2]\n- C [1]', { '1': ['Condition/a'], '2': ['Observation/x', 'Condition/a'] });
    expect(citationsOfCard(c)).toEqual({ refs: ['Condition/a', 'Observation/x'], problems: [] });
    expect(citationsOfCard({ summary: 'No citations', detail: 'Plain text' })).toEqual({ refs: [], problems: [] });
  });

  it('names a marker without an entry, an entry without a marker, and markers out of first-use order', () => {
    expect(citationsOfCard(card('A [1] B [3]', { '1': ['Condition/a'], '2': ['Condition/b'] })).problems).toEqual([
      'detail: marker [3] is cited 2nd; markers are numbered in order of first use',
      'detail: marker [3] has no entry in extension.chartbrief.citations',
      'extension.chartbrief.citations.2: no marker [2] in detail',
    ]);
    expect(citationsOfCard(card('A [2] B [1]', { '1': ['Condition/a'], '2': ['Condition/b'] })).problems).toEqual([
      'detail: marker [2] is cited 1st; markers are numbered in order of first use',
      'detail: marker [1] is cited 2nd; markers are numbered in order of first use',
    ]);
  });

  it('names malformed entries, markers in the summary, and an extension on a card without markers', () => {
    expect(citationsOfCard(card('A [1]', { '1': [] })).problems).toContain('extension.chartbrief.citations.1: must be a non-empty list of Type/id');
    expect(citationsOfCard(card('A [1]', { '1': [42] })).problems).toContain('extension.chartbrief.citations.1: must be a non-empty list of Type/id');
    expect(citationsOfCard({ summary: 'S', detail: 'A', extension: { 'chartbrief.citations': ['Condition/a'] } } as unknown as Cited).problems).toEqual([
      'extension.chartbrief.citations: must be an object',
      'extension.chartbrief.citations: present on a card without markers',
    ]);
    expect(citationsOfCard({ summary: 'K high [1]', detail: 'x' }).problems).toEqual(['summary: carries citation markers']);
    expect(citationsOfCard(card('No markers', {})).problems).toEqual(['extension.chartbrief.citations: present on a card without markers']);
  });
});

describe('identifier share', () => {
  it('counts the Type/id strings left in summary and detail, not units or drug strengths', () => {
    const c = { summary: 'Potassium 6.1 mmol/L', detail: 'Chlorpheniramine 2 MG/ML (Observation/k1) and mL/min/1.73 m²' };
    expect(identifiersInText(c)).toEqual(['Observation/k1']);
    expect(identifierShare(c)).toBeCloseTo('Observation/k1'.length / (c.summary.length + c.detail.length));
    expect(identifierShare({ summary: '', detail: '' })).toBe(0);
    expect(identifierShare({ summary: 'Brief' })).toBe(0);
  });
});
