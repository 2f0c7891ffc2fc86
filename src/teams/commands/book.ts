import { bookingForm, BOOK_EXAMPLE } from '../../app/booking/book-review.js';
import { todayIn } from '../../domain/calendar.js';
import { assertCaseRef } from '../../domain/case-ref.js';
import { parseTypedDate } from '../../domain/due-window.js';
import { AppError } from '../../domain/errors.js';
import { renderCard } from '../cards.js';
import { bookingFormCardData } from '../cards/booking-form.js';
import type { CommandSpec } from './command-context.js';
import { ANY_CONVERSATION } from './command-spec.js';

export const bookCommand: CommandSpec = {
  name: 'book',
  usage: '/book REF [DATE]',
  description:
    "Book a child's next review: date, time, venue and invitees (a date outside timescale needs a manager's approval)",
  example: BOOK_EXAMPLE,
  roles: ['iro', 'business-support'],
  inCommandList: true,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    const [ref = '', ...rest] = ctx.args.trim().split(/\s+/);
    assertCaseRef(ref, BOOK_EXAMPLE);
    // An optional date fills in the form's date, typed as /due reads dates ("14 Ionawr", "4 Oct", "2026-12-01").
    const typed = rest.join(' ');
    const today = todayIn(ctx.deps.clock(), ctx.deps.tzName);
    const date = typed ? parseTypedDate(typed, today) : null;
    if (typed && !date) {
      throw new AppError(
        'invalid-input',
        `I can't read "${typed.slice(0, 40)}" as a date`,
        { example: `/book ${ref} 14 Jan` },
        { key: 'errors.book.date-unreadable', params: { text: typed.slice(0, 40) } },
      );
    }
    if (date && date.date < today) {
      throw new AppError(
        'invalid-input',
        `${date.date} has passed`,
        { example: `/book ${ref}`, problem: 'in-past' },
        { key: 'errors.book.date-past', params: { whenDate: date.date } },
      );
    }
    const data = bookingFormCardData(await bookingForm(ctx.deps, ctx.actor, ref), ctx.showChildNames, ctx.t);
    return renderCard('booking-form', date ? { ...data, defaultDate: date.date } : data);
  },
};
