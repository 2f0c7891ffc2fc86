import { addDays } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/types.js';
import { LIMITS } from './import-limits.js';
import type { ImportDocument, ImportProblem } from './import-schema.js';
import { say } from './problem-words.js';

// Dates that are real calendar dates but cannot be true relative to today (IRO_NOW or the clock,
// in Europe/London): a child born in the future or after they became looked after, an event years
// ahead. Pure: `today` is passed in.

export function implausibleDates(doc: ImportDocument, today: IsoDate): ImportProblem[] {
  const out: ImportProblem[] = [];
  const eventLimit = addDays(today, LIMITS.eventHorizonDays);
  const planLimit = addDays(today, LIMITS.planHorizonDays);
  const notAfter = (path: string, value: string | null | undefined, limit: IsoDate, days: number) => {
    const date = value?.slice(0, 10);
    if (date && date > limit)
      out.push({
        path,
        message: `${date} is more than ${days} days ahead (after ${limit})`,
        say: say('errors.import.too-far-ahead', { date, days: String(days), limit }),
      });
  };

  (doc.children ?? []).forEach((c, i) => {
    const at = `children[${i}]`;
    if (c.dateOfBirth && c.dateOfBirth > today) {
      out.push({
        path: `${at}.dateOfBirth`,
        message: `${c.dateOfBirth} is in the future (today is ${today})`,
        say: say('errors.import.born-in-future', { date: c.dateOfBirth, today }),
      });
    }
    c.events.forEach((e, j) => {
      notAfter(`${at}.events[${j}].date`, e.date, eventLimit, LIMITS.eventHorizonDays);
      notAfter(`${at}.events[${j}].dueBy`, e.dueBy, planLimit, LIMITS.planHorizonDays);
    });
    (c.reviews ?? []).forEach((r, j) => {
      notAfter(`${at}.reviews[${j}].heldOn`, r.heldOn, eventLimit, LIMITS.eventHorizonDays);
      notAfter(`${at}.reviews[${j}].recordDistributedOn`, r.recordDistributedOn, eventLimit, LIMITS.eventHorizonDays);
    });
    (c.bookings ?? []).forEach((b, j) =>
      notAfter(`${at}.bookings[${j}].start`, b.start, planLimit, LIMITS.planHorizonDays),
    );
    const p = c.proceedings;
    if (p) {
      for (const k of ['startedOn', 'guardianAppointedOn', 'irhDate', 'finalHearingDate', 'concludedOn'] as const) {
        notAfter(`${at}.proceedings.${k}`, p[k], planLimit, LIMITS.planHorizonDays);
      }
    }

    // Nothing the service records about a child can happen before they were born.
    if (c.dateOfBirth) {
      const dob = c.dateOfBirth;
      const firstEvent = c.events.reduce<number>(
        (best, e, j) => (best < 0 || e.date < c.events[best]!.date ? j : best),
        -1,
      );
      if (firstEvent >= 0 && c.events[firstEvent]!.date < dob) {
        const e = c.events[firstEvent]!;
        out.push({
          path: `${at}.dateOfBirth`,
          message: `${dob} is after the child's first event (${e.type} on ${e.date}, events[${firstEvent}])`,
          say: say('errors.import.born-after-event', {
            dob,
            type: e.type,
            date: e.date,
            index: String(firstEvent),
          }),
        });
      }
      (c.reviews ?? []).forEach((r, j) => {
        if (r.heldOn < dob)
          out.push({
            path: `${at}.reviews[${j}].heldOn`,
            message: `${r.heldOn} is before the date of birth ${dob}`,
            say: say('errors.import.held-before-birth', { date: r.heldOn, dob }),
          });
      });
    }
  });
  return out;
}
