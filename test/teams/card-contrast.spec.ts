import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CARD_KINDS, renderCard } from '../../src/teams/cards.js';
import type { CardKind, CardTemplates } from '../../src/teams/cards.js';

// Every text colour on every card, checked against Teams' three themes for WCAG AA contrast (4.5:1;
// 3:1 for ExtraLarge text only). Sources of the colours:
// - light and dark: Microsoft's Teams host configs, microsoft/AdaptiveCards
//   samples/HostConfig/microsoft-teams-light.json and microsoft-teams-dark.json (the same values are in
//   microsoft/Teams-AdaptiveCards-Mobile samples/HostConfig/). Alpha colours (#AARRGGBB) are blended
//   onto the container's background.
// - high contrast: Teams paints cards with its high-contrast colour scheme (Fluent UI northstar
//   themes/teams-high-contrast: foreground white on black, accessible green #3ff23f, yellow #ffff01,
//   cyan #1aebff, red #f00); container styles are not painted, so every background is black.
// Consequences: `Good` and `Warning` text fail on light (2.07 and 1.47 on white), `Attention` text fails
// on dark (3.24 on #2d2c2c). Status colour therefore comes from container styles (good / attention /
// warning backgrounds) holding Default text, which passes in every theme.

type Rgb = [number, number, number];
interface Theme {
  name: string;
  background(style: string): string;
  foreground(style: string, color: string, subtle: boolean): string;
}

const COLORS = ['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention'] as const;
type Color = (typeof COLORS)[number];
const STYLES = ['default', 'emphasis', 'accent', 'good', 'attention', 'warning'] as const;

/** From a Teams host config's containerStyles: foreground colours per style, and the background. */
function hostConfigTheme(
  name: string,
  styles: Record<string, { bg: string; fg: Record<Color, [string, string]> }>,
): Theme {
  return {
    name,
    background: (style) => styles[style]!.bg,
    foreground: (style, color, subtle) => styles[style]!.fg[color as Color]![subtle ? 1 : 0],
  };
}

const LIGHT_FG: Record<Color, [string, string]> = {
  default: ['#ff252424', '#bf252424'],
  dark: ['#252424', '#bf252424'],
  light: ['#ffffff', '#fff3f2f1'],
  accent: ['#6264a7', '#8b8cc7'],
  good: ['#92c353', '#e592c353'],
  warning: ['#f8d22a', '#e5f8d22a'],
  attention: ['#c4314b', '#e5c4314b'],
};
const DARK_FG_ON_DARK: Record<Color, [string, string]> = {
  default: ['#ffffffff', '#bfffffff'],
  dark: ['#ff201f1f', '#ff2d2c2c'],
  light: ['#ffffffff', '#bfffffff'],
  accent: ['#ffa6a7dc', '#ff8b8cc7'],
  good: ['#ff92c353', '#e592c353'],
  warning: ['#fff8d22a', '#e5f8d22a'],
  attention: ['#ffd74654', '#e5d74654'],
};
// Teams dark: the coloured container styles keep light backgrounds and switch default text to dark.
const DARK_FG_ON_LIGHT: Record<Color, [string, string]> = { ...DARK_FG_ON_DARK, default: ['#ff201f1f', '#ff2d2c2c'] };

const LIGHT = hostConfigTheme('Teams light', {
  default: { bg: '#ffffff', fg: LIGHT_FG },
  emphasis: { bg: '#fff9f8f7', fg: LIGHT_FG },
  accent: { bg: '#C7DEF9', fg: LIGHT_FG },
  good: { bg: '#CCFFCC', fg: LIGHT_FG },
  attention: { bg: '#FFC5B2', fg: LIGHT_FG },
  warning: { bg: '#FFE2B2', fg: LIGHT_FG },
});
const DARK = hostConfigTheme('Teams dark', {
  default: { bg: '#ff2d2c2c', fg: DARK_FG_ON_DARK },
  emphasis: { bg: '#ff292828', fg: DARK_FG_ON_DARK },
  accent: { bg: '#C7DEF9', fg: DARK_FG_ON_LIGHT },
  good: { bg: '#CCFFCC', fg: DARK_FG_ON_LIGHT },
  attention: { bg: '#FFC5B2', fg: DARK_FG_ON_LIGHT },
  warning: { bg: '#FFE2B2', fg: DARK_FG_ON_LIGHT },
});
const HC_FG: Record<Color, string> = {
  default: '#ffffff',
  dark: '#000000',
  light: '#ffffff',
  accent: '#1aebff',
  good: '#3ff23f',
  warning: '#ffff01',
  attention: '#ff0000',
};
const HIGH_CONTRAST: Theme = {
  name: 'Teams high contrast',
  background: () => '#000000',
  foreground: (_s, c) => HC_FG[c as Color]!,
};
const THEMES = [LIGHT, DARK, HIGH_CONTRAST];

