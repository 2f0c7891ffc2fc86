// One module writes every date a person reads (src/domain/dates-format.ts, on date-fns), and the
// presenters write times in the configured zone (TZ_NAME), never a literal one.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MESSAGE_TYPES } from '../../src/app/booking/booking-messages.js';
import { projectFolder } from '../../src/project-paths.js';
import type { ConversationDoc } from '../../src/store/delivery-documents.js';
import type { ChildDoc } from '../../src/store/documents.js';
import { renderPending } from '../../src/teams/presenters/pending-messages.js';

const SRC = projectFolder('src');
const FORMATTER = ['domain', 'dates-format.ts'].join(sep);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*`;
const DAY = String.raw`(sun|mon|tue|wed|thu|fri|sat)[a-z]*`;
const FORBIDDEN: [string, RegExp][] = [
  ['toLocaleDateString / toLocaleTimeString', /\.toLocale(Date|Time)String\s*\(/],
  ['Intl.DateTimeFormat', /Intl\s*\.\s*DateTimeFormat/],
  ['a hand-made list of month names', new RegExp(String.raw`['"\`]${MONTH}['"\`]\s*,\s*['"\`]${MONTH}['"\`]`, 'i')],
  ['a hand-made list of day names', new RegExp(String.raw`['"\`]${DAY}['"\`]\s*,\s*['"\`]${DAY}['"\`]`, 'i')],
  // date-fns arithmetic (addDays, isWeekend…) belongs in the calendar; only formatting is kept to one place.
  [
    "date-fns' format or its locales",
    /import\s*\{[^}]*\b(format|lightFormat|intlFormat)\b[^}]*\}\s*from\s*'date-fns'|from\s*'date-fns\/locale/,
  ],
];

describe('dates: one formatting module', () => {
  const files = sources(SRC).filter((f) => relative(SRC, f) !== FORMATTER);

  it('finds the sources it checks (the scan is not empty)', () => {
    assert.ok(files.length > 50, `only ${files.length} files under ${SRC}`);
    assert.ok(files.some((f) => f.endsWith(join('presenters', 'labels.ts'))));
  });

  for (const [what, pattern] of FORBIDDEN) {
    it(`no ${what} outside src/domain/dates-format.ts`, () => {
      const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
      assert.deepEqual(offenders, []);
    });
  }

  it('no time zone literal in src/teams: presenters use the configured TZ_NAME', () => {
    const offenders = sources(join(SRC, 'teams')).filter((f) =>
      /['"`][A-Z][a-z]+\/[A-Z][A-Za-z_]+['"`]/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(
      offenders.map((f) => relative(SRC, f)),
      [],
    );
  });
});

describe('queued booking cards use the configured time zone', () => {
  const child = {
    _id: 'C1001',
    ref: 'C1001',
    version: 1,
    track: 'cla',
    iroId: 'iro-1',
    events: [],
    reviews: [],
    history: [],
    bookings: [{ id: 'C1001-B1', start: '2026-06-01T09:00:00.000Z', venue: 'School', status: 'booked', source: 'bot' }],
  } as unknown as ChildDoc;
  const conversation = {
    _id: 'conv-1',
    kind: 'channel',
    purposes: [],
    address: {},
    updatedAt: new Date(),
  } as unknown as ConversationDoc;
  const render = (tzName: string): string =>
    JSON.stringify(
      renderPending({ type: MESSAGE_TYPES.booking, data: { bookingId: 'C1001-B1', event: 'booked' } } as never, {
        conversation,
        child,
        showNames: false,
        staffNames: new Map(),
        today: '2026-05-20',
        tzName,
        language: 'en',
      }),
    );

  it('London (TZ_NAME default): 09:00Z in June is 10:00 BST', () => {
    assert.match(render('Europe/London'), /Mon 1 Jun 2026 10:00/);
  });

  it('another TZ_NAME moves the time shown (it was always London before)', () => {
    const text = render('America/New_York');
    assert.match(text, /Mon 1 Jun 2026 05:00/);
    assert.doesNotMatch(text, /10:00/);
  });
});
