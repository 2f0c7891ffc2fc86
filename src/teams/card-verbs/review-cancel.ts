import { z } from 'zod';
import { cancelBooking } from '../../app/booking/reschedule.js';
import { renderCard } from '../cards.js';
import { childLabel, formatBookingStart } from '../presenters/labels.js';
import { defineAction } from './action-spec.js';
import { optText, parseData } from './booking-data.js';

const schema = z.object({ mode: z.enum(['cancel', 'adjourn']), text: optText });

/** Cancel a booking or adjourn the review, with a reason (the form's explanation box). */
export const reviewCancelAction = defineAction({
  verb: 'review.cancel',
  subject: 'booking',
  async run(ctx, subject) {
    const input = parseData(schema, ctx.data, '/reschedule C1001');
    const { child, booking } = await cancelBooking(ctx.deps, ctx.actor, {
      ref: subject.ref,
      bookingId: subject.booking.id,
      mode: input.mode,
      reason: input.text,
    });
    return {
      kind: 'card',
      card: renderCard('notice', {
        title: ctx.t(booking.status === 'adjourned' ? 'verbs.cancel.title.adjourned' : 'verbs.cancel.title.cancelled', {
          child: childLabel(child, ctx.showChildNames),
        }),
        text: ctx.t(booking.status === 'adjourned' ? 'verbs.cancel.text.adjourned' : 'verbs.cancel.text.cancelled', {
          when: formatBookingStart(booking.start, ctx.deps.tzName, ctx.t),
          reason: booking.statusReason ?? '',
        }),
        tone: 'success',
        example: '',
      }),
    };
  },
});
