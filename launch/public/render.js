// Small DOM helpers for the ChartBrief app page. Everything from the server is set as text, so
// chart text (free text from the EHR, model output) cannot become markup; the one exception is
// markdown-it's output for card markdown, which allows no raw HTML and only http(s) links.
import markdownit from './vendor/markdown-it/markdown-it.esm.min.mjs';
import { createCardMarkdown } from './card-markdown.js';

/** el('p', {className: 'x'}, 'text', child) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Card markdown, rendered by markdown-it (see card-markdown.js): its HTML is the only markup this page inserts. */
const cardMarkdown = createCardMarkdown(markdownit);

/** A finding's markdown detail as CommonMark renders it (no raw HTML, http(s) links only). */
export function markdown(text) {
  const root = el('div', { className: 'markdown' });
  root.innerHTML = cardMarkdown.render(String(text ?? ''));
  return root;
}
