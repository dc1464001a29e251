// Card `detail` as a CommonMark renderer shows it (as an EHR would): markdown-it, served from this
// origin, set up by the app's card-markdown.js (no raw HTML, no bare-URL linking, http(s) links
// only, opened in a new tab). Its HTML is the only markup the page inserts: everything else is text.
import markdownit from './vendor/markdown-it/markdown-it.esm.min.mjs';
import { createCardMarkdown, isHttpUrl } from './vendor/card-markdown.js';

export { isHttpUrl };

const cardMarkdown = createCardMarkdown(markdownit);

/** Renders card markdown into a new `<div class="markdown">`. */
export function renderMarkdown(markdown) {
  const root = document.createElement('div');
  root.className = 'markdown';
  root.innerHTML = cardMarkdown.render(String(markdown ?? ''));
  return root;
}
