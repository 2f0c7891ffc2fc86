import { z } from 'zod';
import { requestReschedule, rescheduleOptions } from '../../app/booking/reschedule.js';
import { renderCard } from '../cards.js';
import { childLabel, formatBookingStart } from '../presenters/labels.js';
import { rescheduleFormCard } from '../cards/reschedule-form.js';
import { defineAction } from './action-spec.js';
import { orFormAgain } from './form-again.js';
import { id, optDate, optText, optTime, parseData } from './booking-data.js';

/** The reschedule form, from the booking card's Reschedule button (for whoever clicked). */
export const reviewRescheduleFormAction = defineAction({
  verb: 'review.reschedule.form',
  subject: 'booking',
  async run(ctx, subject) {
    const opts = await rescheduleOptions(ctx.deps, ctx.actor, subject.ref, subject.booking.id);
    return { kind: 'card', card: rescheduleFormCard(opts, ctx.showChildNames, opts.mayCancel, ctx.deps.tzName, ctx.t) };
  },
});

const schema = z.object({
  bookingId: id.optional(),
  reason: optText,
  text: optText,
  slot: optText,
  date: optDate,
  time: optTime,
});

export const reviewRescheduleRequestAction = defineAction({
  verb: 'review.reschedule.request',
  subject: 'child',
  run: (ctx, { ref }) =>
    orFormAgain(
      ctx.t,
      async () => {
        const input = parseData(schema, ctx.data, '/reschedule C1001');
        const result = await requestReschedule(ctx.deps, ctx.actor, { ...input, ref });
        const r = result.request;
        const label = childLabel(result.child, ctx.showChildNames);
        const to = formatBookingStart(r.to, ctx.deps.tzName, ctx.t);
        return {
          kind: 'card',
          card: renderCard(
            'notice',
            result.outcome === 'moved'
              ? {
                  title: ctx.t('verbs.moved.title', { child: label }),
                  text: ctx.t('verbs.moved.text', { when: to }),
                  tone: 'success',
                  example: '',
                }
              : {
                  title: ctx.t('verbs.approval.title', { child: label }),
                  text: ctx.t(r.outsideTimescale ? 'verbs.reschedule.waiting-outside' : 'verbs.reschedule.waiting', {
                    when: to,
                    id: r.id,
                  }),
                  tone: 'info',
                  example: '',
                },
          ),
        };
      },
      async (error) => {
        const data = parseData(z.object({ bookingId: id.optional() }).passthrough(), ctx.data, '/reschedule C1001');
        const opts = await rescheduleOptions(ctx.deps, ctx.actor, ref, data.bookingId);
        return rescheduleFormCard(opts, ctx.showChildNames, opts.mayCancel, ctx.deps.tzName, ctx.t, {
          values: ctx.data,
          error,
        });
      },
    ),
});
