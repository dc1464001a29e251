import markdownit from 'markdown-it';
import type { Token } from 'markdown-it';
import { createCardMarkdown } from '../../launch/public/card-markdown.js';

// Card markdown as a standard CommonMark renderer reads it: markdown-it set up exactly as the app
// and sandbox pages set it up (launch/public/card-markdown.js), its block structure as an outline,
// and the ways that structure can betray the text (a label swallowed by a list, a list item that
// runs on into the next line, a block the author never meant).

export const cardMarkdown = createCardMarkdown(markdownit);

export interface OutlineItem {
  /** Source line (0-based) the item starts on. */
  line: number;
  /** The item's text as markdown source, its paragraphs joined by newlines. */
  text: string;
}

export type OutlineBlock =
  | { kind: 'paragraph' | 'heading'; line: number; text: string }
  | { kind: 'list'; line: number; items: OutlineItem[] }
  | { kind: 'other'; line: number; type: string };

/** The top-level blocks of `markdown`, as the renderer parses it. */
export function outline(markdown: string): OutlineBlock[] {
  const tokens = cardMarkdown.parse(markdown, {});
  const blocks: OutlineBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || t.nesting === -1) continue;
    const line = t.map?.[0] ?? -1;
    if (t.type === 'paragraph_open' || t.type === 'heading_open') {
      blocks.push({ kind: t.type === 'paragraph_open' ? 'paragraph' : 'heading', line, text: tokens[i + 1]?.content ?? '' });
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const close = closing(tokens, i);
      blocks.push({ kind: 'list', line, items: listItems(tokens.slice(i + 1, close)) });
      i = close;
    } else {
      blocks.push({ kind: 'other', line, type: t.type });
    }
  }
  return blocks;
}

function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function listItems(tokens: readonly Token[]): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const t of tokens) {
    if (t.type === 'list_item_open' && t.level === 1) items.push({ line: t.map?.[0] ?? -1, text: '' });
    else if (t.type === 'inline') {
      const item = items[items.length - 1];
      if (item) item.text = item.text === '' ? t.content : `${item.text}\n${t.content}`;
    }
  }
  return items;
}

const LABEL = /^\*\*/;
/** A line that is only a bold label, perhaps with a count: "**Due**", "**Active problems** (+3 more)". */
const LABEL_ONLY = /^\*\*[^*]+\*\*(?:\s*\([^)]*\))?$/;
const LIST_LINE = /^(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;

/** The list lines right after a label line (blank lines between skipped), as the author wrote them. */
function listUnder(lines: readonly string[], label: number): string[] {
  let i = label + 1;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const items: string[] = [];
  for (; i < lines.length; i++) {
    const m = LIST_LINE.exec(lines[i]!);
    if (!m) break;
    items.push(m[1]!.trim());
  }
  return items;
}

/**
 * Every way the rendered structure of `markdown` differs from the one its lines mean: bold labels
 * ("**Due**") and headings are top-level paragraphs, never inside a list; every list line is a list
 * item of its own, one line long; the items written under a label form the list right after that
 * label, no more and no fewer; nothing renders as code, quote, rule or HTML. [] when it reads right.
 */
export function structureProblems(markdown: string): string[] {
  const blocks = outline(markdown);
  const lines = markdown.split('\n');
  const problems: string[] = [];
  const paragraphAt = new Map(blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'heading').map((b) => [b.line, b]));
  const items = blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
  const itemAt = new Map(items.map((it) => [it.line, it]));
  for (const b of blocks) if (b.kind === 'other') problems.push(`line ${b.line + 1}: renders as ${b.type}`);
  for (const it of items) {
    if (it.text.includes('\n')) problems.push(`line ${it.line + 1}: list item runs on into the next line: ${JSON.stringify(it.text)}`);
    const [first = '', ...rest] = it.text.split('\n');
    if (LABEL_ONLY.test(first) || rest.some((l) => LABEL.test(l))) problems.push(`line ${it.line + 1}: a bold label inside a list item: ${JSON.stringify(it.text)}`);
  }
  lines.forEach((text, n) => {
    if (LABEL.test(text) && !paragraphAt.has(n)) problems.push(`line ${n + 1}: label ${JSON.stringify(text)} is not a paragraph of its own`);
    if (/^#{1,6}\s/.test(text) && paragraphAt.get(n)?.kind !== 'heading') problems.push(`line ${n + 1}: heading ${JSON.stringify(text)} does not render as one`);
    const m = LIST_LINE.exec(text);
    if (m && itemAt.get(n)?.text.split('\n')[0] !== m[1]!.trim()) problems.push(`line ${n + 1}: ${JSON.stringify(text)} is not a list item of its own`);
  });
  blocks.forEach((b, i) => {
    if (b.kind !== 'paragraph' || !LABEL.test(b.text)) return;
    const written = listUnder(lines, b.line);
    if (written.length === 0) return;
    const next = blocks[i + 1];
    const rendered = next?.kind === 'list' ? next.items.map((it) => it.text) : [];
    if (JSON.stringify(rendered) !== JSON.stringify(written)) problems.push(`line ${b.line + 1}: the list under ${b.text} renders as ${JSON.stringify(rendered)}, written ${JSON.stringify(written)}`);
  });
  return problems;
}

/** Every link the rendered HTML holds, and whether it loads anything (images, scripts, frames). */
export function htmlProblems(markdown: string): string[] {
  const html = cardMarkdown.render(markdown);
  const problems: string[] = [];
  for (const m of html.matchAll(/<(img|script|iframe|style|object|embed)\b/gi)) problems.push(`renders a <${m[1]}>`);
  for (const m of html.matchAll(/\shref="([^"]*)"/g)) if (!/^https?:\/\//i.test(m[1]!)) problems.push(`links to ${m[1]}`);
  return problems;
}
