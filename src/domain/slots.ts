// Free review slots for an IRO (docs/DOMAIN.md "Booking and rescheduling"): a slot is a working day plus a
// configured start time (Europe/London); it is free when the IRO has no booking at that instant and
// fewer than the per-day maximum that day; none in the past. Offered up to the due-by date, or, when
// that has passed, from today on (all outside timescale). Pure: `now` and the IRO's bookings are given.
import { TZDate } from '@date-fns/tz';
import { addDays, todayIn, type WorkingCalendar } from './calendar.js';
import { AppError } from './errors.js';
import { reviewOverdue, withinTimescale } from './timescales.js';
import type { IsoDate } from './types.js';

export interface SlotRules {
  /** 'HH:MM' London wall-clock start times, e.g. ['10:00', '14:00']. */
  slotTimes: readonly string[];
  maxPerDay: number;
  calendar: WorkingCalendar;
  tzName: string;
}

export interface Slot {
  date: IsoDate;
  time: string;
  /** ISO instant with the London offset, e.g. 2026-06-20T10:00:00+01:00. */
  start: string;
  outsideTimescale: boolean;
}

/** How far past today slots are looked for when the due-by date has already passed (working days). */
export const OVERDUE_SEARCH_WORKING_DAYS = 20;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A London date + 'HH:MM' as an ISO instant with the offset in force that day (BST or GMT). */
export function londonStart(date: IsoDate, time: string, tzName = 'Europe/London'): string {
  const m = HHMM.exec(time);
  if (!m)
    throw new AppError(
      'invalid-input',
      `"${time}" is not a time (HH:MM)`,
      { example: '10:00' },
      { key: 'errors.booking.not-a-time', params: { time: String(time).slice(0, 20) } },
    );
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const t = new TZDate(y, mo - 1, d, Number(m[1]), Number(m[2]), 0, tzName);
  return t.toISOString().replace('.000', '');
}

/** The London calendar date and 'HH:MM' of a booking start instant. */
export function londonDateTime(start: string, tzName = 'Europe/London'): { date: IsoDate; time: string } {
  const t = new TZDate(Date.parse(start), tzName);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: todayIn(new Date(t.getTime()), tzName), time: `${pad(t.getHours())}:${pad(t.getMinutes())}` };
}

/** The IRO's other live bookings, indexed for the clash checks. */
export class IroDiary {
  private readonly instants = new Set<number>();
  private readonly perDay = new Map<IsoDate, number>();

  constructor(
    starts: readonly string[],
    private readonly tzName: string,
  ) {
    for (const s of starts) this.add(s);
  }

  add(start: string): void {
    this.instants.add(Date.parse(start));
    const day = londonDateTime(start, this.tzName).date;
    this.perDay.set(day, (this.perDay.get(day) ?? 0) + 1);
  }

  busyAt(start: string): boolean {
    return this.instants.has(Date.parse(start));
  }

  countOn(date: IsoDate): number {
    return this.perDay.get(date) ?? 0;
  }
}

/**
 * Up to `limit` earliest free slots. Within timescale: today .. dueBy. If dueBy is before today,
 * from today for OVERDUE_SEARCH_WORKING_DAYS working days, every slot outside timescale.
 */
export function freeSlots(diary: IroDiary, dueBy: IsoDate, now: Date, rules: SlotRules, limit = 5): Slot[] {
  const today = todayIn(now, rules.tzName);
  const overdue = reviewOverdue(dueBy, today);
  const last = overdue ? rules.calendar.addWorkingDays(today, OVERDUE_SEARCH_WORKING_DAYS) : dueBy;
  const times = [...rules.slotTimes].sort();
  const out: Slot[] = [];
  for (let d = today; d <= last && out.length < limit; d = addDays(d, 1)) {
    if (!rules.calendar.isWorkingDay(d)) continue;
    if (diary.countOn(d) >= rules.maxPerDay) continue;
    for (const time of times) {
      const start = londonStart(d, time, rules.tzName);
      if (Date.parse(start) <= now.getTime()) continue; // none in the past
      if (diary.busyAt(start)) continue;
      out.push({ date: d, time, start, outsideTimescale: !withinTimescale(d, dueBy) });
      if (out.length >= limit) break;
    }
  }
  return out;
}
