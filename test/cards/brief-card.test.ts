import type { Brief } from '../../src/brief/brief';
import { CARD_DETAIL_LINES } from '../../src/brief/embedded/bounds';
import { summarizeChart } from '../../src/brief/embedded/embedded-summarizer';
import { briefSourceLabel, buildBriefCard } from '../../src/cards/brief-card';
import { citationsOfCard } from '../../src/cards/citations';
import { escapeMarkdown, truncateText } from '../../src/cards/markdown';
import { stripEmptyResponse } from '../../src/cards/strip-empty';
import { cardProblems } from '../support/card-rules';
import { ChartBuilder } from '../support/chart-builder';

const LAUNCH = 'https://chartbrief.example.org/launch';
const options = { appLaunchUrl: LAUNCH, uuid: () => 'card-1' };

function brief(headline: string, statementText = 'Atrial fibrillation'): Brief {
  return {
    headline: { text: headline, evidence: ['Patient/p1'] },
    sections: [{ name: 'problems', title: 'Active problems', statements: [{ text: statementText, evidence: ['Condition/c1', 'Condition/c2'] }] }],
    provenance: { provider: 'embedded', generatedAt: '2024-01-01T00:00:00.000Z' },
  };
}

describe('the brief card', () => {
  it('is a spec-valid info card with the headline as summary and a smart link to the app', () => {
    const card = buildBriefCard(brief('78 F · AF on warfarin · CKD 4'), options);
    expect(card).toMatchObject({
      uuid: 'card-1',
      summary: '78 F · AF on warfarin · CKD 4',
      indicator: 'info',
      source: { label: 'ChartBrief (embedded summary)' },
      links: [{ label: 'Open full ChartBrief', url: LAUNCH, type: 'smart' }],
    });
    expect(card.links?.[0]).not.toHaveProperty('appContext');
    expect(cardProblems(stripEmptyResponse({ cards: [card] }))).toEqual([]);
  });

  it('cuts a long headline under 140 characters on a word boundary', () => {
    const long = `78 F · ${'Chronic obstructive pulmonary disease '.repeat(8)}`;
    const card = buildBriefCard(brief(long), options);
    expect(card.summary.length).toBeLessThan(140);
    expect(card.summary.endsWith('…')).toBe(true);
    expect(long.startsWith(card.summary.slice(0, -1))).toBe(true);
    expect(card.summary.slice(0, -1)).toMatch(/(disease|pulmonary|obstructive|Chronic)$/);
  });

  it('follows every statement with one marker, the identifiers in the extension, and does not repeat the headline', () => {
    const card = buildBriefCard(brief('78 F'), options);
    expect(card.detail).toBe('**Active problems**\n\n- Atrial fibrillation [1]');
    expect(card.extension).toEqual({ 'chartbrief.citations': { '1': ['Condition/c1', 'Condition/c2'] } });
    expect(citationsOfCard(card)).toEqual({ refs: ['Condition/c1', 'Condition/c2'], problems: [] });
    expect(card.summary).toBe('78 F');
  });

  it('numbers markers from 1 in order of first use, reusing the number of an evidence list already cited', () => {
    const b: Brief = {
      headline: { text: '70 M', evidence: ['Patient/p1'] },
      sections: [
        { name: 'problems', title: 'Active problems', statements: [{ text: 'CKD 4', evidence: ['Condition/ckd'] }, { text: 'Gout', evidence: ['Condition/gout'] }] },
        { name: 'medications', title: 'Active medications', statements: [{ text: 'Allopurinol for gout', evidence: ['Condition/gout'] }, { text: 'Uncited', evidence: [] }] },
        { name: 'labs', title: 'Recent labs', statements: [{ text: 'eGFR 22 → 18', evidence: ['Observation/e2', 'Observation/e1'] }] },
      ],
      provenance: { provider: 'embedded' },
    };
    const card = buildBriefCard(b, options);
    const lines = (card.detail ?? '').split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toEqual(['- CKD 4 [1]', '- Gout [2]', '- Allopurinol for gout [2]', '- Uncited', '- eGFR 22 → 18 [3]']);
    expect(card.extension?.['chartbrief.citations']).toEqual({ '1': ['Condition/ckd'], '2': ['Condition/gout'], '3': ['Observation/e2', 'Observation/e1'] });
    expect(citationsOfCard(card).problems).toEqual([]);
  });

  it('leaves the extension, and an empty detail, out when nothing is cited', () => {
    const uncited: Brief = { headline: { text: '78 F', evidence: ['Patient/p1'] }, sections: [{ name: 'problems', title: 'Active problems', statements: [{ text: 'Asthma', evidence: [] }] }], provenance: { provider: 'embedded' } };
    expect(buildBriefCard(uncited, options).extension).toBeUndefined();
    const empty = buildBriefCard({ ...uncited, sections: [] }, options);
    expect(empty).not.toHaveProperty('detail');
    expect(empty).not.toHaveProperty('extension');
    expect(cardProblems({ cards: [empty] })).toEqual([]);
  });

  it('does not let chart text forge a marker', () => {
    const card = buildBriefCard(brief('78 F [9]', 'Allergy to sulfa [1] \\[2]'), options);
    expect(card.detail).toContain('- Allergy to sulfa \\[1\\] \\\\\\[2\\] [1]');
    expect(card.summary).toBe('78 F [9]');
    expect(citationsOfCard({ ...card, summary: '' })).toEqual({ refs: ['Condition/c1', 'Condition/c2'], problems: [] });
  });

  it('escapes chart text so names cannot inject HTML or markup into the EHR', () => {
    const hostile = '<img src=x onerror=alert(1)> **URGENT** _x_ [click](https://evil.example) `code` & ~~gone~~';
    const card = buildBriefCard(brief('78 F', hostile), options);
    const line = (card.detail ?? '').split('\n').find((l) => l.startsWith('- ')) ?? '';
    expect(line).not.toMatch(/(?<!\\)</);
    expect(line).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(line).toContain('\\*\\*URGENT\\*\\*');
    expect(line).toContain('\\_x\\_');
    expect(line).toContain('\\[click\\](https://evil.example)');
    expect(line).toContain('\\`code\\`');
    expect(line).toContain('\\& \\~\\~gone\\~\\~');
    expect(citationsOfCard(card)).toEqual({ refs: ['Condition/c1', 'Condition/c2'], problems: [] });
  });

  it('keeps chart text on its own line: line breaks cannot start headings, lists or HTML blocks', () => {
    const card = buildBriefCard(brief('78 F', 'Asthma\n# Heading\n<script>x</script>\n1. item'), options);
    const lines = (card.detail ?? '').split('\n');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(1);
    expect(lines.some((l) => /^(#|<|1\.)/.test(l))).toBe(false);
  });

  it('fits any brief into the sidebar line budget, saying beside each title how much more the full brief has', () => {
    const many = (n: number, type: string) => Array.from({ length: n }, (_, i) => ({ text: `${type} ${i}`, evidence: [`${type}/x${i}`] }));
    const long: Brief = {
      headline: { text: '78 F', evidence: ['Patient/p1'] },
      sections: [
        { name: 'problems', title: 'Active problems', statements: many(12, 'Condition') },
        { name: 'medications', title: 'Active medications', statements: many(2, 'MedicationRequest') },
        { name: 'encounters', title: 'Recent encounters', statements: many(5, 'Encounter') },
      ],
      provenance: { provider: 'azure-openai', model: 'gpt-4.1', verified: 19, dropped: 0 },
    };
    const detail = buildBriefCard(long, options).detail ?? '';
    const lines = detail.split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeLessThanOrEqual(CARD_DETAIL_LINES - 1);
    expect(lines).toContain('**Active problems** (+8 more)');
    expect(lines).toContain('**Active medications**');
    expect(detail).not.toContain('Encounter/');
    // The budget counts the headline, which the card shows as its summary.
    expect(buildBriefCard(long, { ...options, maxLines: 4 }).detail?.split('\n').filter((l) => l.trim() !== '')).toHaveLength(3);
  });

  it('shows the marked statements of a full brief first, and says beside each title how many marked ones it left out', () => {
    const statements = (n: number, type: string, priority?: 'critical' | 'high') =>
      Array.from({ length: n }, (_, i) => ({ text: `${type} ${priority ?? 'plain'} ${i}`, evidence: [`${type}/${priority ?? 'p'}${i}`], ...(priority && { priority }) }));
    const full: Brief = {
      headline: { text: '78 F', evidence: ['Patient/p1'] },
      sections: [
        { name: 'problems', title: 'Active problems', statements: statements(10, 'Condition') },
        { name: 'medications', title: 'Active medications', statements: [...statements(2, 'MedicationRequest', 'high'), ...statements(6, 'MedicationRequest')] },
        { name: 'allergies', title: 'Allergies', statements: [...statements(1, 'AllergyIntolerance', 'critical'), ...statements(4, 'AllergyIntolerance')] },
        { name: 'labs', title: 'Key labs', statements: [...statements(8, 'Observation', 'high'), ...statements(5, 'Observation')] },
      ],
      provenance: { provider: 'embedded' },
    };
    const card = buildBriefCard(full, options);
    const lines = (card.detail ?? '').split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeLessThanOrEqual(CARD_DETAIL_LINES - 1);
    expect(lines).toContain('**Key labs** (+2 more abnormal, +5 more)');
    const cited = citationsOfCard(card).refs;
    expect(cited).toEqual(expect.arrayContaining(['AllergyIntolerance/critical0', 'MedicationRequest/high0', 'MedicationRequest/high1']));
    expect(cited.filter((ref) => ref.startsWith('Observation/high'))).toHaveLength(6);
    expect(cited.filter((ref) => ref.startsWith('Observation/p'))).toEqual([]);
  });

  it('says in source.label when a model wrote the brief and how much was verified', () => {
    expect(briefSourceLabel({ provider: 'azure-openai', model: 'gpt-4.1', verified: 9, dropped: 1 })).toBe(
      'ChartBrief · gpt-4.1 (verified 9/10 statements)',
    );
  });

  it('is spec-valid for a real embedded brief', () => {
    const chart = new ChartBuilder({ birthDate: '1946-02-01', gender: 'female' })
      .condition({ id: 'af', snomed: '49436004', display: 'Atrial fibrillation (disorder)', onset: '2015-03-02' })
      .medication({ id: 'warf', name: 'Warfarin Sodium 5 MG Oral Tablet', dosage: '5 mg by mouth daily' })
      .build();
    const card = buildBriefCard(summarizeChart(chart, new Date('2024-06-01T00:00:00Z')), options);
    expect(card.summary).toBe('78 F · AF on warfarin');
    expect(cardProblems({ cards: [card] })).toEqual([]);
  });
});

describe('markdown helpers', () => {
  it('escapes a leading list or heading marker but leaves ordinary numbers alone', () => {
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('0.25 ML syringe')).toBe('0.25 ML syringe');
    expect(escapeMarkdown('BMI 30+ - obesity')).toBe('BMI 30+ - obesity');
  });

  it('never leaves a lone surrogate when truncating', () => {
    const text = `${'a'.repeat(137)}😀😀 tail`;
    const out = truncateText(text, 140);
    expect(out.length).toBeLessThan(140);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(out)).toBe(false);
  });
});
