import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderCard } from '../../src/teams/cards.js';
import type { CardKind, CardTemplates } from '../../src/teams/cards.js';

// Table columns must be wide enough for their longest word, or Teams breaks the word mid-way
// ("Times cale", "Outsid e", "Childr en"). Measured on a narrow card: 400 px (a Teams chat pane at its
// narrowest on desktop) less the card's 16 px padding each side; a column's share of what the pixel
// columns leave is by weight. A word takes at most 8 px a character (Segoe UI 14 px bold; digits and
// most letters are narrower), plus 8 px of cell padding each side.
const CARD_WIDTH = 400 - 32;
const CHAR_PX = 8;
const CELL_PADDING = 16;

type Json = Record<string, unknown>;
const nodes = (v: unknown, out: Json[] = []): Json[] => {
  if (Array.isArray(v)) v.forEach((x) => nodes(x, out));
  else if (v && typeof v === 'object') {
    out.push(v as Json);
    Object.values(v).forEach((x) => nodes(x, out));
  }
  return out;
};

/** Pixel width of each column of a table on the narrow card. */
export function columnWidths(columns: { width?: unknown }[]): number[] {
  const fixed = columns.map((c) =>
    typeof c.width === 'string' && /^\d+px$/.test(c.width) ? Number.parseInt(c.width, 10) : null,
  );
  const weights = columns.map((c, i) => (fixed[i] === null ? (typeof c.width === 'number' ? c.width : 1) : 0));
  const left = CARD_WIDTH - fixed.reduce<number>((n, w) => n + (w ?? 0), 0);
  const total = weights.reduce((n, w) => n + w, 0);
  return columns.map((_c, i) => fixed[i] ?? (total ? (left * weights[i]!) / total : 0));
}

/** "Table 2, column 4: 'Outside' needs 72 px, has 43" for every word that would be broken. */
export function brokenWords(card: object): string[] {
  const out: string[] = [];
  nodes(card)
    .filter((n) => n.type === 'Table')
    .forEach((table, t) => {
      const widths = columnWidths(table.columns as { width?: unknown }[]);
      for (const row of table.rows as Json[]) {
        (row.cells as Json[]).forEach((cell, c) => {
          for (const block of nodes(cell).filter((n) => n.type === 'TextBlock')) {
            for (const word of String(block.text).split(/\s+/).filter(Boolean)) {
              const need = word.length * CHAR_PX + CELL_PADDING;
              if (need > widths[c]!)
                out.push(`table ${t + 1}, column ${c + 1}: "${word}" needs ${need} px, has ${Math.floor(widths[c]!)}`);
            }
          }
        });
      }
    });
  return out;
}

const fixturesDir = path.join(__dirname, '..', 'fixtures', 'cards');
const fixtureFiles = fs
  .readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('card tables: no word broken mid-way on a narrow card', () => {
  it('finds the breaks the old layouts had', () => {
    const old = {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Table',
          columns: [1, 3, 3, 2, 2, 3, 3].map((width) => ({ width })),
          rows: [
            {
              type: 'TableRow',
              cells: ['#', 'Due by', 'Held on', 'Timescale', 'Days late', 'Reason', 'Record distributed'].map(
                (text) => ({ type: 'TableCell', items: [{ type: 'TextBlock', text }] }),
              ),
            },
          ],
        },
      ],
    };
    assert.match(brokenWords(old).join('\n'), /"Timescale" needs 88 px/);
    assert.match(brokenWords(old).join('\n'), /"distributed"/);
  });

  for (const file of fixtureFiles) {
    const name = file.replace(/\.json$/, '');
    const kind = name.split('.')[0] as CardKind;
    it(`${name}: every table word fits its column`, () => {
      const model = JSON.parse(fs.readFileSync(path.join(fixturesDir, file), 'utf8')) as CardTemplates[typeof kind];
      assert.deepEqual(brokenWords(renderCard(kind, model)), []);
    });
  }
});
