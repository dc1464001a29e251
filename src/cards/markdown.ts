import { clipText } from '../brief/embedded/bounds';

/**
 * Chart text inside card markdown. Names and free text in a chart are data from outside (a
 * condition called `<img src=x onerror=…>` or `**URGENT**` must show as written), and EHRs render
 * `detail` as GitHub-flavoured markdown, some with inline HTML enabled: so every character that
 * could open markup is backslash-escaped (CommonMark: any ASCII punctuation may be), and line
 * breaks are folded so chart text can never start a block of its own.
 * https://spec.commonmark.org/0.31.2/#backslash-escapes, https://github.github.com/gfm/
 */

// Inline markup: emphasis, code, links/images, HTML and autolinks, entities, tables, strikethrough.
const INLINE_SPECIAL = /[\\`*_[\]<>&|~]/g;

/** Block starts that survive the inline escapes: "-", "+", "#", "=", and ordered list markers ("1." / "1)"). */
const BLOCK_START = /^(\d{1,9})([.)])(?=\s|$)|^([-+#=])/;

/** Control characters and every kind of line break, folded to spaces. */
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/** One line of plain text, safe to place in markdown: markup-free, on one line. */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(BREAKS, ' ').replace(/\s+/g, ' ').trim();
  const escaped = flat.replace(INLINE_SPECIAL, '\\$&');
  return escaped.replace(BLOCK_START, (_m: string, digits?: string, mark?: string, lead?: string) =>
    digits !== undefined && mark !== undefined ? `${digits}\\${mark}` : `\\${lead ?? ''}`,
  );
}

/**
 * Cuts plain text to fewer than `limit` characters (UTF-16 units, as JSON and the spec's "140
 * characters" are checked) on a word boundary, ending with "…"; never splits a surrogate pair.
 */
export function truncateText(text: string, limit: number): string {
  return clipText(text.replace(BREAKS, ' '), limit - 1);
}
