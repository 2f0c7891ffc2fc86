import assert from 'node:assert/strict';
import { MAX_ACTION_ROWS } from '../../src/domain/plan-tracking.js';
import { MAX_OWNER_CHOICES, PLAN_PAGE_SIZE } from '../../src/teams/cards/plan.js';
import { MAX_STAFF_CHOICES } from '../../src/app/resolution-meetings.js';
import fs from 'node:fs';
import path from 'node:path';
import { CARD_KINDS, cardAttachment, cardsDir, renderCard, type CardKind } from '../../src/teams/cards.js';
import { MESSAGE_LIMIT_BYTES, utf16Bytes } from '../../src/teams/message-size.js';
import { DISPLAY_TEXT_MAX, PAGE_SIZE } from '../../src/teams/presenters/paging.js';
import { MAX_DIGEST_ROWS } from '../../src/teams/cards/digest.js';
import { MAX_LATE_LISTED, MAX_REPORT_IROS } from '../../src/teams/cards/report.js';
import { CONFLICTS_PER_CARD, MAX_PROBLEM_LINES } from '../../src/teams/cards/import-report.js';
import { MAX_ALLOCATION_CHOICES, MAX_INELIGIBLE_LISTED } from '../../src/teams/cards/allocate.js';
import { MAX_SOCIAL_WORKERS } from '../../src/teams/cards/new-entry-form.js';
import { CASE_EVENTS_SHOWN } from '../../src/teams/cards/case.js';
import { MAX_COVER_CHOICES, MAX_COVER_REVIEWS } from '../../src/app/cover.js';
import { TIMELINE_TEXT_MAX } from '../../src/teams/presenters/timeline.js';
import { translator, type Translate } from '../../src/teams/i18n/translate.js';

// Issue 12, "fit Teams": every card template, at the largest data its view model allows, makes a
// message (the whole activity as sent) of at most 80 KB counted as UTF-16. Templates are read from
// cards/, so a new one fails here until its largest data is declared below.
//
// The largest data: the template's biggest fixture (test/fixtures/cards/KIND.*.json) with every array
// at its bound (repeating its items) and every name and text at its longest (real names with markdown
// characters the escaper doubles). Words the template compares (view, tone,
// states, styles, verbs, ids in button data) keep their value so every section still shows.

