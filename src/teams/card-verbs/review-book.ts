import { z } from 'zod';
import { bookReview, bookingForm } from '../../app/booking/book-review.js';
import { renderCard } from '../cards.js';
import { childLabel, formatBookingStart } from '../presenters/labels.js';
import { bookingCard } from '../cards/booking.js';
import { bookingFormCard } from '../cards/booking-form.js';
import { staffNames } from '../presenters/common.js';
import { defineAction } from './action-spec.js';
import { orFormAgain } from './form-again.js';
import { csv, isoDate, hhmm, optText, parseData } from './booking-data.js';

/** The booking form from a /due row's Book button. */
export const reviewBookFormAction = defineAction({
  verb: 'review.book.form',
  subject: 'child',
  async run(ctx, { ref }) {
    return {
      kind: 'card',
      card: bookingFormCard(await bookingForm(ctx.deps, ctx.actor, ref), ctx.showChildNames, ctx.t),
    };
  },
});

const schema = z.object({
  date: isoDate,
  time: hhmm,
  venue: z.string().trim().min(1).max(120),
  invitees: csv,
  reason: optText,
  text: optText,
});

export const reviewBookAction = defineAction({
  verb: 'review.book',
  subject: 'child',
  run: (ctx, { ref }) =>
    orFormAgain(
      ctx.t,
      async () => {
        const input = parseData(schema, ctx.data, '/book C1001');
        const result = await bookReview(ctx.deps, ctx.actor, { ...input, ref });
        if (result.outcome === 'approval-needed') {
          return {
            kind: 'card',
            card: renderCard('notice', {
              title: ctx.t('verbs.approval.title', { child: childLabel(result.child, ctx.showChildNames) }),
              text: ctx.t('verbs.book.approval', {
                when: formatBookingStart(result.request.to, ctx.deps.tzName, ctx.t),
                id: result.request.id,
              }),
              tone: 'info',
              example: '',
            }),
          };
        }
        const card = bookingCard(result.child, result.booking, ctx.showChildNames, {
          event: 'booked',
          staffNames: await staffNames(ctx.deps),
          tzName: ctx.deps.tzName,
          t: ctx.t,
        });
        return { kind: 'card', card };
      },
      async (error) =>
        bookingFormCard(await bookingForm(ctx.deps, ctx.actor, ref), ctx.showChildNames, ctx.t, {
          values: ctx.data,
          error,
        }),
    ),
});
