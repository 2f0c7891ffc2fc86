import { runImport } from '../app/import/run-import.js';
import type {
  ImportBooking,
  ImportChild,
  ImportDocument,
  ImportEvent,
  ImportReview,
  ImportStaff,
} from '../app/import/import-schema.js';
import { tzOffset } from '@date-fns/tz';
import { addDays, addMonths, createCalendar, todayIn, weekdayOf } from '../domain/calendar.js';
import type { IsoDate, LegalStatus, Track } from '../domain/types.js';
import type { Store } from '../store/doc-collection.js';
import { ChildrenRepository } from '../store/repositories/children-repository.js';

// Demo data for `npm start` and the playground: a valid import document whose dates are relative
// to `today`, so under the 'wales' policy iro-1 always has reviews due this week, overdue, next
// week and within the next 20 working days. All names are fictional.

const DOMAIN = 'council.example';
const aad = (suffix: string) => `00000000-0000-0000-0000-0000000000${suffix}`;

function person(id: string, name: string, roles: ImportStaff['roles'], extra: Partial<ImportStaff> = {}): ImportStaff {
  const mail = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${DOMAIN}`;
  return { id, name, roles, email: mail, upn: mail, external: false, ...extra };
}

export function demoStaff(): ImportStaff[] {
  return [
    person('iro-1', 'Alex Wilber', ['iro'], { aadObjectId: aad('a1'), team: 'reviewing', fte: 1.0, managerId: 'tm-1' }),
    person('iro-2', 'Rhian Pritchard', ['iro'], {
      aadObjectId: aad('a2'),
      team: 'reviewing',
      fte: 1.0,
      managerId: 'tm-1',
    }),
    person('iro-3', 'Gareth Lloyd', ['iro'], {
      aadObjectId: aad('a3'),
      team: 'reviewing',
      fte: 0.6,
      managerId: 'tm-1',
      external: true,
      organisation: 'Taf Reviewing Associates',
    }),
    person('bs-1', 'Sian Howells', ['business-support'], {
      aadObjectId: aad('b1'),
      team: 'reviewing',
      managerId: 'tm-1',
    }),
    person('tm-1', 'Catrin Morgan', ['team-manager'], {
      aadObjectId: aad('c1'),
      team: 'reviewing',
      managerId: 'hos-1',
    }),
    person('tm-north', 'Owen Jenkins', ['team-manager'], { aadObjectId: aad('c2'), team: 'north', managerId: 'hos-1' }),
    person('tm-south', 'Helen Price', ['team-manager'], { aadObjectId: aad('c3'), team: 'south', managerId: 'hos-1' }),
    // sw-1 is a senior practitioner who supervises sw-5: a two-step management line.
    person('sw-1', 'Dafydd Thomas', ['social-worker'], {
      aadObjectId: aad('d1'),
      team: 'north',
      managerId: 'tm-north',
    }),
    person('sw-2', 'Emma Roberts', ['social-worker'], { aadObjectId: aad('d2'), team: 'north', managerId: 'tm-north' }),
    person('sw-3', 'Bethan Hughes', ['social-worker'], {
      aadObjectId: aad('d3'),
      team: 'south',
      managerId: 'tm-south',
    }),
    person('sw-4', 'James Parry', ['social-worker'], { aadObjectId: aad('d4'), team: 'south', managerId: 'tm-south' }),
    person('sw-5', 'Nia Williams', ['social-worker'], { aadObjectId: aad('d5'), team: 'north', managerId: 'sw-1' }),
    person('hos-1', 'Ceri Davies', ['head-of-service'], {
      aadObjectId: aad('e1'),
      managerId: 'sd-1',
      nominatedSeniorOfficer: true,
    }),
    person('sd-1', 'Mark Edwards', ['service-director'], { aadObjectId: aad('e2'), managerId: 'gd-1' }),
    person('gd-1', 'Lowri Jones', ['group-director'], { aadObjectId: aad('e3'), managerId: 'ce-1' }),
    person('ce-1', 'Huw Griffiths', ['chief-executive'], { aadObjectId: aad('e4') }),
    person('legal-1', 'Angharad Rees', ['legal'], { aadObjectId: aad('f1') }),
    person('admin-1', 'Tomos Bevan', ['admin'], { aadObjectId: aad('ad') }),
    // A guest: matched on first contact by upn/email, so no aadObjectId.
    {
      id: 'g-1',
      name: 'Ffion Powell',
      roles: ['guardian'],
      email: 'ffion.powell@cafcass.example',
      upn: 'ffion.powell@cafcass.example',
      external: true,
      organisation: 'Cafcass Cymru',
    },
  ];
}

// ---- date helpers ----

/** Monday of the week containing d. */
function mondayOf(d: IsoDate): IsoDate {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}

// Bookings land on working days (no weekends or Welsh bank holidays).
const calendar = createCalendar({ region: 'GB-WLS', closureDays: [] });
const isWorkingDay = (d: IsoDate) => calendar.isWorkingDay(d);

/** Europe/London offset on a date (GMT or BST), for booking instants. */
function londonOffset(d: IsoDate): string {
  return tzOffset('Europe/London', new Date(`${d}T12:00:00Z`)) === 60 ? '+01:00' : '+00:00';
}

// ---- history builders (under 'wales': W39.1 20 working days, W39.2 3 months, W39.3 6 months) ----

/**
 * Held dates (oldest first) and the start of care such that the next review falls due on `due`:
 * n = 1 → W39.2 (first + 3 months), n ≥ 2 → W39.3 (last + 6 months); n = 0 → W39.1, approximately.
 * Earlier reviews are held a week before their own due date, so history is within timescale.
 * Month clamping cannot reach every date (nothing + 6 months is 31 Aug), so then the last review is
 * held a little later and the IRO brought the next one forward to `due` (FWD), which is exact.
 */
function claBackwards(due: IsoDate, n: number): { start: IsoDate; held: IsoDate[]; events: ImportEvent[] } {
  if (n === 0) return { start: addDays(due, -28), held: [], events: [] };
  const gap = n === 1 ? 3 : 6;
  let r = addMonths(due, -gap);
  while (addMonths(r, gap) < due) r = addDays(r, 1);
  const events: ImportEvent[] =
    addMonths(r, gap) === due
      ? []
      : [{ type: 'review-brought-forward', date: addDays(r, 7), dueBy: due, reason: 'plan-change' }];
  const held: IsoDate[] = [r];
  for (let k = n - 1; k >= 2; k--) {
    r = addDays(addMonths(r, -6), 7);
    held.unshift(r);
  }
  if (n >= 2) {
    r = addDays(addMonths(r, -3), 7);
    held.unshift(r);
  }
  return { start: addDays(r, -18), held, events };
}

/** Short breaks (SB): first review 3 months after the first period, then 6-monthly. */
function sbBackwards(due: IsoDate, n: number): { start: IsoDate; held: IsoDate[] } {
  if (n === 0) return { start: addMonths(due, -3), held: [] };
  const held: IsoDate[] = [];
  let r = addMonths(due, -6);
  held.unshift(r);
  for (let k = n - 1; k >= 1; k--) {
    r = addDays(addMonths(r, -6), 7);
    held.unshift(r);
  }
  return { start: addDays(addMonths(r, -3), 7), held };
}

interface ChildSpec {
  given: string;
  family: string;
  iro: string;
  sw: string;
  track?: Track;
  legal: LegalStatus;
  events: ImportEvent[];
  held: IsoDate[];
  /** Book the next review (on the latest working day on or before `bookFor`, from today on). */
  bookFor?: IsoDate;
  venue?: string;
  /** Leave the last review's written record undistributed. */
  undistributed?: boolean;
  combinedLast?: boolean;
  proceedings?: ImportChild['proceedings'];
  ageAtStart: number;
}

const TEAM_OF: Record<string, string> = {
  'sw-1': 'north',
  'sw-2': 'north',
  'sw-5': 'north',
  'sw-3': 'south',
  'sw-4': 'south',
};

/** Gives each IRO's bookings on one day distinct times (the per-day maximum is 3). */
function slotAllocator(): (iro: string, date: IsoDate) => string {
  const used = new Map<string, number>();
  const times = ['10:00', '14:00', '11:30'];
  return (iro, date) => {
    const n = used.get(`${iro}@${date}`) ?? 0;
    used.set(`${iro}@${date}`, n + 1);
    return times[n % times.length]!;
  };
}

function toChild(ref: string, s: ChildSpec, today: IsoDate, slot: (iro: string, date: IsoDate) => string): ImportChild {
  const firstEvent = s.events[0]!.date;
  const reviews: ImportReview[] = s.held.map((heldOn, i) => {
    const last = i === s.held.length - 1;
    const distributed = addDays(heldOn, 9);
    return {
      id: `${ref}-R${i + 1}`,
      heldOn,
      chairId: s.iro,
      combinedWithCP: last && !!s.combinedLast,
      recordDistributedOn: (last && s.undistributed) || distributed >= today ? null : distributed,
      lateReason: null,
    };
  });
  const bookings: ImportBooking[] = [];
  if (s.bookFor) {
    const date = bookingDate(s.bookFor, today);
    if (date)
      bookings.push({
        id: `${ref}-B1`,
        start: `${date}T${slot(s.iro, date)}:00${londonOffset(date)}`,
        venue: s.venue ?? 'Placement',
      });
  }
  return {
    ref,
    givenName: s.given,
    familyName: s.family,
    dateOfBirth: addDays(addMonths(firstEvent, -12 * s.ageAtStart), -((Number(ref.slice(1)) * 37) % 300)),
    legalStatus: s.legal,
    track: s.track ?? 'cla',
    iroId: s.iro,
    socialWorkerId: s.sw,
    socialWorkTeam: TEAM_OF[s.sw] ?? null,
    events: s.events,
    reviews,
    bookings,
    ...(s.proceedings !== undefined ? { proceedings: s.proceedings } : {}),
  };
}

/** Latest working day in [today, due]; for an overdue review, the first working day from today + 2. */
function bookingDate(due: IsoDate, today: IsoDate): IsoDate | null {
  if (due < today) {
    let d = addDays(today, 2);
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }
  for (let d = due; d >= today; d = addDays(d, -1)) if (isWorkingDay(d)) return d;
  return null;
}

const bla = (date: IsoDate): ImportEvent => ({ type: 'became-looked-after', date });

/** A looked-after child whose next review falls due on about `due`, after `n` reviews. */
function cla(due: IsoDate, n: number): Pick<ChildSpec, 'events' | 'held'> {
  const h = claBackwards(due, n);
  return { events: [bla(h.start), ...h.events], held: h.held };
}

export function buildDemoImport(today: IsoDate): ImportDocument {
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const nextMonday = addDays(monday, 7);
  const thisWeek = (j: number) => (addDays(today, j) > sunday ? sunday : addDays(today, j));
  const t = (n: number) => addDays(today, n);

  const openProceedings = (startedOn: IsoDate): ImportChild['proceedings'] => ({
    startedOn,
    guardianId: 'g-1',
    guardianAppointedOn: addDays(startedOn, 6),
    irhDate: t(30),
    finalHearingDate: t(72),
    concludedOn: null,
    outcome: null,
    discussionIntervalDays: 42,
  });

  const specs: ChildSpec[] = [
    // ---- iro-1: due this week, overdue, next week, within 20 working days, later ----
    {
      given: 'Dylan',
      family: 'Evans',
      iro: 'iro-1',
      sw: 'sw-1',
      legal: 'care-order',
      ...cla(thisWeek(0), 5),
      bookFor: thisWeek(0),
      ageAtStart: 8,
    },
    {
      given: 'Seren',
      family: 'Jones',
      iro: 'iro-1',
      sw: 'sw-2',
      legal: 'care-order',
      ...cla(thisWeek(1), 3),
      ageAtStart: 6,
    },
    {
      given: 'Osian',
      family: 'Morgan',
      iro: 'iro-1',
      sw: 'sw-3',
      legal: 'interim-care-order',
      ...cla(thisWeek(2), 1),
      bookFor: thisWeek(2),
      venue: 'School',
      ageAtStart: 4,
      proceedings: openProceedings(addDays(addMonths(thisWeek(2), -3), -20)),
    },
    (() => {
      // ADP: placed with adoptive family 25 days ago → review within 28 days.
      const base = cla(addMonths(today, 4), 3);
      return {
        given: 'Mali',
        family: 'Harris',
        iro: 'iro-1',
        sw: 'sw-4',
        legal: 'placement-order' as const,
        events: [...base.events, { type: 'placed-for-adoption' as const, date: t(-25) }],
        held: base.held,
        ageAtStart: 1,
      };
    })(),
    {
      given: 'Jac',
      family: 'Phillips',
      iro: 'iro-1',
      sw: 'sw-5',
      legal: 'care-order',
      ...cla(t(-4), 4),
      ageAtStart: 9,
    },
    // W39.1 overdue: looked after about six weeks ago, booked late.
    {
      given: 'Ella',
      family: 'Davies',
      iro: 'iro-1',
      sw: 'sw-1',
      legal: 'accommodated-s76',
      events: [bla(t(-36))],
      held: [],
      bookFor: t(-1),
      venue: 'Office',
      ageAtStart: 13,
    },
    {
      given: 'Rhys',
      family: 'Walker',
      iro: 'iro-1',
      sw: 'sw-2',
      legal: 'care-order',
      ...cla(addDays(nextMonday, 1), 6),
      bookFor: addDays(nextMonday, 1),
      ageAtStart: 5,
    },
    (() => {
      // UPC: unplanned placement change 28 days before a date next week; the cycle is due later.
      const due = addDays(nextMonday, 3);
      const base = cla(addMonths(today, 3), 4);
      return {
        given: 'Cerys',
        family: 'Lewis',
        iro: 'iro-1',
        sw: 'sw-3',
        legal: 'care-order' as const,
        events: [...base.events, { type: 'unplanned-placement-change' as const, date: addDays(due, -28) }],
        held: base.held,
        ageAtStart: 10,
      };
    })(),
    (() => {
      // FWD: the IRO brought the review forward for safety.
      const base = cla(addMonths(today, 2), 3);
      return {
        given: 'Ifan',
        family: 'Wright',
        iro: 'iro-1',
        sw: 'sw-4',
        legal: 'care-order' as const,
        events: [
          ...base.events,
          {
            type: 'review-brought-forward' as const,
            date: t(-6),
            dueBy: addDays(nextMonday, 4),
            reason: 'safety' as const,
          },
        ],
        held: base.held,
        ageAtStart: 11,
      };
    })(),
    {
      given: 'Ava',
      family: 'Hughes',
      iro: 'iro-1',
      sw: 'sw-5',
      legal: 'interim-care-order',
      events: [bla(t(-8))],
      held: [],
      proceedings: openProceedings(t(-9)),
      ageAtStart: 2,
    },
    (() => {
      const h = sbBackwards(t(24), 3);
      return {
        given: 'Tomos',
        family: 'Green',
        iro: 'iro-1',
        sw: 'sw-1',
        legal: 'short-breaks' as const,
        track: 'short-breaks' as const,
        events: [{ type: 'short-breaks-started' as const, date: h.start }],
        held: h.held,
        ageAtStart: 7,
      };
    })(),
    {
      given: 'Lili',
      family: 'Thomas',
      iro: 'iro-1',
      sw: 'sw-2',
      legal: 'ifst-family-plan',
      track: 'ifst',
      events: [{ type: 'ifst-intensive-started', date: t(-24) }],
      held: [],
      bookFor: t(4),
      venue: 'Family home',
      ageAtStart: 6,
    },
    {
      given: 'Gethin',
      family: 'Roberts',
      iro: 'iro-1',
      sw: 'sw-3',
      legal: 'care-order',
      ...cla(t(45), 4),
      ageAtStart: 12,
    },
    {
      given: 'Megan',
      family: 'Clarke',
      iro: 'iro-1',
      sw: 'sw-4',
      legal: 'care-order',
      ...cla(addMonths(t(-20), 3), 1),
      undistributed: true,
      ageAtStart: 3,
    },
    {
      given: 'Harri',
      family: 'Baker',
      iro: 'iro-1',
      sw: 'sw-5',
      legal: 'remanded',
      ...cla(addMonths(t(-30), 6), 2),
      ageAtStart: 15,
    },
    (() => {
      const base = cla(addMonths(today, 1), 5);
      return {
        given: 'Elin',
        family: 'Mason',
        iro: 'iro-1',
        sw: 'sw-1',
        legal: 'accommodated-s76' as const,
        events: [...base.events, { type: 'ceased-looked-after' as const, date: t(-40) }],
        held: base.held.filter((d) => d < t(-40)),
        ageAtStart: 11,
      };
    })(),
    {
      given: 'Caio',
      family: 'Turner',
      iro: 'iro-1',
      sw: 'sw-2',
      legal: 'care-order',
      ...cla(addMonths(t(-9), 6), 3),
      ageAtStart: 8,
    },

    // ---- iro-2 ----
    {
      given: 'Gwen',
      family: 'Powell',
      iro: 'iro-2',
      sw: 'sw-3',
      legal: 'care-order',
      ...cla(thisWeek(1), 4),
      bookFor: thisWeek(1),
      ageAtStart: 7,
    },
    {
      given: 'Noah',
      family: 'Price',
      iro: 'iro-2',
      sw: 'sw-4',
      legal: 'care-order',
      ...cla(t(-8), 3),
      bookFor: t(-8),
      venue: 'Office',
      ageAtStart: 10,
    },
    {
      given: 'Alys',
      family: 'Bevan',
      iro: 'iro-2',
      sw: 'sw-1',
      legal: 'accommodated-s76',
      ...cla(addDays(nextMonday, 2), 1),
      ageAtStart: 12,
    },
    {
      given: 'Owain',
      family: 'Rees',
      iro: 'iro-2',
      sw: 'sw-2',
      legal: 'interim-care-order',
      ...cla(t(20), 3),
      proceedings: openProceedings(t(-45)),
      ageAtStart: 5,
    },
    (() => {
      const h = sbBackwards(t(35), 2);
      return {
        given: 'Sophie',
        family: 'Ward',
        iro: 'iro-2',
        sw: 'sw-5',
        legal: 'short-breaks' as const,
        track: 'short-breaks' as const,
        events: [{ type: 'short-breaks-started' as const, date: h.start }],
        held: h.held,
        ageAtStart: 9,
      };
    })(),
    (() => {
      const h = sbBackwards(t(90), 1);
      return {
        given: 'Llew',
        family: 'Parry',
        iro: 'iro-2',
        sw: 'sw-3',
        legal: 'short-breaks' as const,
        track: 'short-breaks' as const,
        events: [{ type: 'short-breaks-started' as const, date: h.start }],
        held: h.held,
        ageAtStart: 6,
      };
    })(),
    // IFST: first review held; the second is due 3 months after it.
    {
      given: 'Macsen',
      family: 'Hall',
      iro: 'iro-2',
      sw: 'sw-4',
      legal: 'ifst-family-plan',
      track: 'ifst',
      events: [{ type: 'ifst-intensive-started', date: t(-100) }],
      held: [t(-75)],
      ageAtStart: 8,
    },
    // Ceased, then looked after again: a new episode, W39.1 again.
    (() => {
      const base = cla(t(-200), 3);
      return {
        given: 'Efa',
        family: 'Jenkins',
        iro: 'iro-2',
        sw: 'sw-1',
        legal: 'accommodated-s76' as const,
        events: [...base.events, { type: 'ceased-looked-after' as const, date: t(-210) }, bla(t(-12))],
        held: base.held.filter((d) => d < t(-210)),
        ageAtStart: 9,
      };
    })(),
    {
      given: 'Jacob',
      family: 'Cooper',
      iro: 'iro-2',
      sw: 'sw-2',
      legal: 'placement-order',
      ...cla(t(60), 3),
      ageAtStart: 2,
    },
    {
      given: 'Nel',
      family: 'Edwards',
      iro: 'iro-2',
      sw: 'sw-5',
      legal: 'care-order',
      ...cla(addMonths(t(-16), 3), 1),
      undistributed: true,
      ageAtStart: 4,
    },
    {
      given: 'Ioan',
      family: 'Griffiths',
      iro: 'iro-2',
      sw: 'sw-3',
      legal: 'care-order',
      ...cla(t(40), 2),
      ageAtStart: 3,
      proceedings: {
        startedOn: t(-260),
        guardianId: 'g-1',
        guardianAppointedOn: t(-254),
        irhDate: t(-90),
        finalHearingDate: t(-25),
        concludedOn: t(-20),
        outcome: 'remains-looked-after',
        discussionIntervalDays: 42,
      },
    },
    {
      given: 'Chloe',
      family: 'Taylor',
      iro: 'iro-2',
      sw: 'sw-4',
      legal: 'care-order',
      ...cla(t(150), 5),
      ageAtStart: 9,
    },
    {
      given: 'Tegan',
      family: 'Owen',
      iro: 'iro-2',
      sw: 'sw-1',
      legal: 'accommodated-s76',
      ...cla(t(12), 3),
      bookFor: t(12),
      ageAtStart: 14,
    },
    {
      given: 'Morgan',
      family: 'Hopkins',
      iro: 'iro-2',
      sw: 'sw-2',
      legal: 'care-order',
      ...cla(t(100), 4),
      combinedLast: true,
      ageAtStart: 7,
    },

    // ---- iro-3 (external, 0.6 FTE) ----
    {
      given: 'Carys',
      family: 'Watkins',
      iro: 'iro-3',
      sw: 'sw-5',
      legal: 'care-order',
      ...cla(thisWeek(2), 3),
      bookFor: thisWeek(2),
      ageAtStart: 6,
    },
    {
      given: 'Aled',
      family: 'Stephens',
      iro: 'iro-3',
      sw: 'sw-3',
      legal: 'care-order',
      ...cla(t(28), 2),
      ageAtStart: 10,
    },
    // IFST: start 170 days ago; final review due 6 months after the start.
    {
      given: 'Fflur',
      family: 'Morris',
      iro: 'iro-3',
      sw: 'sw-4',
      legal: 'ifst-family-plan',
      track: 'ifst',
      events: [{ type: 'ifst-intensive-started', date: t(-170) }],
      held: [t(-144), t(-60)],
      ageAtStart: 11,
    },
    (() => {
      const h = sbBackwards(t(50), 2);
      return {
        given: 'Evan',
        family: 'Collins',
        iro: 'iro-3',
        sw: 'sw-1',
        legal: 'short-breaks' as const,
        track: 'short-breaks' as const,
        events: [{ type: 'short-breaks-started' as const, date: h.start }],
        held: h.held,
        ageAtStart: 8,
      };
    })(),
    {
      given: 'Gruffudd',
      family: 'Bowen',
      iro: 'iro-3',
      sw: 'sw-2',
      legal: 'interim-care-order',
      ...cla(t(30), 1),
      proceedings: openProceedings(t(-75)),
      ageAtStart: 1,
    },
    { given: 'Kian', family: 'Lloyd', iro: 'iro-3', sw: 'sw-5', legal: 'remanded', ...cla(t(80), 2), ageAtStart: 16 },
    {
      given: 'Anwen',
      family: 'Matthews',
      iro: 'iro-3',
      sw: 'sw-3',
      legal: 'care-order',
      ...cla(t(140), 4),
      ageAtStart: 5,
    },
    (() => {
      const base = cla(t(60), 3);
      return {
        given: 'Logan',
        family: 'Bennett',
        iro: 'iro-3',
        sw: 'sw-4',
        legal: 'accommodated-s76' as const,
        events: [...base.events, { type: 'ceased-looked-after' as const, date: t(-30) }],
        held: base.held.filter((d) => d < t(-30)),
        proceedings: {
          startedOn: addDays(base.events[0]!.date, -10),
          guardianId: 'g-1',
          guardianAppointedOn: addDays(base.events[0]!.date, -3),
          irhDate: t(-80),
          finalHearingDate: t(-32),
          concludedOn: t(-30),
          outcome: 'leaves-care' as const,
          discussionIntervalDays: 42,
        },
        ageAtStart: 12,
      };
    })(),
    {
      given: 'Mabli',
      family: 'Richards',
      iro: 'iro-3',
      sw: 'sw-1',
      legal: 'accommodated-s76',
      events: [bla(t(-18))],
      held: [],
      ageAtStart: 13,
    },
  ];

  const slot = slotAllocator();
  return {
    formatVersion: 1,
    staff: demoStaff(),
    children: specs.map((s, i) => toChild(`C${1001 + i}`, s, today, slot)),
  };
}

/** Loads the demo document through the normal import path when the store has no children yet. */
export async function loadDemoIfEmpty(store: Store, now: Date): Promise<boolean> {
  if ((await new ChildrenRepository(store).count()) > 0) return false;
  await runImport(store, buildDemoImport(todayIn(now)), {
    sourceName: 'demo-data',
    now,
    actor: { id: 'demo-data', kind: 'system' },
  });
  return true;
}
