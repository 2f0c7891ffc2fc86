import { addDays } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/types.js';
import { LIMITS } from './import-limits.js';
import type { ImportDocument, ImportProblem } from './import-schema.js';

// Dates that are real calendar dates but cannot be true relative to today (IRO_NOW or the clock,
// in Europe/London): a child born in the future or after they became looked after, an event years
// ahead. Pure: `today` is passed in.

export function implausibleDates(doc: ImportDocument, today: IsoDate): ImportProblem[] {
  const out: ImportProblem[] = [];
  const eventLimit = addDays(today, LIMITS.eventHorizonDays);
  const planLimit = addDays(today, LIMITS.planHorizonDays);
  const notAfter = (path: string, value: string | null | undefined, limit: IsoDate, rule: string) => {
    if (value && value.slice(0, 10) > limit)
      out.push({ path, message: `${value.slice(0, 10)} is ${rule} (after ${limit})` });
  };

  (doc.children ?? []).forEach((c, i) => {
    const at = `children[${i}]`;
    if (c.dateOfBirth && c.dateOfBirth > today) {
      out.push({ path: `${at}.dateOfBirth`, message: `${c.dateOfBirth} is in the future (today is ${today})` });
    }
    c.events.forEach((e, j) => {
      notAfter(`${at}.events[${j}].date`, e.date, eventLimit, `more than ${LIMITS.eventHorizonDays} days ahead`);
      notAfter(`${at}.events[${j}].dueBy`, e.dueBy, planLimit, `more than ${LIMITS.planHorizonDays} days ahead`);
    });
    (c.reviews ?? []).forEach((r, j) => {
      notAfter(`${at}.reviews[${j}].heldOn`, r.heldOn, eventLimit, `more than ${LIMITS.eventHorizonDays} days ahead`);
      notAfter(
        `${at}.reviews[${j}].recordDistributedOn`,
        r.recordDistributedOn,
        eventLimit,
        `more than ${LIMITS.eventHorizonDays} days ahead`,
      );
    });
    (c.bookings ?? []).forEach((b, j) =>
      notAfter(`${at}.bookings[${j}].start`, b.start, planLimit, `more than ${LIMITS.planHorizonDays} days ahead`),
    );
    const p = c.proceedings;
    if (p) {
      for (const k of ['startedOn', 'guardianAppointedOn', 'irhDate', 'finalHearingDate', 'concludedOn'] as const) {
        notAfter(`${at}.proceedings.${k}`, p[k], planLimit, `more than ${LIMITS.planHorizonDays} days ahead`);
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
        });
      }
      (c.reviews ?? []).forEach((r, j) => {
        if (r.heldOn < dob)
          out.push({ path: `${at}.reviews[${j}].heldOn`, message: `${r.heldOn} is before the date of birth ${dob}` });
      });
    }
  });
  return out;
}
