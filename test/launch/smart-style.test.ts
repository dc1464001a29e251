import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AA_TEXT_CONTRAST, contrastRatio, parseColour } from '../../launch/colour-contrast';
import { DEFAULT_COLOURS, smartStyleFrom, TEXT_ON_BACKGROUND, withReadableColours } from '../../launch/smart-style';
import { PUBLIC_DIR } from '../../launch/pages';

// The EHR's smart_style_url colours are used only while text on them keeps WCAG AA contrast (4.5:1).

const colour = (style: Record<string, string>, name: string): string => (name.startsWith('--') ? (style[name] ?? DEFAULT_COLOURS[name]!) : name);

it('computes WCAG contrast ratios: 21:1 black on white, 1:1 for equal colours, #767676 on white just AA', () => {
  expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
  expect(contrastRatio('white', 'rgb(255, 255, 255)')).toBeCloseTo(1, 5);
  expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  expect(parseColour('hsl(0, 100%, 50%)')).toEqual([255, 0, 0]);
  expect(parseColour('rgb(10 20 30)')).toEqual([10, 20, 30]);
  expect(parseColour('#abcf')).toEqual([170, 187, 204]);
  // Translucent or unknown colours cannot be judged: they count as unreadable.
  for (const unreadable of ['rgba(0, 0, 0, 0.5)', '#00000080', 'transparent', 'rebeccapurple', 'inherit']) expect(parseColour(unreadable)).toBeUndefined();
  expect(contrastRatio('transparent', '#fff')).toBe(0);
});

it('the page’s own colours are those of app.css and pass AA on every background they are drawn on', () => {
  const css = readFileSync(join(PUBLIC_DIR, 'app.css'), 'utf8');
  const root = /:root \{([^}]*)\}/.exec(css)?.[1] ?? '';
  for (const [name, value] of Object.entries(DEFAULT_COLOURS)) expect(root).toContain(`${name}: ${value};`);
  for (const [fg, bg] of TEXT_ON_BACKGROUND) expect(contrastRatio(colour({}, fg), colour({}, bg))).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
});

it('keeps the EHR’s colours when text on them stays readable', () => {
  const style = smartStyleFrom({ color_background: '#fafafa', color_text: '#222222', color_highlight: '#005a9c', color_error: '#a00000', dim_font_size: '14px' });
  expect(style).toEqual({ '--cb-bg': '#fafafa', '--cb-text': '#222222', '--cb-accent': '#005a9c', '--cb-critical': '#a00000', '--cb-font-size': '14px' });
});

it('drops a colour text cannot be read on or in (the light highlight of the SMART example style), keeping the rest', () => {
  // The example style of the SMART App Launch documentation (smart-app-styling-properties).
  const example = { color_background: '#edeae3', color_error: '#9e2d2d', color_highlight: '#69b5ce', color_modal_backdrop: '', color_success: '#498e49', color_text: '#303030', dim_border_radius: '6px', dim_font_size: '13px', dim_spacing_size: '20px' };
  expect(contrastRatio('#69b5ce', '#edeae3')).toBeLessThan(AA_TEXT_CONTRAST);
  const style = smartStyleFrom(example);
  expect(style).toEqual({ '--cb-bg': '#edeae3', '--cb-critical': '#9e2d2d', '--cb-success': '#498e49', '--cb-text': '#303030', '--cb-radius': '6px', '--cb-font-size': '13px', '--cb-space': '20px' });
  for (const [fg, bg] of TEXT_ON_BACKGROUND) expect(contrastRatio(colour(style, fg), colour(style, bg))).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
});

it('falls back to the page’s colours when text and background clash, or the page’s own text would be unreadable on the EHR’s background', () => {
  expect(smartStyleFrom({ color_background: '#ffffff', color_text: '#cccccc' })).toEqual({ '--cb-bg': '#ffffff' });
  expect(smartStyleFrom({ color_text: '#777777' })).toEqual({});
  // A dark theme: the muted text, links and panel of the page are not made for it.
  expect(smartStyleFrom({ color_background: '#111111', color_text: '#eeeeee', font_family_heading: 'Georgia' })).toEqual({ '--cb-font-heading': 'Georgia' });
  expect(withReadableColours({ '--cb-bg': 'transparent' })).toEqual({});
});
