// Issue 13: queued messages are written at delivery in the conversation's language (a person's own, a
// channel's /setup language, "both" = Welsh then English in one card), and the notices the use cases
// queue carry catalogue keys (`say`) so a Welsh reader never gets the English the use case also wrote.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { MESSAGE_TYPES } from '../../src/app/booking/booking-messages.js';
import type { ConversationDoc } from '../../src/store/delivery-documents.js';
import type { ChildDoc } from '../../src/store/documents.js';
import { isMessageKey } from '../../src/teams/i18n/translate.js';
import { renderPending } from '../../src/teams/presenters/pending-messages.js';
import { conversationLanguage, languagesOf, type ReaderLanguage } from '../../src/teams/presenters/reader-language.js';
import { validateCard } from '../../tools/card-validation.js';

const child = {
  _id: 'C1001',
  ref: 'C1001',
  givenName: 'Dylan',
  familyName: 'Evans',
  version: 1,
  track: 'cla',
  iroId: 'iro-1',
  events: [],
  reviews: [],
  history: [],
  bookings: [{ id: 'C1001-B1', start: '2026-12-02T10:00:00.000Z', venue: 'School', status: 'booked', source: 'bot' }],
} as unknown as ChildDoc;
const conversation = {
  _id: 'c',
  kind: 'channel',
  purposes: [],
  address: {},
  updatedAt: new Date(),
} as unknown as ConversationDoc;

function render(type: string, data: Record<string, unknown>, language: ReaderLanguage) {
  const activity = renderPending({ type, data } as never, {
    conversation,
    child,
    showNames: false,
    staffNames: new Map([['iro-1', 'Alex Wilber']]),
    today: '2026-12-01',
    tzName: 'Europe/London',
    language,
  });
  const card = (activity.attachments as { content: Record<string, unknown> }[])[0]!.content;
  return { summary: String(activity.summary), card, text: JSON.stringify(card) };
}

const cancelled = {
  title: 'Review cancelled',
  text: 'Alex Wilber: the review booked for Wed 2 Dec 2026 10:00 is cancelled. Reason: ill',
  tone: 'warning',
  say: {
    title: { key: 'notice.booking-ended.title', params: { status: 'cancelled' } },
    text: {
      key: 'notice.booking-ended.text',
      params: { name: 'Alex Wilber', startInstant: '2026-12-02T10:00:00.000Z', status: 'cancelled', reason: 'ill' },
    },
  },
};

describe('queued messages in the reader’s language (issue 13)', () => {
  it('a notice queued with keys reads in Welsh, with the date in Welsh; the English stays for English readers', () => {
    const cy = render('child-notice', cancelled, 'cy');
    assert.match(cy.text, /Adolygiad wedi'i ganslo · C1001 · D\.E\./);
    assert.match(cy.text, /Mer 2 Rhag 2026 10:00/);
    assert.doesNotMatch(cy.text, /Review cancelled|booked for/);
    assert.equal(cy.summary, "Adolygiad wedi'i ganslo · C1001");
    const en = render('child-notice', cancelled, 'en');
    assert.match(en.text, /Review cancelled · C1001/);
    assert.match(en.text, /the review booked for Wed 2 Dec 2026 10:00 is cancelled/);
  });

  it('a notice queued before keys existed (no say) is shown as written', () => {
    const old = render(
      'child-notice',
      { title: 'IRO allocation', text: 'This child has been allocated to you.' },
      'cy',
    );
    assert.match(old.text, /IRO allocation/);
  });

  it('"both": Welsh first, then English, in one valid card; the summary names both', () => {
    const both = render('child-notice', cancelled, 'both');
    assert.ok(both.text.indexOf('Adolygiad') < both.text.indexOf('Review cancelled'));
    assert.equal(both.summary, "Adolygiad wedi'i ganslo · C1001 / Review cancelled · C1001");
    assert.deepEqual(validateCard(both.card), []);
  });

  it('the booking card: Welsh words, Welsh date, its button once with both titles in "both"', () => {
    const cy = render(MESSAGE_TYPES.booking, { bookingId: 'C1001-B1', event: 'booked' }, 'cy');
    assert.match(cy.text, /Adolygiad wedi'i drefnu/);
    assert.match(cy.text, /Mer 2 Rhag 2026 10:00/);
    const both = render(MESSAGE_TYPES.booking, { bookingId: 'C1001-B1', event: 'booked' }, 'both');
    const actions = both.card.actions as { title: string }[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Aildrefnu / Reschedule', 'Rhestr wirio cyfranogiad / Participation checklist'],
    );
    assert.deepEqual(validateCard(both.card), []);
  });

  it("a conversation's language: a person's choice, else their Teams locale, else the council's; a channel's own", () => {
    const staff = new Map([
      ['a', { language: 'cy' as const }],
      ['b', {}],
    ]);
    const personal = (staffId: string, locale: string | null) =>
      ({ kind: 'personal', staffId, address: { locale } }) as unknown as ConversationDoc;
    assert.equal(
      conversationLanguage(personal('a', 'en-GB'), (id) => staff.get(id), 'en'),
      'cy',
    );
    assert.equal(
      conversationLanguage(personal('b', 'cy-GB'), (id) => staff.get(id), 'en'),
      'cy',
    );
    assert.equal(
      conversationLanguage(personal('b', null), (id) => staff.get(id), 'cy'),
      'cy',
    );
    assert.equal(
      conversationLanguage(personal('b', 'en-US'), (id) => staff.get(id), 'en'),
      'en',
    );
    const channel = (language?: 'cy' | 'en' | 'both') =>
      ({ kind: 'channel', language, address: {} }) as unknown as ConversationDoc;
    assert.equal(
      conversationLanguage(channel('both'), () => undefined, 'en'),
      'both',
    );
    assert.equal(
      conversationLanguage(channel(), () => undefined, 'cy'),
      'cy',
    );
    assert.deepEqual(languagesOf('both'), ['cy', 'en']);
  });

  it('every notice key the use cases queue (src/app) is in the catalogue', () => {
    const app = path.join(__dirname, '../../src/app');
    const walk = (d: string): string[] =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    const keys = walk(app).flatMap((f) =>
      [...fs.readFileSync(f, 'utf8').matchAll(/key: '(notice\.[a-z.-]+)'/g)].map((m) => m[1]),
    );
    assert.ok(keys.length >= 6, keys.join(', '));
    for (const key of [...keys, 'notice.allocation.new', 'notice.allocation.old']) assert.ok(isMessageKey(key), key);
  });
});
