// Display strings shared by the card presenters. Teams-only formatting; no business rules.
import { initials } from '../../domain/access.js';
import { formatDate } from '../../domain/dates-format.js';
import { RULE_LABELS } from '../../domain/timescales.js';
import type { Booking, Child, RuleId } from '../../domain/types.js';

/** "C1001 · D.E." in shared places; "C1001 · Dylan Evans" where names may be shown. */
export function childLabel(child: Pick<Child, 'ref' | 'givenName' | 'familyName'>, showName: boolean): string {
  const name = showName ? [child.givenName, child.familyName].filter(Boolean).join(' ') : initials(child);
  return name ? `${child.ref} · ${name}` : child.ref;
}

// Formatters are costly to build; one pair per time zone.
const formatters = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formattersFor(tz: string) {
  let f = formatters.get(tz);
  if (!f) {
    f = {
      time: new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }),
    };
    formatters.set(tz, f);
  }
  return f;
}

/** Booking start as London wall-clock time: "Wed 25 Nov 2026 10:00". */
export function formatBookingStart(start: string, tz = 'Europe/London'): string {
  const d = new Date(start);
  const f = formattersFor(tz);
  return `${formatDate(f.date.format(d))} ${f.time.format(d)}`;
}

export function bookingText(b: Booking | null): string {
  return b ? `Booked ${formatBookingStart(b.start)}` : 'Not booked';
}

export function overdueText(days: number): string {
  if (days <= 0) return '';
  return `${days} day${days === 1 ? '' : 's'} overdue`;
}

export function ruleText(rule: string): string {
  return RULE_LABELS[rule as RuleId] ?? rule;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
