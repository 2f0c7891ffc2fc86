import { bookingForm, BOOK_EXAMPLE } from '../../app/booking/book-review.js';
import { assertCaseRef } from '../../domain/case-ref.js';
import { bookingFormCard } from '../cards/booking-form.js';
import type { CommandSpec } from './command-context.js';
import { ANY_CONVERSATION } from './command-spec.js';

export const bookCommand: CommandSpec = {
  name: 'book',
  usage: '/book REF',
  description:
    "Book a child's next review: date, time, venue and invitees (a date outside timescale needs a manager's approval)",
  example: BOOK_EXAMPLE,
  roles: ['iro', 'business-support'],
  inCommandList: true,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, BOOK_EXAMPLE);
    return bookingFormCard(await bookingForm(ctx.deps, ctx.actor, ref), ctx.showChildNames, ctx.t);
  },
};
