/**
 * WCAG 2.x contrast between two CSS colours: relative luminance of sRGB and the ratio
 * (L1 + 0.05) / (L2 + 0.05), which AA wants at least 4.5:1 for body text.
 * https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio · https://www.w3.org/TR/WCAG22/#dfn-relative-luminance
 * Only opaque colours are read (a translucent one depends on what lies under it); anything this
 * cannot read counts as unreadable, so the caller falls back to colours it knows.
 */

export type Rgb = readonly [number, number, number];

/** WCAG 2.x success criterion 1.4.3 (AA), normal text. */
export const AA_TEXT_CONTRAST = 4.5;

// CSS Color 4's basic keywords (https://www.w3.org/TR/css-color-4/#named-colors): the names EHR themes use.
const NAMED: Record<string, Rgb> = {
  black: [0, 0, 0],
  silver: [192, 192, 192],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
  white: [255, 255, 255],
  maroon: [128, 0, 0],
  red: [255, 0, 0],
  purple: [128, 0, 128],
  fuchsia: [255, 0, 255],
  green: [0, 128, 0],
  lime: [0, 255, 0],
  olive: [128, 128, 0],
  yellow: [255, 255, 0],
  navy: [0, 0, 128],
  blue: [0, 0, 255],
  teal: [0, 128, 128],
  aqua: [0, 255, 255],
};

function hex(value: string): Rgb | undefined {
  const m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(value);
  if (!m?.[1]) return undefined;
  const digits = m[1].length <= 4 ? [...m[1]].map((d) => d + d).join('') : m[1];
  if (digits.length === 8 && digits.slice(6).toLowerCase() !== 'ff') return undefined;
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
}

/** A number or a percentage of `full`; NaN when it is neither. */
function amount(part: string, full: number): number {
  const m = /^(\d+(?:\.\d+)?|\.\d+)(%?)$/.exec(part);
  if (!m?.[1]) return Number.NaN;
  return m[2] === '%' ? (Number(m[1]) / 100) * full : Number(m[1]);
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  // CSS Color 4 §7.1 hsl-to-rgb.
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    return Math.round((l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255);
  };
  return [f(0), f(8), f(4)];
}

function functional(value: string): Rgb | undefined {
  const m = /^(rgba?|hsla?)\(([^)]*)\)$/i.exec(value);
  if (!m?.[1] || m[2] === undefined) return undefined;
  const parts = m[2].trim().split(/\s*,\s*|\s+/);
  if (parts.length !== 3 && parts.length !== 4) return undefined;
  if (parts.length === 4 && amount(parts[3] ?? '', 1) !== 1) return undefined;
  const isRgb = m[1].toLowerCase().startsWith('rgb');
  const [a, b, c] = isRgb ? parts.slice(0, 3).map((p) => amount(p, 255)) : [Number(parts[0]), amount(parts[1] ?? '', 1), amount(parts[2] ?? '', 1)];
  if (![a, b, c].every((n) => n !== undefined && Number.isFinite(n))) return undefined;
  if (isRgb) return [a, b, c].map((n) => Math.min(255, Math.round(n ?? 0))) as unknown as Rgb;
  return hslToRgb((((a ?? 0) % 360) + 360) % 360, Math.min(1, b ?? 0), Math.min(1, c ?? 0));
}

/** An opaque CSS colour (hex, rgb(), hsl(), a basic keyword) as sRGB 0–255; undefined otherwise. */
export function parseColour(value: string): Rgb | undefined {
  const v = value.trim();
  return hex(v) ?? functional(v) ?? NAMED[v.toLowerCase()];
}

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours (1 to 21); 0 when either cannot be read. */
export function contrastRatio(foreground: string, background: string): number {
  const fg = parseColour(foreground);
  const bg = parseColour(background);
  if (fg === undefined || bg === undefined) return 0;
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
