import { z } from 'zod';
import { cancelBooking } from '../../app/booking/reschedule.js';
import { renderCard } from '../cards.js';
import { childLabel, formatBookingStart } from '../presenters/labels.js';
import type { ActionSpec } from './action-spec.js';
import { id, optText, parseData, ref } from './booking-data.js';

const schema = z.object({ ref, bookingId: id, mode: z.enum(['cancel', 'adjourn']), text: optText });

/** Cancel a booking or adjourn the review, with a reason (the form's explanation box). */
export const reviewCancelAction: ActionSpec = {
  verb: 'review.cancel',
  async run(ctx) {
    const input = parseData(schema, ctx.data, '/reschedule C1001');
    const { child, booking } = await cancelBooking(ctx.deps, ctx.actor, { ...input, reason: input.text });
    return {
      kind: 'card',
      card: renderCard('notice', {
        title: `Review ${booking.status} · ${childLabel(child, ctx.showChildNames)}`,
        text: `The review booked for ${formatBookingStart(booking.start, ctx.deps.tzName)} is ${booking.status}: ${booking.statusReason}. The IRO and social work channels are told.`,
        tone: 'success', example: '',
      }),
    };
  },
};