/** Bounds per array path ('a.b[].c'), one entry per shape a view can take; where each number comes from is noted. */
type Bounds = Record<string, number>;
const TWO = 2; // Previous and Next
const LARGEST: Record<CardKind, { variants: Bounds[]; textMax?: number }> = {
  // cards/due.ts: 20 rows a page (overdue + due), or 20 IROs with one button each; a pager.
  due: {
    variants: [
      { overdue: PAGE_SIZE, due: 0, summary: 0, 'summary[].buttons': 1, pagerButtons: TWO },
      { overdue: PAGE_SIZE / 2, due: PAGE_SIZE / 2, summary: 0, 'summary[].buttons': 1, pagerButtons: TWO },
      { overdue: 0, due: 0, summary: PAGE_SIZE, 'summary[].buttons': 1, pagerButtons: TWO },
    ],
  },
  // cards/caseload.ts: 20 IROs a page (table and chart); counts by track (3) and legal status (domain enums, < 12).
  caseload: { variants: [{ byTrack: 12, byLegalStatus: 12, iros: PAGE_SIZE, chart: PAGE_SIZE, pagerButtons: TWO }] },
  // cards/actions.ts: 20 items a page, one button each (buttonsFor), a pager.
  actions: { variants: [{ items: PAGE_SIZE, 'items[].buttons': 2, pagerButtons: TWO }] },
  // A child in care from birth to 18: a review at 20 days, 3 months, then 6-monthly: ≤ 38; 60 allows for corrections.
  // Issue 14: the newest CASE_EVENTS_SHOWN timeline entries (the rest on the paged case-timeline card).
  case: {
    variants: [{ bookings: 20, history: 30, proceedings: 10, resolutions: 10, liaison: 10, events: CASE_EVENTS_SHOWN }],
    textMax: TIMELINE_TEXT_MAX,
  },
  // cards/digest.ts: three sections of at most MAX_DIGEST_ROWS rows.
  digest: { variants: [{ sections: 3, 'sections[].rows': MAX_DIGEST_ROWS }] },
  // cards/report.ts: 12 months, late groups (reason categories, < 12) with MAX_LATE_LISTED lines in all; MAX_REPORT_IROS IROs.
  report: {
    variants: [
      {
        totals: 6,
        months: 12,
        chart: 12,
        lateGroups: 12,
        'lateGroups[].items': Math.ceil(MAX_LATE_LISTED / 12),
        comparators: 4,
        caseload: MAX_REPORT_IROS,
        resolutions: 8,
        ifstTotals: 4,
        records: 2,
        resolutionThemes: 12,
        boardFacts: 4,
      },
    ],
  },
  // cards/board.ts: 12 months and the period's total; the checklist's 7 items and its completion; 3 measures.
  board: { variants: [{ records: 13, participation: 8, measures: 3 }] },
  // cards/participation.ts: the seven checklist items (domain/participation.ts), three statuses each; reasons ≤ 500.
  participation: { variants: [{ items: 7, 'items[].choices': 3 }], textMax: 500 },
  help: { variants: [{ commands: 30 }] },
  // cards/import-report.ts: a sync run's report, CONFLICTS_PER_CARD conflicts a card, MAX_PROBLEM_LINES refusal lines.
  'import-report': {
    variants: [{ facts: 3, problems: MAX_PROBLEM_LINES, conflicts: CONFLICTS_PER_CARD }],
    textMax: 500,
  },
  notice: { variants: [{}], textMax: 2000 },
  reminder: { variants: [{ facts: 6, buttons: 2 }] },
  'booking-form': { variants: [{ facts: 4, venues: 10, invitees: 20, reasons: 12 }], textMax: 500 },
  booking: { variants: [{ facts: 8 }] },
  'reschedule-form': { variants: [{ facts: 4, reasons: 12, slots: 20 }], textMax: 500 },
  'reschedule-approval': { variants: [{ facts: 8, refreshUserIds: 10 }], textMax: 500 },
  // RS2: staff choices capped by app/resolution-meetings.ts MAX_STAFF_CHOICES; three decisions.
  'resolution-meeting': { variants: [{ staffChoices: MAX_STAFF_CHOICES, decisions: 3 }], textMax: 500 },
  // Issue 15 plan card: a page of actions, five rows to record, the capped owner list (+ "someone else").
  plan: {
    variants: [{ actions: PLAN_PAGE_SIZE, rows: MAX_ACTION_ROWS, ownerChoices: MAX_OWNER_CHOICES + 1 }],
    textMax: 1000,
  },
  'held-form': { variants: [{ facts: 4, chairs: 20, reasons: 12 }], textMax: 300 },
  'review-held': { variants: [{ facts: 6 }] },
  // cards/notify-form.ts: one due fact; the event and reason vocabularies (types.ts); a 300-character note.
  // cards/allocate.ts: MAX_ALLOCATION_CHOICES IROs offered, MAX_INELIGIBLE_LISTED ruled out (reasons clipped to 200); 6 facts.
  allocate: {
    variants: [{ facts: 6, choices: MAX_ALLOCATION_CHOICES, ineligible: MAX_INELIGIBLE_LISTED }],
    textMax: 200,
  },
  // cards/new-entry-form.ts: the legal statuses (types.ts, 7); MAX_SOCIAL_WORKERS social workers, else a typed field.
  'new-entry-form': { variants: [{ legalStatuses: 7, socialWorkers: MAX_SOCIAL_WORKERS }], textMax: 254 },
  // cards/case-timeline.ts: PAGE_SIZE entries a page (reasons clipped to TIMELINE_TEXT_MAX); Previous and Next.
  'case-timeline': { variants: [{ lines: PAGE_SIZE, pager: TWO }], textMax: TIMELINE_TEXT_MAX },
  // cards/cover.ts: MAX_COVER_REVIEWS reviews, MAX_COVER_CHOICES IROs for each and for all.
  cover: {
    variants: [{ reviews: MAX_COVER_REVIEWS, 'reviews[].choices': MAX_COVER_CHOICES, allChoices: MAX_COVER_CHOICES }],
  },
  'notify-form': { variants: [{ facts: 1, events: 6, reasons: 8, corrections: 10 }], textMax: 300 },
  // Typed texts up to their inputs' maxLength (4000 for a response); a resolution's life: 4 stages and 2 meetings
  // (RS2: arranged, outcome); escalation from stage 1 offers stages 2–6.
  resolution: {
    variants: [{ facts: 8, agreedActions: 3, timeline: 14, escalateChoices: 5, mentions: 6, refreshUserIds: 10 }],
    textMax: 2000,
  },
  // cards/resolution-raise.ts: the themes (domain enum) and the stages a resolution can be raised at (at most 7).
  'resolution-raise': { variants: [{ themes: 12, stages: 7 }] },
  resolutions: { variants: [{ rows: 30 }] },
  'resolution-referral': { variants: [{ facts: 8, items: 10 }], textMax: 2000 },
  liaison: { variants: [{ facts: 8, checklist: 10, buttons: 4, 'discussion.topics': 12 }], textMax: 2000 },
  'liaison-form': {
    variants: [
      {
        guardians: 30,
        outcomes: 8,
        legalContacts: 30,
        open: 10,
        'open[].buttons': 3,
        discussions: 10,
        'discussion.topics': 12,
      },
    ],
    textMax: 2000,
  },
};

