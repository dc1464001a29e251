// Card markdown (a CDS card's `detail`, a finding's detail in the app) to HTML, by markdown-it
// (CommonMark), set up once for the app page, the sandbox EHR page and the tests, so all three read
// a card as a standard renderer does. The caller passes markdown-it in: the pages import its
// browser build from this origin, the tests the npm package.

/**
 * Strict CommonMark (no GFM tables or strikethrough: a card must not need them to read right), no
 * raw HTML (card text is never markup), no bare-URL linking, no typographic rewriting.
 */
export const CARD_MARKDOWN_PRESET = 'commonmark';
export const CARD_MARKDOWN_OPTIONS = Object.freeze({ html: false, xhtmlOut: false, breaks: false, linkify: false, typographer: false });

/** Whether `url` is an absolute http(s) URL (no javascript:, data:, or relative tricks). */
export function isHttpUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A markdown-it renderer for card markdown: links only to http(s) URLs (any other link stays as
 * its text), opened in a new tab with no opener or referrer; images off (a card loads nothing).
 */
export function createCardMarkdown(markdownit) {
  const md = markdownit(CARD_MARKDOWN_PRESET, { ...CARD_MARKDOWN_OPTIONS });
  md.disable('image');
  md.validateLink = isHttpUrl;
  const linkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx].attrSet('target', '_blank');
    tokens[idx].attrSet('rel', 'noopener noreferrer');
    return linkOpen(tokens, idx, options, env, self);
  };
  return md;
}
