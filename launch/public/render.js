// Small DOM helpers for the ChartBrief app page. Everything from the server is set as text:
// no innerHTML anywhere, so chart text (free text from the EHR, model output) cannot become markup.

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

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

/** Inline markdown (bold, code, links to http(s) only) as nodes. */
function inline(text) {
  const out = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const token = m[0];
    if (token.startsWith('**')) out.push(el('strong', {}, token.slice(2, -2)));
    else if (token.startsWith('`')) out.push(el('code', {}, token.slice(1, -1)));
    else {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token) ?? [];
      let safe;
      try {
        const url = new URL(href);
        safe = url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
      } catch {
        safe = undefined;
      }
      out.push(safe ? el('a', { href: safe, target: '_blank', rel: 'noopener noreferrer' }, label) : label);
    }
    last = m.index + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** A finding's markdown detail: paragraphs and bullet lists, as text nodes. */
export function markdown(text) {
  const root = el('div', { className: 'markdown' });
  for (const block of String(text ?? '').split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
      root.append(el('ul', {}, lines.map((l) => el('li', {}, inline(l.replace(/^\s*[-*]\s+/, ''))))));
    } else {
      root.append(el('p', {}, inline(lines.join(' '))));
    }
  }
  return root;
}
