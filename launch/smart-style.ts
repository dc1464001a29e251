import { AA_TEXT_CONTRAST, contrastRatio } from './colour-contrast';

/**
 * The EHR's styling (`smart_style_url`): a small JSON document of colours, sizes and fonts the app
 * applies so that it looks at home in the EHR. Fetched here (the page never reaches the EHR), only
 * from the EHR's own hosts, and each value checked against a strict pattern before it becomes a
 * CSS custom property (set through the CSSOM, which the page's CSP allows; no inline style), and
 * colours only where text on them stays readable (withReadableColours).
 * https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html#styling
 */

/** CSS custom property → value, e.g. `{"--cb-text": "#1a1a1a"}`. */
export type SmartStyle = Record<string, string>;

const COLOR = /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%\s]{1,40}\)|[a-zA-Z]{3,20})$/;
const DIMENSION = /^\d{1,3}(\.\d{1,3})?(px|em|rem|%)$/;
const FONT = /^[A-Za-z0-9 ,'"-]{1,120}$/;

const PROPERTIES: Record<string, { cssVar: string; pattern: RegExp }> = {
  color_background: { cssVar: '--cb-bg', pattern: COLOR },
  color_error: { cssVar: '--cb-critical', pattern: COLOR },
  color_highlight: { cssVar: '--cb-accent', pattern: COLOR },
  color_modal_backdrop: { cssVar: '--cb-backdrop', pattern: COLOR },
  color_success: { cssVar: '--cb-success', pattern: COLOR },
  color_text: { cssVar: '--cb-text', pattern: COLOR },
  dim_border_radius: { cssVar: '--cb-radius', pattern: DIMENSION },
  dim_font_size: { cssVar: '--cb-font-size', pattern: DIMENSION },
  dim_spacing_size: { cssVar: '--cb-space', pattern: DIMENSION },
  font_family_body: { cssVar: '--cb-font-body', pattern: FONT },
  font_family_heading: { cssVar: '--cb-font-heading', pattern: FONT },
};

/** The page's own colours (launch/public/app.css `:root`, which a test keeps equal to these). */
export const DEFAULT_COLOURS: Readonly<Record<string, string>> = {
  '--cb-bg': '#ffffff',
  '--cb-text': '#1a1a1a',
  '--cb-muted': '#55595f',
  '--cb-accent': '#1f5fa8',
  '--cb-critical': '#b00020',
  '--cb-warning': '#8a5300',
  '--cb-success': '#2e7d32',
  '--cb-panel': '#f7f8fa',
};

/** Badge text (app.css `.badge`), on the accent, critical and warning colours. */
const BADGE_TEXT = '#ffffff';

/** Every text colour on every background it is drawn on in app.css: [text, background] (success is not drawn as text). */
export const TEXT_ON_BACKGROUND: readonly (readonly [string, string])[] = [
  ['--cb-text', '--cb-bg'],
  ['--cb-text', '--cb-panel'],
  ['--cb-muted', '--cb-bg'],
  ['--cb-muted', '--cb-panel'],
  ['--cb-accent', '--cb-bg'],
  ['--cb-accent', '--cb-panel'],
  ['--cb-critical', '--cb-bg'],
  ['--cb-critical', '--cb-panel'],
  [BADGE_TEXT, '--cb-accent'],
  [BADGE_TEXT, '--cb-critical'],
  [BADGE_TEXT, '--cb-warning'],
];

const colourIn = (style: SmartStyle, name: string): string => (name.startsWith('--') ? (style[name] ?? DEFAULT_COLOURS[name] ?? '') : name);
const readable = (style: SmartStyle, [fg, bg]: readonly [string, string]): boolean => contrastRatio(colourIn(style, fg), colourIn(style, bg)) >= AA_TEXT_CONTRAST;

/**
 * The EHR's colours where text stays readable (WCAG AA, 4.5:1) against every background it is
 * drawn on, else the page's own: for a pair that fails, the EHR's text colour goes first, then its
 * background; should a pair still fail (the defaults unreadable on the EHR's background), every
 * EHR colour goes. Sizes and fonts are kept.
 */
export function withReadableColours(style: SmartStyle): SmartStyle {
  const out: SmartStyle = { ...style };
  for (const pair of TEXT_ON_BACKGROUND) {
    for (const name of pair) {
      if (!readable(out, pair)) delete out[name];
    }
  }
  if (!TEXT_ON_BACKGROUND.every((pair) => readable(out, pair))) for (const name of Object.keys(DEFAULT_COLOURS)) delete out[name];
  return out;
}

/** The style properties of a smart_style_url document that pass their pattern (others are ignored), colours only when readable. */
export function smartStyleFrom(json: unknown): SmartStyle {
  const style: SmartStyle = {};
  if (typeof json !== 'object' || json === null) return style;
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const property = PROPERTIES[key];
    if (property !== undefined && typeof value === 'string' && property.pattern.test(value.trim())) style[property.cssVar] = value.trim();
  }
  return withReadableColours(style);
}

/** Fetches the style document when it lives on one of `trustedHosts`; never throws. */
export async function fetchSmartStyle(url: string, trustedHosts: readonly string[]): Promise<SmartStyle | undefined> {
  try {
    if (!trustedHosts.includes(new URL(url).host)) return undefined;
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(3000), redirect: 'error' });
    if (!response.ok) return undefined;
    const body = await response.text();
    return body.length > 20_000 ? undefined : smartStyleFrom(JSON.parse(body));
  } catch {
    return undefined;
  }
}
