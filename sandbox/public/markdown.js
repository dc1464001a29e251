// A small, safe subset of GitHub markdown for CDS card `detail`: paragraphs, headings, bullet and
// numbered lists, **bold**, *em* / _em_, `code`, and [links](https://…). The renderer builds DOM
// nodes and puts every piece of text in a text node, so no markup in a card can reach the page
// (no innerHTML anywhere). Links open in a new tab and only for http(s) URLs.

const INLINE =
  /(`+)([\s\S]*?)\1|\*\*([\s\S]+?)\*\*|__([\s\S]+?)__|\*([^*\s][^*]*?)\*|(?<![\w])_([^_\s][^_]*?)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Whether `url` is an absolute http(s) URL (no javascript:, data:, or relative tricks). */
export function isHttpUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Appends the inline markdown of `text` to `parent`. */
function appendInline(parent, text) {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) parent.append(document.createTextNode(text.slice(last, m.index)));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      const code = document.createElement('code');
      code.textContent = m[2].trim() === '' ? m[2] : m[2].replace(/^ (.*) $/, '$1');
      parent.append(code);
    } else if (m[3] !== undefined || m[4] !== undefined) {
      const strong = document.createElement('strong');
      appendInline(strong, m[3] ?? m[4]);
      parent.append(strong);
    } else if (m[5] !== undefined || m[6] !== undefined) {
      const em = document.createElement('em');
      appendInline(em, m[5] ?? m[6]);
      parent.append(em);
    } else if (isHttpUrl(m[8])) {
      const a = document.createElement('a');
      a.href = m[8];
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      appendInline(a, m[7]);
      parent.append(a);
    } else {
      parent.append(document.createTextNode(m[7]));
    }
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
}

/** Renders card markdown into a new `<div class="markdown">`. */
export function renderMarkdown(markdown) {
  const root = document.createElement('div');
  root.className = 'markdown';
  let paragraph = null;
  let list = null;
  const close = () => {
    paragraph = null;
    list = null;
  };
  for (const raw of String(markdown ?? '').split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      close();
    } else if (heading) {
      close();
      const h = document.createElement(heading[1].length <= 2 ? 'h4' : 'h5');
      appendInline(h, heading[2]);
      root.append(h);
    } else if (bullet || numbered) {
      const tag = bullet ? 'UL' : 'OL';
      if (list === null || list.tagName !== tag) {
        list = document.createElement(tag.toLowerCase());
        root.append(list);
      }
      paragraph = null;
      const li = document.createElement('li');
      appendInline(li, (bullet ?? numbered)[1]);
      list.append(li);
    } else if (paragraph !== null) {
      paragraph.append(document.createTextNode(' '));
      appendInline(paragraph, line.trim());
    } else {
      list = null;
      paragraph = document.createElement('p');
      appendInline(paragraph, line.trim());
      root.append(paragraph);
    }
  }
  return root;
}