/**
 * Names (people, children, IROs): the longest a list row shows (presenters clip to DISPLAY_TEXT_MAX). The
 * import does not bound a name's length; a card that would still be too big is caught by the sender's
 * guard (message-size.ts). Free text (a fixture string over 60 characters) gets the kind's textMax (the
 * inputs' maxLength); everything else (dates, counts, labels the bot writes) keeps its length.
 */
const NAMES = new Set(['child', 'iro', 'name', 'title', 'subtitle', 'socialWorker', 'x', 'who', 'by', 'label']);

/** Values the template compares or that name things (kept as in the fixture). */
const KEEP = new Set([
  'view',
  'tone',
  'bandState',
  'state',
  'totalsState',
  'messageTone',
  'verb',
  'style',
  'kind',
  'status',
  'mode',
  'value',
]);

/** A name or text of length n: real Welsh names (an accent, an apostrophe, a hyphen) with a markdown character in each. */
function longest(n: number): string {
  return "Siân O'Brien-Llewelyn *".repeat(Math.ceil(n / 24)).slice(0, n);
}

function inflate(v: unknown, p: string, key: string, bounds: Bounds, textMax: number, unknown: Set<string>): unknown {
  if (Array.isArray(v)) {
    const n = bounds[p];
    if (n === undefined) unknown.add(p);
    const items = v.length ? v : [];
    const out =
      n === undefined ? items : Array.from({ length: items.length ? n : 0 }, (_, i) => items[i % items.length]);
    return out.map((x) => inflate(x, `${p}[]`, key, bounds, textMax, unknown));
  }
  if (v !== null && typeof v === 'object') {
    // A card's own words are catalogue messages, set below at their longest in either language.
    if (key === 'labels' && p === 'labels') return v;
    if (key === 'data')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' ? longest(40) : x]));
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, inflate(x, p ? `${p}.${k}` : k, k, bounds, textMax, unknown)]),
    );
  }
  if (typeof v === 'string' && !KEEP.has(key) && v !== '') {
    return longest(NAMES.has(key) ? DISPLAY_TEXT_MAX : v.length > 60 ? Math.max(textMax, DISPLAY_TEXT_MAX) : v.length);
  }
  return v;
}

