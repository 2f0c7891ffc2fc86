import { addMonths, fromDayNumber, toDayNumber } from '../src/domain/calendar.js';
import type { IsoDate, LegalStatus, Track } from '../src/domain/types.js';
import type { BookingDoc, ChildDoc, EventDoc, ReviewDoc, StaffDoc } from '../src/store/documents.js';

// Synthetic data for benchmarks: large, deterministic (seeded PRNG), plausible histories that are
// within timescale most of the time. Bulk-inserted with insertMany, bypassing import validation,
// so it must be fast (100k children in a few seconds): plain day-number arithmetic, no lookups.

export interface SyntheticOptions {
  today: IsoDate;
  iroCount: number;
  seed: number;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = ['north', 'south', 'east', 'west'] as const;
const GIVEN = [
  'Dylan',
  'Seren',
  'Osian',
  'Mali',
  'Jac',
  'Ella',
  'Rhys',
  'Cerys',
  'Ifan',
  'Ava',
  'Tomos',
  'Lili',
  'Gethin',
  'Megan',
  'Harri',
  'Elin',
  'Noah',
  'Alys',
  'Owain',
  'Sophie',
  'Macsen',
  'Efa',
  'Jacob',
  'Nel',
];
const FAMILY = [
  'Evans',
  'Jones',
  'Morgan',
  'Harris',
  'Phillips',
  'Davies',
  'Walker',
  'Lewis',
  'Wright',
  'Hughes',
  'Green',
  'Thomas',
  'Roberts',
  'Clarke',
  'Baker',
  'Mason',
  'Price',
  'Rees',
  'Ward',
  'Parry',
  'Hall',
  'Jenkins',
];

export function socialWorkerCount(iroCount: number): number {
  return Math.max(5, iroCount * 4);
}

/** The directory matching syntheticChildDocs: IROs, social workers in four teams, managers, support. */
export function syntheticStaffDocs(opts: { iroCount: number }): StaffDoc[] {
  const staff: StaffDoc[] = [
    { _id: 'hos-1', id: 'hos-1', name: 'Head of Service', roles: ['head-of-service'], nominatedSeniorOfficer: true },
    {
      _id: 'tm-1',
      id: 'tm-1',
      name: 'Reviewing Manager',
      roles: ['team-manager'],
      team: 'reviewing',
      managerId: 'hos-1',
    },
    {
      _id: 'bs-1',
      id: 'bs-1',
      name: 'Business Support',
      roles: ['business-support'],
      team: 'reviewing',
      managerId: 'tm-1',
    },
    { _id: 'admin-1', id: 'admin-1', name: 'Administrator', roles: ['admin'] },
    { _id: 'legal-1', id: 'legal-1', name: 'Legal', roles: ['legal'] },
    { _id: 'g-1', id: 'g-1', name: 'Guardian', roles: ['guardian'], external: true, organisation: 'Cafcass Cymru' },
  ];
  for (const team of TEAMS) {
    staff.push({
      _id: `tm-${team}`,
      id: `tm-${team}`,
      name: `Manager ${team}`,
      roles: ['team-manager'],
      team,
      managerId: 'hos-1',
    });
  }
  for (let i = 1; i <= opts.iroCount; i++) {
    const id = `iro-${i}`;
    staff.push({
      _id: id,
      id,
      name: `IRO ${i}`,
      roles: ['iro'],
      team: 'reviewing',
      fte: i % 5 === 0 ? 0.6 : 1,
      managerId: 'tm-1',
      email: `${id}@council.example`,
    });
  }
  const sws = socialWorkerCount(opts.iroCount);
  for (let i = 1; i <= sws; i++) {
    const id = `sw-${i}`;
    const team = TEAMS[i % TEAMS.length]!;
    staff.push({ _id: id, id, name: `Social Worker ${i}`, roles: ['social-worker'], team, managerId: `tm-${team}` });
  }
  return staff;
}

const CLA_STATUSES: LegalStatus[] = [
  'care-order',
  'care-order',
  'care-order',
  'interim-care-order',
  'accommodated-s76',
  'placement-order',
  'remanded',
];

export function syntheticChildDocs(n: number, opts: SyntheticOptions): ChildDoc[] {
  const rand = prng(opts.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const today = toDayNumber(opts.today);
  const sws = socialWorkerCount(opts.iroCount);
  const out: ChildDoc[] = new Array<ChildDoc>(n);

  for (let i = 0; i < n; i++) {
    const ref = `S${String(i + 1).padStart(7, '0')}`;
    const iroId = `iro-${1 + (i % opts.iroCount)}`;
    const roll = rand();
    const track: Track = roll < 0.8 ? 'cla' : roll < 0.92 ? 'short-breaks' : 'ifst';
    const events: EventDoc[] = [];
    const reviews: ReviewDoc[] = [];
    const held = (day: number) => {
      const heldOn = fromDayNumber(day);
      const distributed = day + int(3, 16);
      reviews.push({
        id: `${ref}-R${reviews.length + 1}`,
        heldOn,
        chairId: iroId,
        combinedWithCP: rand() < 0.05,
        recordDistributedOn: distributed < today ? fromDayNumber(distributed) : null,
        lateReason: null,
        source: 'import',
      });
    };
    // Monthly steps go through addMonths (clamped), days are then subtracted so reviews are early.
    const monthsAfter = (day: number, months: number) => toDayNumber(addMonths(fromDayNumber(day), months));

    let start: number;
    if (track === 'ifst') {
      start = today - int(0, 240);
      events.push({ type: 'ifst-intensive-started', date: fromDayNumber(start), source: 'import' });
      let d = start + int(18, 28);
      if (d < today) {
        held(d);
        d = monthsAfter(d, 3) - int(0, 10);
        if (d < today) held(d);
      }
    } else {
      start = today - int(0, 5 * 365);
      const type = track === 'cla' ? 'became-looked-after' : 'short-breaks-started';
      events.push({ type, date: fromDayNumber(start), source: 'import' });
      // cla: 20 working days ≈ 28 calendar days; short breaks: 3 months; then 3 and 6 months (cla).
      let d = track === 'cla' ? start + int(10, 27) : monthsAfter(start, 3) - int(0, 10);
      let k = 0;
      // ~4% are a little late on some review.
      while (d < today) {
        held(d);
        k++;
        const months = track === 'cla' && k === 1 ? 3 : 6;
        d = monthsAfter(d, months) - int(0, 14) + (rand() < 0.04 ? int(1, 20) : 0);
      }
      if (track === 'cla' && reviews.length > 2 && rand() < 0.05) {
        const last = toDayNumber(reviews[reviews.length - 1]!.heldOn);
        events.push({
          type: 'ceased-looked-after',
          date: fromDayNumber(Math.min(today, last + int(1, 60))),
          source: 'import',
        });
      }
    }

    const bookings: BookingDoc[] = [];
    if (rand() < 0.25) {
      const day = today + int(1, 40);
      const wd = (((day + 4) % 7) + 7) % 7;
      const weekday = wd === 0 ? day + 1 : wd === 6 ? day + 2 : day;
      bookings.push({
        id: `${ref}-B1`,
        start: `${fromDayNumber(weekday)}T${rand() < 0.5 ? '10' : '14'}:00:00Z`,
        venue: 'Placement',
        status: 'booked',
        source: 'import',
      });
    }

    const legalStatus: LegalStatus =
      track === 'cla' ? pick(CLA_STATUSES) : track === 'short-breaks' ? 'short-breaks' : 'ifst-family-plan';
    const sw = int(1, sws);
    const inProceedings = legalStatus === 'interim-care-order';
    out[i] = {
      _id: ref,
      ref,
      givenName: pick(GIVEN),
      familyName: pick(FAMILY),
      dateOfBirth: fromDayNumber(start - int(0, 12 * 365)),
      legalStatus,
      track,
      iroId,
      socialWorkerId: `sw-${sw}`,
      socialWorkTeam: TEAMS[sw % TEAMS.length]!,
      events,
      reviews,
      bookings,
      proceedings: inProceedings
        ? {
            startedOn: fromDayNumber(start - int(0, 20)),
            guardianId: 'g-1',
            guardianAppointedOn: fromDayNumber(start),
            irhDate: fromDayNumber(today + int(5, 60)),
            discussionIntervalDays: 42,
          }
        : null,
      version: 1,
      history: [],
    };
  }
  return out;
}