function parse(hex: string): { rgb: Rgb; alpha: number } {
  const h = hex.replace('#', '');
  const alpha = h.length === 8 ? parseInt(h.slice(0, 2), 16) / 255 : 1;
  const rgb = (h.length === 8 ? h.slice(2) : h).match(/../g)!.map((x) => parseInt(x, 16)) as Rgb;
  return { rgb, alpha };
}
const luminance = (rgb: Rgb) => {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
export function contrast(fg: string, bg: string): number {
  const b = parse(bg).rgb;
  const f = parse(fg);
  const blended = f.rgb.map((c, i) => c * f.alpha + b[i]! * (1 - f.alpha)) as Rgb;
  const [hi, lo] = [luminance(blended), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

interface TextUse {
  at: string;
  text: string;
  color: string;
  subtle: boolean;
  style: string;
  size: string;
}

/** Every piece of text with the colour it asks for and the container style it sits in. */
function textUses(node: unknown, at: string, style: string, out: TextUse[]): TextUse[] {
  if (Array.isArray(node)) {
    node.forEach((n, i) => textUses(n, `${at}[${i}]`, style, out));
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const o = node as Record<string, unknown>;
  if (o.type === 'Action.ShowCard' || (typeof o.type === 'string' && o.type.startsWith('Chart.'))) {
    // Charts draw their own colours; their text fallback is checked as text.
    if (o.fallback) textUses(o.fallback, `${at}.fallback`, style, out);
    return out;
  }
  const own =
    typeof o.style === 'string' &&
    (STYLES as readonly string[]).includes(o.style.toLowerCase()) &&
    ['Container', 'Column', 'ColumnSet', 'TableCell', 'TableRow', 'Table', 'AdaptiveCard'].includes(String(o.type))
      ? o.style.toLowerCase()
      : style;
  if (o.type === 'TextBlock' || o.type === 'TextRun') {
    out.push({
      at,
      text: String(o.text),
      color: (typeof o.color === 'string' ? o.color : 'default').toLowerCase(),
      subtle: o.isSubtle === true,
      style: own,
      size: (typeof o.size === 'string' ? o.size : 'default').toLowerCase(),
    });
  }
  for (const [k, v] of Object.entries(o))
    if (k !== 'fallback' || !String(o.type).startsWith('Chart.')) textUses(v, `${at}.${k}`, own, out);
  return out;
}

/** Problems: "Teams dark: 'text' Attention on default = 3.24" for every text below AA in some theme. */
export function contrastProblems(card: object): string[] {
  const problems: string[] = [];
  for (const use of textUses((card as { body?: unknown }).body, 'body', 'default', [])) {
    if (!(COLORS as readonly string[]).includes(use.color)) {
      problems.push(`${use.at}: colour '${use.color}' is not in the Adaptive Card palette`);
      continue;
    }
    for (const theme of THEMES) {
      const ratio = contrast(theme.foreground(use.style, use.color, use.subtle), theme.background(use.style));
      const needed = use.size === 'extralarge' ? 3 : 4.5;
      if (ratio < needed)
        problems.push(
          `${theme.name}: "${use.text.slice(0, 40)}" ${use.color}${use.subtle ? ' (subtle)' : ''} on ${use.style} = ${ratio.toFixed(2)} at ${use.at}`,
        );
    }
  }
  return problems;
}

const fixturesDir = path.join(__dirname, '..', 'fixtures', 'cards');
const fixtureFiles = fs
  .readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('card colours: WCAG AA on Teams light, dark and high contrast', () => {
  it('the theme tables reproduce the known failures (so the check can fail)', () => {
    const uses = (color: string, style = 'default') =>
      contrastProblems({ body: [{ type: 'Container', style, items: [{ type: 'TextBlock', text: 'x', color }] }] });
    assert.match(uses('Warning').join('\n'), /Teams light.*warning on default = 1\.47/);
    assert.match(uses('Good').join('\n'), /Teams light.*good on default = 2\.07/);
    assert.match(uses('Attention').join('\n'), /Teams dark.*attention on default = 3\.24/);
    assert.match(uses('Purple').join('\n'), /not in the Adaptive Card palette/);
    for (const style of STYLES) assert.deepEqual(uses('Default', style), [], style);
    assert.deepEqual(uses('Accent'), []);
  });

  it('checks every card kind', () => {
    for (const kind of CARD_KINDS)
      assert.ok(
        fixtureFiles.some((f) => f.startsWith(`${kind}.`)),
        kind,
      );
  });

  for (const file of fixtureFiles) {
    const name = file.replace(/\.json$/, '');
    const kind = name.split('.')[0] as CardKind;
    it(`${name}: every text passes AA in every theme`, () => {
      const model = JSON.parse(fs.readFileSync(path.join(fixturesDir, file), 'utf8')) as CardTemplates[typeof kind];
      assert.deepEqual(contrastProblems(renderCard(kind, model)), []);
    });
  }
});
