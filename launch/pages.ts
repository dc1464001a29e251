import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The app's HTML: the page shell (its content is drawn by /app/static/app.js from JSON) and the
 * message pages (unknown EHR, expired session, refused authorization). No inline script or style:
 * the CSP allows scripts and styles from the app's own origin only.
 */

/** launch/public, from launch/ (tests, tsx) or dist/launch/ (`npm start`): tsc copies no static files. */
function findPublicDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'launch', 'public');
    if (existsSync(join(candidate, 'app.js'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`launch: cannot find launch/public above ${start}`);
  }
}

export const PUBLIC_DIR = findPublicDir(__dirname);
/** uPlot (MIT), served from the installed package: no CDN (EHR networks may block them). */
export const UPLOT_DIR = dirname(require.resolve('uplot'));
/** markdown-it (MIT)'s browser build (its ES module), served the same way: it renders card markdown. */
export const MARKDOWN_IT_DIR = dirname(require.resolve('markdown-it/browser'));

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const HEAD = (title: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title>` +
  // No icon to fetch (the browser would ask /favicon.ico and log a 404); `data:` is in the CSP's img-src.
  `<link rel="icon" href="data:,">` +
  `<link rel="stylesheet" href="/app/static/vendor/uPlot.min.css"><link rel="stylesheet" href="/app/static/app.css">`;

/** The app page: a shell the script fills in from `/app/api/{session}/view`. */
export function appShell(): string {
  return (
    `${HEAD('ChartBrief')}<script src="/app/static/vendor/uPlot.iife.min.js" defer></script><script type="module" src="/app/static/app.js"></script></head>` +
    `<body data-state="loading"><a class="skip-link" href="#main">Skip to the brief</a>` +
    `<header id="patient-banner" class="banner" hidden></header>` +
    `<main id="main" tabindex="-1"><p id="status" class="status" role="status" aria-live="polite">Loading the chart…</p><div id="content"></div></main>` +
    `<dialog id="resource-dialog" aria-labelledby="resource-title"><div class="dialog-head"><h2 id="resource-title">Source</h2>` +
    `<button type="button" id="resource-close" class="close" aria-label="Close">Close</button></div><div id="resource-body"></div></dialog>` +
    `</body></html>`
  );
}

/** A message page: what happened and what to do (relaunch from the EHR, mostly). */
export function messagePage(title: string, message: string, kind: 'error' | 'expired' = 'error'): string {
  return (
    `${HEAD(`ChartBrief · ${title}`)}</head><body data-state="${kind}"><main id="main" class="message-page">` +
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>` +
    `<p class="hint">ChartBrief opens from the patient’s chart in the EHR (Epic, Oracle Health): use the ChartBrief link or tab there to launch it again.</p>` +
    `</main></body></html>`
  );
}

export const EXPIRED_TITLE = 'Session expired: relaunch from the EHR';
export const EXPIRED_MESSAGE = 'Your ChartBrief session has ended (the EHR’s authorization expired). Nothing from the chart is shown any more. Open ChartBrief again from the patient’s chart in the EHR.';