const fixturesDir = path.join(__dirname, '../fixtures/cards');

/** A card's own words (issue 13: `<kind>CardLabels(t)`), each at its longest in English or Welsh. */
async function longestLabels(kind: string): Promise<Record<string, string> | undefined> {
  const camel = kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  const mod = (await import(`../../src/teams/cards/${kind}.js`)) as Record<string, unknown>;
  const labelsOf = mod[`${camel}CardLabels`] as ((t: Translate) => Record<string, string>) | undefined;
  if (!labelsOf) return undefined;
  const [en, cy] = [labelsOf(translator('en')), labelsOf(translator('cy'))];
  return Object.fromEntries(Object.keys(en).map((k) => [k, en[k].length >= cy[k].length ? en[k] : cy[k]]));
}

function biggestFixture(kind: string): unknown[] {
  return fs
    .readdirSync(fixturesDir)
    .filter((f) => f.startsWith(`${kind}.`))
    .map((f) => JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8')));
}

/** The whole activity as the bot posts it (a reply with one card). */
function activityOf(card: ReturnType<typeof renderCard>) {
  return {
    type: 'message',
    id: 'f:0123456789abcdef',
    timestamp: new Date(0).toISOString(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    from: { id: '28:00000000-0000-0000-0000-000000000000', name: 'IRO Bot' },
    recipient: {
      id: '29:'.padEnd(120, 'x'),
      name: 'x'.repeat(100),
      aadObjectId: '00000000-0000-0000-0000-000000000000',
    },
    conversation: {
      id: `19:${'x'.repeat(60)}@thread.tacv2;messageid=1234567890123`,
      conversationType: 'channel',
      tenantId: '00000000-0000-0000-0000-000000000000',
      isGroup: true,
    },
    replyToId: '1234567890123',
    inputHint: 'acceptingInput',
    attachments: [cardAttachment(card)],
  };
}

describe('card size: every template at its largest data fits in a Teams message (≤ 80 KB as UTF-16)', () => {
  const figures: string[] = [];
  after(() => console.log(`      largest message per template (KB, UTF-16): ${figures.join(', ')}`));

  it('every template in cards/ is a card kind with its largest data declared here', () => {
    const files = fs
      .readdirSync(cardsDir())
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
    assert.deepEqual(files, [...CARD_KINDS].sort(), 'a template file that is not a card kind (or the other way round)');
    for (const k of files) assert.ok(LARGEST[k as CardKind], `${k}: declare its largest data in LARGEST`);
  });

  for (const kind of [...CARD_KINDS].sort()) {
    it(kind, async () => {
      const spec = LARGEST[kind];
      const labels = await longestLabels(kind);
      const fixtures = biggestFixture(kind);
      assert.ok(fixtures.length > 0, `${kind}: no fixture in test/fixtures/cards`);
      let largest = 0;
      for (const bounds of spec.variants) {
        for (const fixture of fixtures) {
          const unknown = new Set<string>();
          const inflated = inflate(fixture, '', '', bounds, spec.textMax ?? 200, unknown) as Record<string, unknown>;
          const model = labels ? { ...inflated, labels } : inflated;
          assert.deepEqual(
            [...unknown].filter((p) => !(p in bounds)),
            [],
            `${kind}: declare a bound for these lists`,
          );
          const bytes = utf16Bytes(activityOf(renderCard(kind, model as never)));
          largest = Math.max(largest, bytes);
        }
      }
      figures.push(`${kind} ${(largest / 1024).toFixed(1)}`);
      assert.ok(largest <= MESSAGE_LIMIT_BYTES, `${kind}: ${(largest / 1024).toFixed(1)} KB at its largest data`);
    });
  }
});
