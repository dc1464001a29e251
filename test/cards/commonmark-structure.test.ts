import type { ServiceRequest } from 'fhir/r4';
import { CARE_GAP_RULE_ID } from '../../src/rules/care-gaps/care-gap-finding';
import type { CaseCard } from '../support/case-cards';
import { cardsOfCase, syntheaBriefCards } from '../support/case-cards';
import type { OutlineBlock } from '../support/commonmark-outline';
import { cardMarkdown, htmlProblems, outline, structureProblems } from '../support/commonmark-outline';
import { loadRuleCases } from '../support/rule-cases';

// Every card reads in a standard CommonMark renderer (markdown-it, set up as the app and sandbox
// pages set it up) the way its lines mean: labels are paragraphs, each list holds the items written
// under its label and no more. The care-gap card once put "**Up to date**" right after the last due
// item, so renderers (the public CDS Hooks sandbox's too) read it as part of that item.

const cases = loadRuleCases();

/** The items of the list right after the paragraph `label` (e.g. "**Due**"), or undefined without one. */
function listUnder(blocks: readonly OutlineBlock[], label: string): string[] | undefined {
  const at = blocks.findIndex((b) => b.kind === 'paragraph' && b.text === label);
  const next = blocks[at + 1];
  return at >= 0 && next?.kind === 'list' ? next.items.map((it) => it.text) : undefined;
}

describe('the structure check', () => {
  it('catches a label that follows a list item with no blank line (the old care-gap layout)', () => {
    const old = 'As of today.\n\n**Due**\n- Pneumococcal vaccine: age 65, none on record\n**Up to date**\n- Influenza vaccine: 2020-10-01';
    expect(structureProblems(old)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('list item runs on into the next line'),
        expect.stringContaining('a bold label inside a list item'),
        expect.stringContaining('label "**Up to date**" is not a paragraph of its own'),
        expect.stringContaining('the list under **Due** renders as'),
      ]),
    );
    expect(cardMarkdown.render(old)).toContain('<li>Pneumococcal vaccine: age 65, none on record\n<strong>Up to date</strong></li>');
  });

  it('accepts labels and lists separated by blank lines', () => {
    const fixed = 'As of today.\n\n**Due**\n\n- Pneumococcal vaccine: age 65\n\n**Up to date**\n\n- Influenza vaccine: 2020-10-01';
    expect(structureProblems(fixed)).toEqual([]);
    expect(listUnder(outline(fixed), '**Due**')).toEqual(['Pneumococcal vaccine: age 65']);
    expect(listUnder(outline(fixed), '**Up to date**')).toEqual(['Influenza vaccine: 2020-10-01']);
  });

  it('catches markup a card must not carry: raw HTML stays text, images and non-http links do not render', () => {
    expect(cardMarkdown.render('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>\n');
    expect(htmlProblems('![x](https://example.org/x.png) [y](javascript:alert(1)) [z](https://example.org)')).toEqual([]);
    expect(cardMarkdown.render('[z](https://example.org)')).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">z</a>');
    expect(cardMarkdown.render('www.example.org')).not.toContain('<a');
    expect(structureProblems('Text\n\n    indented code')).toEqual(['line 3: renders as code_block']);
  });
});

describe.each(cases.map((c) => [c.name, c] as const))('the rule cards of case %s', (_name, c) => {
  let cards: CaseCard[];
  beforeAll(async () => {
    cards = await cardsOfCase(c);
  });

  it('render to the structure their markdown means, with no image, script or non-http link', () => {
    for (const { card } of cards) {
      expect({ summary: card.summary, problems: [...structureProblems(card.detail ?? ''), ...htmlProblems(card.detail ?? '')] }).toEqual({ summary: card.summary, problems: [] });
    }
  });

  it('list each due care gap under Due and nothing else there; up-to-date gaps under Up to date', () => {
    for (const { card, finding } of cards.filter((x) => x.finding.ruleId === CARE_GAP_RULE_ID)) {
      const blocks = outline(card.detail ?? '');
      // The gaps due, as the suggestions (one draft order per due gap) name them.
      const dueTitles = (finding.suggestions ?? []).map((s) => {
        const action = s.actions[0];
        return action?.type === 'create' ? ((action.resource as ServiceRequest).reasonCode?.[0]?.text ?? '').replace(/ due \(ChartBrief care gaps\)$/, '') : '';
      });
      const due = listUnder(blocks, '**Due**') ?? [];
      expect(due.map((item) => item.slice(0, item.indexOf(': ')))).toEqual(dueTitles);
      const upToDate = listUnder(blocks, '**Up to date**') ?? [];
      for (const item of upToDate) expect(dueTitles).not.toContain(item.slice(0, item.indexOf(': ')));
      expect(blocks.filter((b) => b.kind === 'paragraph' && /^\*\*(Due|Not assessed|Up to date|Excluded)\*\*$/.test(b.text)).length).toBeGreaterThan(0);
    }
  });
});

it('the fixture cases include care-gap cards with both a Due and an Up to date list (the layout that broke)', async () => {
  const both = [];
  for (const c of cases.filter((x) => x.name.startsWith('care-gaps/'))) {
    for (const { card, finding } of await cardsOfCase(c)) {
      const blocks = outline(card.detail ?? '');
      if (finding.ruleId === CARE_GAP_RULE_ID && listUnder(blocks, '**Due**') && listUnder(blocks, '**Up to date**')) both.push(c.name);
    }
  }
  expect(both.length).toBeGreaterThan(0);
});

describe.each(syntheaBriefCards().map((b) => [b.file, b.card] as const))('the brief card of %s', (_file, card) => {
  it('renders each section title as a paragraph followed by its own list of statements', () => {
    const detail = card.detail ?? '';
    expect(structureProblems(detail)).toEqual([]);
    expect(htmlProblems(detail)).toEqual([]);
    const blocks = outline(detail);
    const titles = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : []));
    expect(titles.length).toBeGreaterThan(2);
    for (const t of titles) expect(t.text).toMatch(/^\*\*[^*]+\*\*/);
    const lists = blocks.filter((b) => b.kind === 'list');
    expect(lists.flatMap((l) => (l.kind === 'list' ? l.items : [])).every((it) => !it.text.startsWith('**'))).toBe(true);
  });
});
