import type { CitationMarkers } from './citations';
import { escapeStrayMarkers } from './citations';

/**
 * Rules write a finding's `detail` naming the resources it rests on inline, as `Type/id`, bare or
 * in a code span: "K 6.1 mmol/L on 2026-05-30 (Observation/k1)", "(new order; MedicationRequest/d1)",
 * "diabetes `Condition/dm`: last …". Here each evidence reference becomes a citation marker, and
 * the punctuation left around it is tidied, so a card reads "K 6.1 mmol/L on 2026-05-30 [1]".
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Any of `refs`, longest first, as a whole reference: not inside a longer type or path, and not
 * followed by more id characters (`Observation/1` is not in `Observation/12` nor `Observation/1.5`;
 * a full stop that ends a sentence is not part of the id). In a code span the backticks go too.
 */
function refPattern(refs: readonly string[]): RegExp {
  const alternatives = [...refs].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return new RegExp(`\`(${alternatives})\`|(?<![A-Za-z0-9/])(${alternatives})(?![A-Za-z0-9-]|\\.[A-Za-z0-9-])`, 'g');
}

/** Text between two references that makes them one group: ", ", "; ", " and ". */
const GROUP_SEPARATOR = /^(?:\s*[,;]\s*|,?\s+and\s+)$/;

type Piece = { text: string } | { refs: string[] };

/** The detail cut into text and runs of adjacent references ("(A/1, B/2)" is one run). */
function pieces(detail: string, pattern: RegExp): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of detail.matchAll(pattern)) {
    const ref = m[1] ?? m[2] ?? '';
    const between = detail.slice(last, m.index);
    const previous = out[out.length - 1];
    if (previous !== undefined && 'refs' in previous && GROUP_SEPARATOR.test(between)) previous.refs.push(ref);
    else {
      if (between !== '') out.push({ text: between });
      out.push({ refs: [ref] });
    }
    last = m.index + m[0].length;
  }
  if (last < detail.length) out.push({ text: detail.slice(last) });
  return out;
}

const M = '(\\[\\d+\\])';

/** Tidies what a reference leaves behind once it is a marker. */
function tidy(markdown: string): string {
  return (
    markdown
      // "age 55 ([1])." → "age 55 [1]."
      .replace(new RegExp(`[ \\t]*\\(\\s*${M}\\s*\\)`, 'g'), ' $1')
      // "(new order; [1])" → "(new order [1])", "mg/dL, [1]." → "mg/dL [1]."
      .replace(new RegExp(`[ \\t]*[;,][ \\t]*${M}(?=[ \\t]*(?:[).;:,]|$))`, 'gm'), ' $1')
      // "(new order [1])" → "(new order) [1]"
      .replace(new RegExp(`\\(([^()\\n]*?)[ \\t]+${M}\\)`, 'g'), '($1) $2')
      // "Atrial fibrillation — [1]" → "Atrial fibrillation [1]"
      .replace(new RegExp(`[ \\t]+[—–][ \\t]+${M}`, 'g'), ' $1')
      // "[1]: …" opening a line would be a CommonMark link reference definition, and vanish.
      .replace(new RegExp(`^([ \\t]*(?:[-*+][ \\t]+|\\d{1,9}[.)][ \\t]+)?)${M}:`, 'gm'), '$1$2\\:')
  );
}

/**
 * A finding's detail with its evidence cited by markers: every inline mention of an evidence
 * reference becomes a marker (a run of adjacent references one marker), and the evidence never
 * mentioned inline is cited by one closing line, "Based on [n].". Markers are taken from `markers`
 * in the order they appear; `[n]` already in the text (quoted chart text) is escaped first.
 */
export function citeFindingDetail(detail: string, evidence: readonly string[], markers: CitationMarkers): string {
  const refs = [...new Set(evidence)].filter((r) => r !== '');
  const text = escapeStrayMarkers(detail);
  if (refs.length === 0) return text;
  const mentioned = new Set<string>();
  const cited = pieces(text, refPattern(refs))
    .map((p) => {
      if ('text' in p) return p.text;
      for (const r of p.refs) mentioned.add(r);
      return markers.marker(p.refs);
    })
    .join('');
  const rest = refs.filter((r) => !mentioned.has(r));
  const tidied = tidy(cited).trimEnd();
  if (rest.length === 0) return tidied;
  const basedOn = `Based on ${markers.marker(rest)}.`;
  return tidied === '' ? basedOn : `${tidied}\n\n${basedOn}`;
}
